import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOST_NAME_LIST_MAX, HOST_PLAYER_LIST_MAX } from "../../lib/contract";
import { apply } from "../../server/game/engine";
import { hostView, playerView } from "../../server/game/views";
import type { Command, GameState, QuestionDef } from "../../server/game/types";
import {
  commandsFor,
  type Cursor,
  game,
  must,
  openingOf,
  question,
  scenarioArb,
  scenarioGame,
  withPlayers,
  propertyRuns,
} from "./helpers";

const ANSWER_KEYS = ["correctOptionIds", "correct", "explanation", "optionCounts"];

function keysDeep(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysDeep(v, found));
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== null && inner !== undefined) found.add(key);
      keysDeep(inner, found);
    }
  }
  return found;
}

/** Every phase a game passes through, with a player that answered correctly. */
function phases(): GameState[] {
  const states: GameState[] = [];
  let s = withPlayers(game([question({ explanation: "SECRET-EXPLANATION" })]), ["ann", "bob"]);
  states.push(s);
  s = must(s, { type: "start" }, 0);
  states.push(s);
  s = must(s, { type: "answer", playerId: "ann", questionIndex: 0, optionIds: ["b"] }, 100);
  states.push(s);
  states.push(must(s, { type: "pause" }, 200));
  s = must(s, { type: "tick" }, 20_000);
  states.push(s);
  s = must(s, { type: "next" }, 20_000);
  states.push(s);
  s = must(s, { type: "next" }, 20_000);
  states.push(s);
  return states;
}

describe("views", () => {
  it("R-NO-LEAK: no phone view before the reveal holds a field that tells the answer", () => {
    for (const state of phases()) {
      for (const id of ["ann", "bob"]) {
        const view = playerView(state, id, 0);
        expect(view).not.toBeNull();
        const text = JSON.stringify(view);
        if (state.phase === "lobby" || state.phase === "question" || state.phase === "leaderboard") {
          const keys = keysDeep(view);
          for (const key of ANSWER_KEYS) expect(keys.has(key), `${state.phase}: ${key}`).toBe(false);
          expect(text).not.toContain("SECRET-EXPLANATION");
        }
      }
    }
  });

  it("R-NO-LEAK: the projector too carries the correct options only from the reveal on", () => {
    for (const state of phases()) {
      const view = hostView(state, 0, "http://x/join?pin=123456");
      const before = state.phase === "lobby" || state.phase === "question";
      expect(view.correctOptionIds === null, state.phase).toBe(before);
      expect(view.optionCounts === null).toBe(before);
      if (before) expect(JSON.stringify(view)).not.toContain("SECRET-EXPLANATION");
    }
  });

  it("reveal tells each phone its own result and the correct options", () => {
    const reveal = phases().find((s) => s.phase === "reveal");
    const ann = reveal && playerView(reveal, "ann", 0);
    const bob = reveal && playerView(reveal, "bob", 0);
    expect(ann?.phase === "reveal" && [ann.correct, ann.points, ann.correctOptionIds]).toEqual([true, 1000, ["b"]]);
    expect(bob?.phase === "reveal" && [bob.correct, bob.points, bob.rank]).toEqual([false, 0, 2]);
  });

  it("R-RANK-NULL: rank is null until the first reveal", () => {
    const [lobby, open] = phases();
    expect(lobby && playerView(lobby, "ann", 0)?.rank).toBeNull();
    expect(open && playerView(open, "ann", 0)?.rank).toBeNull();
  });

  it("host view counts answers without telling which option", () => {
    let s = must(withPlayers(game(), ["ann", "bob"]), { type: "start" }, 0);
    s = must(s, { type: "answer", playerId: "ann", questionIndex: 0, optionIds: ["c"] }, 100);
    const view = hostView(s, 200, "u");
    expect(view.answeredCount).toBe(1);
    expect(view.question?.timeLeftMs).toBe(19_800);
    expect(apply(s, { type: "next" }, 0).ok).toBe(false);
  });
});

