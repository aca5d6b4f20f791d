// Why each option is wrong (the deck's rationales): a phone whose answer was wrong
// sees, at the reveal, the rationale of each option it chose; nothing of them
// reaches any screen before the reveal, and the projector never shows them (it
// shows the explanation). R-NO-LEAK: a rationale tells the answer as the key does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apply } from "../../server/game/engine";
import { hostView, playerView, rationalesForChoice } from "../../server/game/views";
import type { Command, GameState, QuestionDef } from "../../server/game/types";
import {
  commandsFor,
  type Cursor,
  game,
  must,
  openingOf,
  propertyRuns,
  question,
  scenarioArb,
  scenarioGame,
  withPlayers,
} from "./helpers";

const MARK = "RATIONALE-";
/** Every option's rationale a distinctive marker: question q, option letter. */
const marked = (q: number, count: number, blank: number[] = []) =>
  Array.from({ length: count }, (_, i) => (blank.includes(i) ? "" : `${MARK}${q}-${"abcdef"[i]}`));

const DECK: QuestionDef[] = [
  question({ text: "Q0", correct: [1], rationales: marked(0, 4, [3]) }),
  question({ kind: "multiple", text: "Q1", correct: [0, 2], rationales: marked(1, 4, [3]) }),
  question({ kind: "truefalse", text: "Q2", options: ["True", "False"], correct: [0], rationales: marked(2, 2) }),
];

const reveal = (state: GameState, playerId: string) => {
  const view = playerView(state, playerId, 0);
  if (view?.phase !== "reveal") throw new Error(`not a reveal: ${view?.phase}`);
  return view;
};

/** A game at question `index` with the answers given, then closed by its deadline (or skipped). */
function revealed(answers: Record<string, string[]>, index = 0, skip = false): GameState {
  let s = must(withPlayers(game(DECK), ["ann", "bob", "cat", "dan"]), { type: "start" }, 0);
  for (let i = 0; i < index; i += 1)
    s = must(must(must(s, { type: "skip" }, 0), { type: "next" }, 0), { type: "next" }, 0);
  for (const [playerId, optionIds] of Object.entries(answers)) {
    s = must(s, { type: "answer", playerId, questionIndex: index, optionIds }, 100);
  }
  return must(s, skip ? { type: "skip" } : { type: "tick" }, 60_000);
}

describe("rationales at the reveal: what each phone sees", () => {
  it("a wrong single answer sees its own option's rationale; a right one sees none", () => {
    const s = revealed({ ann: ["a"], bob: ["b"], cat: ["c"] });
    expect(reveal(s, "ann")).toMatchObject({ correct: false, rationales: [{ id: "a", text: `${MARK}0-a` }] });
    expect(reveal(s, "bob")).toMatchObject({ correct: true, rationales: [] });
    expect(reveal(s, "cat").rationales).toEqual([{ id: "c", text: `${MARK}0-c` }]);
  });

  it("a wrong pick whose rationale is empty shows none; no answer shows none", () => {
    const s = revealed({ ann: ["d"] });
    expect(reveal(s, "ann")).toMatchObject({ correct: false, rationales: [] });
    expect(reveal(s, "bob")).toMatchObject({ answeredOptionIds: null, rationales: [] });
  });

  it("a wrong multiple-select choice lists each chosen option's rationale in option order, empty ones left out", () => {
    // Key a and c. Ann: d, c, a (d is wrong; d has no rationale). Bob: c, b. Cat: a alone (one of two).
    const s = revealed({ ann: ["d", "c", "b"], bob: ["c", "b"], cat: ["a"], dan: ["c", "a"] }, 1);
    expect(reveal(s, "ann").rationales).toEqual([
      { id: "b", text: `${MARK}1-b` },
      { id: "c", text: `${MARK}1-c` },
    ]);
    expect(reveal(s, "bob").rationales.map((r) => r.id)).toEqual(["b", "c"]);
    expect(reveal(s, "cat")).toMatchObject({ correct: false, rationales: [{ id: "a", text: `${MARK}1-a` }] });
    expect(reveal(s, "dan")).toMatchObject({ correct: true, rationales: [] });
  });

  it("a skipped question still explains a wrong pick (judged on the choice, as the report does)", () => {
    const s = revealed({ ann: ["c"], bob: ["b"] }, 0, true);
    expect(reveal(s, "ann")).toMatchObject({ skipped: true, rationales: [{ id: "c", text: `${MARK}0-c` }] });
    expect(reveal(s, "bob").rationales).toEqual([]);
  });

  it("rationalesForChoice: a rationale list shorter than the options counts the rest as empty", () => {
    const def = question({ correct: [0], rationales: ["why a"] });
    expect(rationalesForChoice(def, ["b"])).toEqual([]);
    expect(rationalesForChoice(def, null)).toEqual([]);
    expect(rationalesForChoice(question({ correct: [1], rationales: ["why a"] }), ["a"])).toEqual([
      { id: "a", text: "why a" },
    ]);
  });

  it("the projector never carries a rationale, at the reveal either: it shows the explanation", () => {
    const s = revealed({ ann: ["a"], bob: ["b"], cat: ["c"] });
    const view = hostView(s, 0, "u");
    expect(view.explanation).toBe(DECK[0]?.explanation);
    expect(JSON.stringify(view)).not.toContain(MARK);
    expect(JSON.stringify(view)).not.toContain("rationales");
  });
});