// --- R-NO-LEAK as non-interference: two decks that differ only in which options are
// right must look the same on every screen until that question's reveal. ---

/** The same question with other correct option(s). */
function otherCorrect(q: QuestionDef, seed: number): QuestionDef {
  const n = q.options.length;
  if (q.kind !== "multiple") return { ...q, correct: [((q.correct[0] ?? 0) + 1 + (seed % (n - 1))) % n] };
  // Toggle one option; if that empties the set, take another one alone.
  const flip = seed % n;
  const toggled = q.correct.includes(flip) ? q.correct.filter((i) => i !== flip) : [...q.correct, flip].sort();
  return { ...q, correct: toggled.length > 0 ? toggled : [(flip + 1) % n] };
}

/** Every screen of a game: each player's phone (and an unknown id's), and the projector. */
function screens(state: GameState, now: number) {
  const ids = [...Object.keys(state.players), "nobody"];
  return {
    players: ids.map((id) => playerView(state, id, now)),
    host: hostView(state, now, "http://x/join?pin=123456"),
  };
}

const RUN_OPTIONS = propertyRuns(100);
const RUNS = RUN_OPTIONS.numRuns;

/** Before question `k`'s reveal: nothing on screen may depend on its correct options. */
const beforeReveal = (s: GameState, k: number) => s.questionIndex < k || s.phase === "lobby" || s.phase === "question";

// Whole random games: slow on a loaded machine or under Stryker, so a generous timeout.
describe("views: non-interference", { timeout: 60_000 }, () => {
  it("R-NO-LEAK: two games whose decks differ only in the correct options show the same screens in the lobby, an open and a paused question", () => {
    const deckA = [question({ correct: [0] }), question({ kind: "multiple", correct: [0, 2] })];
    const deckB = [question({ correct: [3] }), question({ kind: "multiple", correct: [1] })];
    const commands: [Command, number][] = [
      [{ type: "join", playerId: "ann", nickname: "ann", nicknameKey: "ann" }, 0],
      [{ type: "join", playerId: "bob", nickname: "bob", nicknameKey: "bob" }, 10],
      [{ type: "join", playerId: "cat", nickname: "cat", nicknameKey: "cat" }, 20],
      [{ type: "start" }, 1_000],
      [{ type: "answer", playerId: "ann", questionIndex: 0, optionIds: ["a"] }, 1_400],
      [{ type: "tick" }, 1_400],
      [{ type: "answer", playerId: "bob", questionIndex: 0, optionIds: ["d"] }, 2_000],
      [{ type: "pause" }, 3_000],
      [{ type: "answer", playerId: "bob", questionIndex: 0, optionIds: ["d"] }, 3_500],
      [{ type: "resume" }, 9_000],
      [{ type: "disconnect", playerId: "bob" }, 9_500],
    ];
    let [a, b] = [withPlayers(game(deckA), []), withPlayers(game(deckB), [])];
    let compared = 0;
    for (const [command, now] of commands) {
      const [outA, outB] = [apply(a, command, now), apply(b, command, now)];
      expect(outB.ok ? "ok" : outB.code).toBe(outA.ok ? "ok" : outA.code);
      [a, b] = [outA.state, outB.state];
      expect(screens(b, now + 100)).toEqual(screens(a, now + 100));
      compared++;
    }
    expect(compared).toBe(commands.length);
    expect([a.phase, Object.keys(a.answers[0] ?? {})]).toEqual(["question", ["ann", "bob"]]);
    // The reveal is where they may part: the control that the check can see a difference.
    const [revealA, revealB] = [must(a, { type: "skip" }, 10_000), must(b, { type: "skip" }, 10_000)];
    expect(screens(revealB, 10_000)).not.toEqual(screens(revealA, 10_000));
  });

  it("R-NO-LEAK: over whole random games, every screen is the same for both decks at every step before the changed question's reveal", () => {
    let steps = 0;
    let questionSteps = 0;
    let pausedSteps = 0;
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.nat(), (scenario, at, seed) => {
        const k = at % scenario.questions.length;
        const changed = scenario.questions.map((q, i) => (i === k ? otherCorrect(q, seed) : q));
        expect(changed[k]?.correct).not.toEqual(scenario.questions[k]?.correct);
        let a = scenarioGame(scenario);
        let b = scenarioGame({ ...scenario, questions: changed });
        const cursor: Cursor = { now: 1_000, joins: 0 };
        const play = (commands: [Command, number][]) => {
          for (const [command, now] of commands) {
            if (!beforeReveal(a, k)) return false;
            const [outA, outB] = [apply(a, command, now), apply(b, command, now)];
            [a, b] = [outA.state, outB.state];
            if (!beforeReveal(a, k)) return false;
            expect(outB.ok ? "ok" : outB.code).toBe(outA.ok ? "ok" : outA.code);
            const [viewsA, viewsB] = [screens(a, now), screens(b, now)];
            if (!isDeepStrictEqual(viewsA, viewsB)) expect(viewsB, JSON.stringify(command)).toEqual(viewsA);
            steps++;
            if (a.phase === "question") questionSteps++;
            if (a.paused) pausedSteps++;
          }
          return true;
        };
        if (!play(openingOf(scenario, cursor))) return;
        for (const step of scenario.steps) if (!play(commandsFor(a, step, cursor))) return;
      }),
      RUN_OPTIONS,
    );
    console.log(
      `views non-interference: ${steps} steps compared, ${questionSteps} in a question, ${pausedSteps} paused`,
    );
    expect(questionSteps).toBeGreaterThan(RUNS * 10);
    expect(pausedSteps).toBeGreaterThan(RUNS * 0.5);
  });
});

describe("views: what each screen shows", () => {
  const deck = [
    question({ text: "Q1", explanation: "E1", imageUrl: "/img/1.png", timeLimitSec: 10 }),
    question({ kind: "multiple", text: "Q2", options: ["w", "x", "y"], correct: [0, 2], points: "double" }),
  ];
  const open = must(withPlayers(game(deck), ["ann", "bob", "cat"]), { type: "start" }, 1_000);

  it("R-LATE-JOIN: each phase's phone view, in full", () => {
    const q1 = {
      index: 0,
      count: 2,
      kind: "single",
      text: "Q1",
      options: ["A", "B", "C", "D"].map((text, i) => ({ id: "abcd"[i], text })),
      points: "standard",
      timeLimitMs: 10_000,
      timeLeftMs: 7_500,
      imageUrl: "/img/1.png",
    };
    const base = { nickname: "ann", score: 0, rank: null, paused: false, playerCount: 3, questionCount: 2 };
    expect(playerView(withPlayers(game(deck), ["ann"]), "ann", 0)).toEqual({ ...base, playerCount: 1, phase: "lobby" });
    let s = must(open, { type: "answer", playerId: "ann", questionIndex: 0, optionIds: ["b"] }, 1_400);
    expect(playerView(s, "ann", 3_500)).toEqual({ ...base, phase: "question", question: q1, answeredOptionIds: ["b"] });
    expect(playerView(s, "bob", 3_500)).toMatchObject({ phase: "question", answeredOptionIds: null });
    s = must(s, { type: "kick", playerId: "cat" }, 1_500);
    const paused = must(s, { type: "pause" }, 2_000);
    expect(playerView(paused, "ann", 60_000)).toMatchObject({
      paused: true,
      playerCount: 2,
      question: { timeLeftMs: 9_000 },
    });
    s = must(s, { type: "tick" }, 11_000);
    expect(playerView(s, "ann", 12_000)).toEqual({
      ...base,
      score: 1000,
      rank: 1,
      playerCount: 2,
      phase: "reveal",
      question: { ...q1, timeLeftMs: 0 },
      answeredOptionIds: ["b"],
      correct: true,
      points: 1000,
      bonus: 0,
      streak: 1,
      skipped: false,
      correctOptionIds: ["b"],
      explanation: "E1",
      rationales: [],
    });
    // A phone that joined after the close has no result of its own: nothing scored.
    s = must(s, { type: "join", playerId: "dan", nickname: "Dan", nicknameKey: "dan" }, 12_000);
    expect(playerView(s, "dan", 12_000)).toMatchObject({
      phase: "reveal",
      answeredOptionIds: null,
      correct: false,
      points: 0,
      bonus: 0,
      streak: 0,
      rank: null,
    });
    s = must(s, { type: "next" }, 13_000);
    expect(playerView(s, "bob", 13_000)).toEqual({
      ...base,
      nickname: "bob",
      rank: 2,
      playerCount: 3,
      phase: "leaderboard",
      questionIndex: 0,
    });
    s = must(s, { type: "end" }, 14_000);
    expect(playerView(s, "ann", 14_000)).toEqual({
      ...base,
      score: 1000,
      rank: 1,
      playerCount: 3,
      phase: "ended",
      correctCount: 1,
      questionsPlayed: 1,
      reviewUrl: null,
    });
    expect(playerView(s, "nobody", 14_000)).toBeNull();
    expect(playerView(s, "constructor", 14_000)).toBeNull();
  });

  it("R-REPORT-PLAYED: the final screen counts the questions opened and those answered right, skipped ones included", () => {
    const tally = (state: GameState, id: string) => {
      const view = playerView(state, id, 0);
      return view?.phase === "ended" ? [view.correctCount, view.questionsPlayed] : view?.phase;
    };
    expect(tally(must(withPlayers(game(deck), ["ann"]), { type: "end" }, 0), "ann")).toEqual([0, 0]);
    let s = must(open, { type: "answer", playerId: "ann", questionIndex: 0, optionIds: ["b"] }, 1_100);
    s = must(s, { type: "answer", playerId: "bob", questionIndex: 0, optionIds: ["a"] }, 1_200);
    s = must(must(s, { type: "skip" }, 1_300), { type: "next" }, 1_400);
    expect(tally(must(s, { type: "end" }, 1_500), "ann")).toEqual([1, 1]);
    s = must(
      must(s, { type: "next" }, 2_000),
      { type: "answer", playerId: "bob", questionIndex: 1, optionIds: ["c", "a"] },
      2_100,
    );
    s = must(s, { type: "end" }, 2_200);
    expect([tally(s, "ann"), tally(s, "bob"), tally(s, "cat")]).toEqual([
      [1, 2],
      [1, 2],
      [0, 2],
    ]);
    // The engine's own count leaves the skipped question out; the screen follows the report.
    expect(s.players.ann?.correctCount).toBe(0);
  });

  it("R-NO-LEAK: the projector counts answers and connections of players still in the game, without the options", () => {
    let s = must(open, { type: "join", playerId: "dan", nickname: "dan", nicknameKey: "dan" }, 1_000);
    s = must(s, { type: "answer", playerId: "bob", questionIndex: 0, optionIds: ["c"] }, 1_100);
    s = must(s, { type: "answer", playerId: "cat", questionIndex: 0, optionIds: ["c"] }, 1_200);
    s = must(must(s, { type: "kick", playerId: "cat" }, 1_300), { type: "disconnect", playerId: "ann" }, 1_400);
    s = must(
      must(s, { type: "kick", playerId: "dan" }, 1_500),
      { type: "join", playerId: "eve", nickname: "eve", nicknameKey: "eve" },
      1_500,
    );
    s = must(s, { type: "answer", playerId: "eve", questionIndex: 0, optionIds: ["c"] }, 1_600);
    const view = hostView(s, 2_000, "http://x/join?pin=123456");
    expect(view).toEqual({
      gameId: "g1",
      phase: "question",
      paused: false,
      locked: false,
      pin: "123456",
      joinUrl: "http://x/join?pin=123456",
      deckTitle: "Deck",
      language: "en",
      questionCount: 2,
      players: [
        { id: "ann", nickname: "ann", score: 0, connected: false },
        { id: "bob", nickname: "bob", score: 0, connected: true },
        { id: "eve", nickname: "eve", score: 0, connected: true },
      ],
      question: expect.objectContaining({ index: 0, timeLeftMs: 9_000 }),
      answeredCount: 2,
      connectedCount: 2,
      questionIndex: 0,
      playerCount: 3,
      maxPlayers: 100,
      awayCount: 1,
      unansweredCount: 1,
      unanswered: [{ id: "ann", nickname: "ann", connected: false }],
      away: [{ id: "ann", nickname: "ann", connected: false }],
      correctOptionIds: null,
      optionCounts: null,
      explanation: null,
      skipped: false,
      leaderboard: [],
    });
    // From the reveal on: the correct options and how many chose each, kicked players left out.
    const reveal = hostView(must(s, { type: "skip" }, 3_000), 3_000, "u");
    expect([reveal.correctOptionIds, reveal.optionCounts, reveal.explanation, reveal.skipped]).toEqual([
      ["b"],
      { a: 0, b: 0, c: 2, d: 0 },
      "E1",
      true,
    ]);
  });

  it("the projector counts answered, connected and away players, and names who has not answered and who is away", () => {
    // ann answers; bob drops out without answering; cat is still thinking; dan drops out after answering.
    let s = must(open, { type: "join", playerId: "dan", nickname: "Dan", nicknameKey: "dan" }, 1_000);
    s = must(s, { type: "answer", playerId: "ann", questionIndex: 0, optionIds: ["b"] }, 1_100);
    s = must(s, { type: "answer", playerId: "dan", questionIndex: 0, optionIds: ["a"] }, 1_200);
    s = must(must(s, { type: "disconnect", playerId: "bob" }, 1_300), { type: "disconnect", playerId: "dan" }, 1_300);
    const view = hostView(s, 2_000, "u");
    expect([view.playerCount, view.answeredCount, view.connectedCount, view.awayCount, view.unansweredCount]).toEqual([
      4, 2, 2, 2, 2,
    ]);
    expect(view.unanswered).toEqual([
      { id: "bob", nickname: "bob", connected: false },
      { id: "cat", nickname: "cat", connected: true },
    ]);
    expect(view.away?.map((p) => p.id)).toEqual(["bob", "dan"]);
    // Once the question closes nobody is "not answered" any more; who is away still shows.
    const reveal = hostView(must(s, { type: "skip" }, 3_000), 3_000, "u");
    expect([reveal.unansweredCount, reveal.unanswered, reveal.away?.length]).toEqual([0, [], 2]);
    const lobby = hostView(withPlayers(game(deck), ["ann"]), 0, "u");
    expect([lobby.questionIndex, lobby.unansweredCount, lobby.unanswered, lobby.awayCount]).toEqual([-1, 0, [], 0]);
  });

  it("the projector's name lists stop at HOST_NAME_LIST_MAX while the counts stay whole", () => {
    const names = Array.from({ length: HOST_NAME_LIST_MAX + 30 }, (_, i) => `p${i}`);
    let s = must(withPlayers({ ...game(deck), maxPlayers: 1_000 }, names, 0), { type: "start" }, 0);
    for (const id of names) s = must(s, { type: "disconnect", playerId: id }, 100);
    const view = hostView(s, 200, "u");
    expect([view.unansweredCount, view.awayCount, view.unanswered?.length, view.away?.length]).toEqual([
      names.length,
      names.length,
      HOST_NAME_LIST_MAX,
      HOST_NAME_LIST_MAX,
    ]);
    expect(view.unanswered?.[0]?.id).toBe("p0");
    expect(view.playerCount).toBe(names.length);
  });

  it("the projector's player list holds the latest HOST_PLAYER_LIST_MAX joiners, in join order; playerCount is whole", () => {
    const names = Array.from({ length: HOST_PLAYER_LIST_MAX + 7 }, (_, i) => `p${i}`);
    const s = withPlayers({ ...game(deck), maxPlayers: 1_000 }, names, 0);
    const view = hostView(s, 0, "u");
    expect(view.playerCount).toBe(names.length);
    expect(view.players.map((p) => p.id)).toEqual(names.slice(-HOST_PLAYER_LIST_MAX));
    const small = hostView(withPlayers(game(deck), ["ann", "bob"]), 0, "u");
    expect(small.players.map((p) => p.id)).toEqual(["ann", "bob"]);
  });

  it("R-JOIN: the projector learns the game is full (playerCount reaches maxPlayers)", () => {
    const s = withPlayers({ ...game(deck), maxPlayers: 2 }, ["ann", "bob"]);
    const view = hostView(s, 0, "u");
    expect([view.playerCount, view.maxPlayers]).toEqual([2, 2]);
    const kicked = hostView(must(s, { type: "kick", playerId: "bob" }, 0), 0, "u");
    expect([kicked.playerCount, kicked.maxPlayers]).toEqual([1, 2]);
  });

  it("the projector lists players in join order, whatever order the state holds them in", () => {
    const s = withPlayers(game(deck), ["ann", "bob", "cat"]);
    const shuffled = { ...s, players: { cat: s.players.cat!, ann: s.players.ann!, bob: s.players.bob! } };
    expect(hostView(shuffled, 0, "u").players.map((p) => p.id)).toEqual(["ann", "bob", "cat"]);
  });

  it("R-RANK-TIEBREAK: the projector's leaderboard is the top five by standing, ranked players only", () => {
    let s = must(withPlayers(game(deck), ["p1", "p2", "p3", "p4", "p5", "p6", "p7"]), { type: "start" }, 0);
    for (const [i, id] of ["p7", "p6", "p5", "p4", "p3", "p2"].entries()) {
      s = must(s, { type: "answer", playerId: id, questionIndex: 0, optionIds: ["b"] }, 1_000 * (i + 1));
    }
    s = must(s, { type: "tick" }, 10_000);
    s = must(s, { type: "join", playerId: "late", nickname: "late", nicknameKey: "late" }, 10_000);
    const board = hostView(s, 10_000, "u").leaderboard;
    expect(board.map((e) => [e.playerId, e.rank])).toEqual([
      ["p7", 1],
      ["p6", 2],
      ["p5", 3],
      ["p4", 4],
      ["p3", 5],
    ]);
    expect(board[0]).toEqual({ playerId: "p7", nickname: "p7", score: 950, rank: 1, previousRank: null, streak: 1 });
    const kicked = must(s, { type: "kick", playerId: "p6" }, 10_000);
    expect(hostView(kicked, 10_000, "u").leaderboard.map((e) => e.playerId)).toEqual(["p7", "p5", "p4", "p3", "p2"]);
  });

  it("R-NO-LEAK: a game ended in the lobby shows no answer; one ended during a question shows that question's", () => {
    const fromLobby = hostView(must(withPlayers(game(deck), ["ann"]), { type: "end" }, 0), 0, "u");
    expect([fromLobby.question, fromLobby.correctOptionIds, fromLobby.optionCounts, fromLobby.explanation]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const midQuestion = hostView(must(open, { type: "end" }, 2_000), 2_000, "u");
    expect([midQuestion.correctOptionIds, midQuestion.explanation, midQuestion.question?.timeLeftMs]).toEqual([
      ["b"],
      "E1",
      0,
    ]);
  });
});