/** Every screen of the game: each phone (and an unknown id's) and the projector. */
function screens(state: GameState, now: number) {
  return {
    players: [...Object.keys(state.players), "nobody"].map((id) => playerView(state, id, now)),
    host: hostView(state, now, "http://x/join?pin=123456"),
  };
}

// Whole random games: slow on a loaded machine or under Stryker, so a generous timeout.
describe("rationales: R-NO-LEAK", { timeout: 60_000 }, () => {
  it("R-NO-LEAK: no phone view before the reveal and no projector view ever holds a rationale", () => {
    const seen: string[] = [];
    const check = (s: GameState, now: number) => {
      seen.push(s.paused ? "paused" : s.phase);
      for (const id of Object.keys(s.players)) {
        const text = JSON.stringify(playerView(s, id, now));
        if (s.phase === "reveal") {
          // Only this question's markers, and only of what this phone chose.
          const chosen = s.answers[s.questionIndex]?.[id]?.optionIds ?? [];
          const shown = [...text.matchAll(/RATIONALE-(\d)-([a-f])/g)].map((m) => [Number(m[1]), m[2]]);
          for (const [q, letter] of shown)
            expect([q, chosen.includes(String(letter))]).toEqual([s.questionIndex, true]);
        } else {
          expect(text, `${s.phase} ${id}`).not.toContain(MARK);
          expect(text).not.toContain("rationales");
        }
      }
      const host = JSON.stringify(hostView(s, now, "u"));
      expect(host, s.phase).not.toContain(MARK);
      expect(host).not.toContain("rationales");
    };
    let s = withPlayers(game(DECK), ["ann", "bob"]);
    const step = (command: Command, now: number) => {
      s = must(s, command, now);
      check(s, now);
    };
    check(s, 0);
    step({ type: "start" }, 0);
    step({ type: "answer", playerId: "ann", questionIndex: 0, optionIds: ["a"] }, 100);
    step({ type: "pause" }, 200);
    step({ type: "resume" }, 300);
    step({ type: "answer", playerId: "bob", questionIndex: 0, optionIds: ["c"] }, 400);
    step({ type: "tick" }, 400); // every player answered: the reveal
    step({ type: "next" }, 500);
    step({ type: "next" }, 600);
    step({ type: "answer", playerId: "ann", questionIndex: 1, optionIds: ["b", "a"] }, 700);
    step({ type: "skip" }, 800);
    step({ type: "next" }, 900);
    step({ type: "next" }, 1_000);
    step({ type: "answer", playerId: "bob", questionIndex: 2, optionIds: ["b"] }, 1_100);
    step({ type: "end" }, 1_200);
    expect(seen).toEqual([
      "lobby",
      "question",
      "question",
      "paused",
      "question",
      "question",
      "reveal",
      "leaderboard",
      "question",
      "question",
      "reveal",
      "leaderboard",
      "question",
      "question",
      "ended",
    ]);
  });

  it("R-NO-LEAK: over whole random games, decks that differ only in their rationales look the same on every screen but a phone's reveal", () => {
    let compared = 0;
    let reveals = 0;
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const withMarks = scenario.questions.map((q, i) => ({ ...q, rationales: marked(i, q.options.length) }));
        const blank = scenario.questions.map((q) => ({ ...q, rationales: q.options.map(() => "") }));
        let a = scenarioGame({ ...scenario, questions: withMarks });
        let b = scenarioGame({ ...scenario, questions: blank });
        const cursor: Cursor = { now: 1_000, joins: 0 };
        const play = (commands: [Command, number][]) => {
          for (const [command, now] of commands) {
            const [outA, outB] = [apply(a, command, now), apply(b, command, now)];
            [a, b] = [outA.state, outB.state];
            expect(outB.ok ? "ok" : outB.code).toBe(outA.ok ? "ok" : outA.code);
            const [screensA, screensB] = [screens(a, now), screens(b, now)];
            expect(screensB.host).toEqual(screensA.host);
            if (a.phase === "reveal") {
              reveals++;
              const strip = (views: typeof screensA.players) =>
                views.map((v) => (v?.phase === "reveal" ? { ...v, rationales: [] } : v));
              expect(strip(screensB.players)).toEqual(strip(screensA.players));
            } else expect(screensB.players).toEqual(screensA.players);
            compared++;
          }
        };
        play(openingOf(scenario, cursor));
        for (const step of scenario.steps) play(commandsFor(a, step, cursor));
      }),
      propertyRuns(40),
    );
    expect(compared).toBeGreaterThan(1_000);
    expect(reveals).toBeGreaterThan(10);
  });
});
