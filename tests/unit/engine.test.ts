import { describe, expect, it } from "vitest";
import { apply, newPlayer, RECONNECT_GRACE_MS, replay, timeLeftMs } from "../../server/game/engine";
import type { Command, GameState, Outcome, QuestionDef } from "../../server/game/types";
import { game, must, question, withPlayers } from "./helpers";

const answer = (playerId: string, optionIds: string[], questionIndex = 0) =>
  ({ type: "answer", playerId, questionIndex, optionIds }) as const;

/** As the room does it: the answer, then (once written) a tick that may close the question. */
const answered = (s: GameState, playerId: string, optionIds: string[], now: number, questionIndex = 0) =>
  must(must(s, answer(playerId, optionIds, questionIndex), now), { type: "tick" }, now);

describe("engine", () => {
  it("R-PHASES: lobby → question → reveal → leaderboard → question → … → ended", () => {
    let s = withPlayers(game(), ["ann"]);
    s = must(s, { type: "start" }, 1000);
    expect([s.phase, s.questionIndex]).toEqual(["question", 0]);
    s = answered(s, "ann", ["b"], 2000);
    expect(s.phase).toBe("reveal");
    s = must(s, { type: "next" }, 3000);
    expect(s.phase).toBe("leaderboard");
    s = must(s, { type: "next" }, 4000);
    expect([s.phase, s.questionIndex]).toEqual(["question", 1]);
    s = must(s, { type: "skip" }, 5000);
    s = must(s, { type: "next" }, 5000);
    s = must(s, { type: "next" }, 5000);
    expect(s.phase).toBe("ended");
  });

  it("R-WRONG-PHASE: next/skip/pause/resume/start outside their phases change nothing", () => {
    const lobby = withPlayers(game(), ["ann"]);
    for (const type of ["next", "skip", "pause", "resume"] as const) {
      const outcome = apply(lobby, { type }, 0);
      expect(outcome.ok).toBe(false);
      expect(outcome.state).toBe(lobby);
    }
    const open = must(lobby, { type: "start" }, 0);
    const again = apply(open, { type: "start" }, 0);
    expect(!again.ok && again.code).toBe("WRONG_PHASE");
  });

  it("R-ANSWER-ORDER: ALREADY_ANSWERED, then WRONG_PHASE, then PAUSED, then LATE", () => {
    let s = withPlayers(game(), ["ann", "bob", "cat"]);
    const inLobby = apply(s, answer("ann", ["a"]), 0);
    expect(!inLobby.ok && inLobby.code).toBe("WRONG_PHASE");
    s = must(s, { type: "start" }, 0);
    s = must(s, answer("ann", ["a"]), 100);
    const twice = apply(s, answer("ann", ["b"]), 200);
    expect(!twice.ok && twice.code).toBe("ALREADY_ANSWERED");
    const future = apply(s, answer("bob", ["a"], 1), 200);
    expect(!future.ok && future.code).toBe("WRONG_PHASE");
    const paused = must(s, { type: "pause" }, 300);
    const whilePaused = apply(paused, answer("bob", ["a"]), 400);
    expect(!whilePaused.ok && whilePaused.code).toBe("PAUSED");
    const late = apply(s, answer("bob", ["a"]), 20_001);
    expect(!late.ok && late.code).toBe("LATE");
    const invalid = apply(s, answer("bob", ["a", "b"]), 500);
    expect(!invalid.ok && invalid.code).toBe("INVALID_PAYLOAD");
    // Where several apply, the first in the contract's order wins.
    const codeOf = (state: GameState, command: ReturnType<typeof answer>, now: number) => {
      const outcome = apply(state, command, now);
      return outcome.ok ? "ok" : outcome.code;
    };
    expect(codeOf(withPlayers(game(), ["ann"]), answer("ann", ["z"]), 0)).toBe("INVALID_PAYLOAD");
    expect(codeOf(paused, answer("bob", ["a", "b"]), 400)).toBe("INVALID_PAYLOAD");
    expect(codeOf(paused, answer("ann", ["c"]), 400)).toBe("ALREADY_ANSWERED");
    expect(codeOf(paused, answer("bob", ["a"], 1), 400)).toBe("WRONG_PHASE");
    expect(codeOf(paused, answer("bob", ["a"]), 99_000)).toBe("PAUSED");
  });

  it("R-DEADLINE: the tick closes the question at the time limit, not before", () => {
    let s = must(withPlayers(game(), ["ann"]), { type: "start" }, 0);
    expect(must(s, { type: "tick" }, 19_999).phase).toBe("question");
    s = must(s, { type: "tick" }, 20_000);
    expect(s.phase).toBe("reveal");
    expect(s.players.ann?.streak).toBe(0);
  });

  it("R-PAUSE: a paused question keeps its remaining time", () => {
    let s = must(withPlayers(game(), ["ann", "bob"]), { type: "start" }, 0);
    s = must(s, { type: "pause" }, 5_000);
    expect(timeLeftMs(s, 60_000)).toBe(15_000);
    s = must(s, { type: "resume" }, 60_000);
    expect(timeLeftMs(s, 65_000)).toBe(10_000);
    s = must(s, answer("ann", ["b"]), 61_000);
    expect(s.answers[0]?.ann?.timeMs).toBe(6_000);
  });

  it("R-SKIP: a skipped question scores nobody and keeps streaks", () => {
    let s = withPlayers(game([question(), question(), question()]), ["ann"]);
    s = must(s, { type: "start" }, 0);
    s = answered(s, "ann", ["b"], 100);
    s = must(must(s, { type: "next" }, 0), { type: "next" }, 0);
    s = answered(s, "ann", ["b"], 100, 1);
    expect(s.phase).toBe("reveal");
    const afterTwo = s.players.ann?.score ?? 0;
    expect(s.players.ann?.streak).toBe(2);
    s = must(must(s, { type: "next" }, 0), { type: "next" }, 0);
    s = must(s, { type: "skip" }, 10);
    expect(s.skipped).toBe(true);
    expect(s.players.ann?.score).toBe(afterTwo);
    expect(s.players.ann?.streak).toBe(2);
  });

  it("R-JOIN: locked, full, taken nickname and ended games refuse joins", () => {
    const s = withPlayers(game(), ["ann"]);
    const dup = apply(s, { type: "join", playerId: "x", nickname: "ANN", nicknameKey: "ann" }, 0);
    expect(!dup.ok && dup.code).toBe("NICKNAME_TAKEN");
    const locked = must(s, { type: "lock", locked: true }, 0);
    const lockedJoin = apply(locked, { type: "join", playerId: "x", nickname: "x", nicknameKey: "x" }, 0);
    expect(!lockedJoin.ok && lockedJoin.code).toBe("LOCKED");
    const full = apply({ ...s, maxPlayers: 1 }, { type: "join", playerId: "x", nickname: "x", nicknameKey: "x" }, 0);
    expect(!full.ok && full.code).toBe("GAME_FULL");
  });

  it("R-KICK: a kicked player cannot answer or reconnect", () => {
    let s = must(withPlayers(game(), ["ann", "bob"]), { type: "start" }, 0);
    s = must(s, { type: "kick", playerId: "bob" }, 0);
    const answerOutcome = apply(s, answer("bob", ["a"]), 10);
    expect(!answerOutcome.ok && answerOutcome.code).toBe("KICKED");
    const reconnect = apply(s, { type: "connect", playerId: "bob" }, 10);
    expect(!reconnect.ok && reconnect.code).toBe("KICKED");
  });

  it("R-AUTO-CLOSE: a phone that drops out (a reload) holds the question for a grace period, then no longer", () => {
    let s = must(withPlayers(game(), ["ann", "bob"]), { type: "start" }, 0);
    s = must(s, { type: "disconnect", playerId: "bob" }, 1_000);
    s = answered(s, "ann", ["b"], 2_000);
    expect(s.phase).toBe("question");
    expect(must(s, { type: "tick" }, 1_000 + RECONNECT_GRACE_MS - 1).phase).toBe("question");
    expect(must(s, { type: "tick" }, 1_000 + RECONNECT_GRACE_MS).phase).toBe("reveal");
    const back = must(s, { type: "connect", playerId: "bob" }, 3_000);
    expect(must(back, { type: "tick" }, 9_000).phase).toBe("question");
    expect(answered(back, "bob", ["a"], 9_000).phase).toBe("reveal");
  });

  it("R-RANK-TIEBREAK: equal scores rank by lower total answer time, then by who joined first", () => {
    const practice = game([question({ points: "none" }), question({ points: "none" })]);
    let s = must(withPlayers(practice, ["ann", "bob", "cat"]), { type: "start" }, 0);
    s = answered(s, "bob", ["b"], 1_000);
    s = answered(s, "ann", ["a"], 5_000);
    s = answered(s, "cat", ["c"], 5_000);
    expect(s.phase).toBe("reveal");
    expect([s.players.bob?.rank, s.players.ann?.rank, s.players.cat?.rank]).toEqual([1, 2, 3]);
    expect(s.players.ann?.score).toBe(0);
  });

  it("R-RESTART: replaying the stored answers rebuilds the same scores and ranks", () => {
    let s = withPlayers(game([question(), question({ points: "double" })]), ["ann", "bob"]);
    s = must(s, { type: "start" }, 0);
    s = answered(s, "ann", ["b"], 3_000);
    s = answered(s, "bob", ["b"], 6_000);
    s = answered(must(must(s, { type: "next" }, 0), { type: "next" }, 10_000), "bob", ["b"], 10_200, 1);
    s = answered(s, "ann", ["a"], 12_000, 1);
    const rebuilt = replay(
      {
        ...withPlayers(game(s.questions), ["ann", "bob"]),
        answers: s.answers,
      },
      [
        { index: 0, skipped: false },
        { index: 1, skipped: false },
      ],
      99_000,
    );
    for (const id of ["ann", "bob"]) {
      expect(rebuilt.players[id]?.score).toBe(s.players[id]?.score);
      expect(rebuilt.players[id]?.rank).toBe(s.players[id]?.rank);
    }
  });
});

// --- clauses the model properties reach only by chance: each pinned by an example ---

const codeOf = (outcome: Outcome) => (outcome.ok ? "ok" : outcome.code);

/** A refusal must leave the very state it was given (R-WRONG-PHASE: "changes nothing"). */
function refused(state: GameState, command: Command, now: number, code: string) {
  const outcome = apply(state, command, now);
  expect(codeOf(outcome), `${command.type} in ${state.phase}${state.paused ? " (paused)" : ""}`).toBe(code);
  expect(outcome.state).toBe(state);
}

/** One state per phase of a two-player game on the default deck. */
function everyPhase() {
  const lobby = withPlayers(game(), ["ann", "bob"]);
  const question = must(lobby, { type: "start" }, 0);
  const paused = must(question, { type: "pause" }, 1_000);
  const reveal = must(must(question, answer("ann", ["b"]), 1_000), { type: "skip" }, 2_000);
  const leaderboard = must(reveal, { type: "next" }, 3_000);
  const ended = must(leaderboard, { type: "end" }, 4_000);
  return { lobby, question, paused, reveal, leaderboard, ended };
}

const join = (playerId: string) => ({ type: "join", playerId, nickname: playerId, nicknameKey: playerId }) as const;

describe("engine: phases", () => {
  it("R-PHASES: `end` ends the game from the lobby, an open or paused question, the reveal and the leaderboard", () => {
    const { ended, ...others } = everyPhase();
    expect(ended.phase).toBe("ended");
    for (const [name, state] of Object.entries(others)) {
      const outcome = apply(state, { type: "end" }, 5_000);
      expect(outcome.ok, name).toBe(true);
      expect(outcome.ok && outcome.effects).toEqual([{ type: "phaseChanged" }]);
      expect([outcome.state.phase, outcome.state.paused, outcome.state.runningSince], name).toEqual([
        "ended",
        false,
        null,
      ]);
      // Ending does not score the open question.
      expect(outcome.state.players.ann?.score, name).toBe(state.players.ann?.score);
    }
  });

  it("R-PHASES: an ended game refuses `end` and every other phase change", () => {
    const { ended } = everyPhase();
    for (const type of ["end", "start", "next", "skip", "pause", "resume"] as const) {
      refused(ended, { type }, 5_000, "WRONG_PHASE");
    }
    refused(ended, { type: "lock", locked: true }, 5_000, "WRONG_PHASE");
    expect(must(ended, { type: "tick" }, 99_000)).toBe(ended);
  });

  it("R-PHASES: the end of a question's time and `next` from the last leaderboard are the only ways on", () => {
    let s = must(withPlayers(game([question()]), ["ann"]), { type: "start" }, 0);
    s = must(s, { type: "tick" }, 20_000);
    expect(s.phase).toBe("reveal");
    const board = apply(s, { type: "next" }, 21_000);
    expect(board.ok && [board.state.phase, board.effects]).toEqual(["leaderboard", [{ type: "phaseChanged" }]]);
    s = board.state;
    const last = apply(s, { type: "next" }, 22_000);
    expect(last.ok && [last.state.phase, last.state.questionIndex, last.effects]).toEqual([
      "ended",
      0,
      [{ type: "phaseChanged" }],
    ]);
  });

  it("R-WRONG-PHASE: pause and skip outside an open question", () => {
    const { lobby, reveal, leaderboard, ended, paused } = everyPhase();
    for (const state of [lobby, reveal, leaderboard, ended]) {
      refused(state, { type: "pause" }, 5_000, "WRONG_PHASE");
      refused(state, { type: "skip" }, 5_000, "WRONG_PHASE");
    }
    // A paused question is still open: it can be skipped, but not paused again.
    refused(paused, { type: "pause" }, 5_000, "WRONG_PHASE");
    expect(must(paused, { type: "skip" }, 5_000).phase).toBe("reveal");
  });

  it("R-WRONG-PHASE: resume only when paused", () => {
    const { lobby, question, reveal, leaderboard, ended } = everyPhase();
    for (const state of [lobby, question, reveal, leaderboard, ended]) {
      refused(state, { type: "resume" }, 5_000, "WRONG_PHASE");
    }
  });

  it("R-WRONG-PHASE: next only in the reveal or the leaderboard", () => {
    const { lobby, question, paused, ended } = everyPhase();
    for (const state of [lobby, question, paused, ended]) refused(state, { type: "next" }, 5_000, "WRONG_PHASE");
  });

  it("R-WRONG-PHASE: start only in the lobby, and only with questions", () => {
    const { question, paused, reveal, leaderboard, ended } = everyPhase();
    for (const state of [question, paused, reveal, leaderboard, ended]) {
      refused(state, { type: "start" }, 5_000, "WRONG_PHASE");
    }
    refused(withPlayers(game([]), ["ann"]), { type: "start" }, 0, "WRONG_PHASE");
  });

  it("R-PAUSE: pause and resume move only the clock, and a tick while paused changes nothing", () => {
    const { question } = everyPhase();
    const paused = apply(question, { type: "pause" }, 1_500);
    expect(paused.ok && paused.effects).toEqual([{ type: "phaseChanged" }]);
    expect([paused.state.paused, paused.state.elapsedMs, paused.state.runningSince]).toEqual([true, 1_500, null]);
    expect(must(paused.state, { type: "tick" }, 90_000)).toBe(paused.state);
    const resumed = apply(paused.state, { type: "resume" }, 50_000);
    expect(resumed.ok && resumed.effects).toEqual([{ type: "phaseChanged" }]);
    expect([resumed.state.paused, resumed.state.elapsedMs, resumed.state.runningSince]).toEqual([false, 1_500, 50_000]);
    expect(timeLeftMs(resumed.state, 51_000)).toBe(17_500);
    // The deadline moved by the pause: not reached at the old one, reached at the new one.
    expect(must(resumed.state, { type: "tick" }, 68_499).phase).toBe("question");
    expect(must(resumed.state, { type: "tick" }, 68_500).phase).toBe("reveal");
  });

  it("R-PAUSE: a question closed after a pause keeps no running clock", () => {
    let s = must(withPlayers(game(), ["ann"]), { type: "start" }, 0);
    s = must(must(s, { type: "pause" }, 4_000), { type: "resume" }, 10_000);
    s = must(s, { type: "tick" }, 40_000);
    expect([s.phase, s.paused, s.runningSince, s.elapsedMs]).toEqual(["reveal", false, null, 20_000]);
    expect(timeLeftMs(s, 40_000)).toBe(0);
  });
});

describe("engine: closing a question", () => {
  it("R-AUTO-CLOSE: a phone still away after a resume counts as connected for the grace after the resume, then not", () => {
    let s = must(withPlayers(game(), ["ann", "bob"]), { type: "start" }, 0);
    s = must(s, { type: "disconnect", playerId: "bob" }, 1_000);
    s = must(s, { type: "pause" }, 2_000);
    // Long after bob's own grace ran out, but the pause held the question.
    s = must(s, { type: "resume" }, 60_000);
    expect(s.players.bob?.disconnectedAt).toBe(60_000);
    expect(s.players.ann?.disconnectedAt).toBeNull();
    s = answered(s, "ann", ["b"], 61_000);
    expect(s.phase).toBe("question");
    expect(must(s, { type: "tick" }, 60_000 + RECONNECT_GRACE_MS - 1).phase).toBe("question");
    expect(must(s, { type: "tick" }, 60_000 + RECONNECT_GRACE_MS).phase).toBe("reveal");
    // Back within the grace, bob is waited for until he answers.
    const back = must(s, { type: "connect", playerId: "bob" }, 62_000);
    expect(must(back, { type: "tick" }, 70_000).phase).toBe("question");
    expect(answered(back, "bob", ["a"], 70_000).phase).toBe("reveal");
  });

  it("R-AUTO-CLOSE: a kicked phone is not waited for, even after a resume", () => {
    let s = must(withPlayers(game(), ["ann", "bob"]), { type: "start" }, 0);
    s = must(s, { type: "kick", playerId: "bob" }, 500);
    s = must(must(s, { type: "pause" }, 1_000), { type: "resume" }, 2_000);
    expect(s.players.bob?.disconnectedAt).toBeNull();
    expect(answered(s, "ann", ["b"], 3_000).phase).toBe("reveal");
  });

  it("R-AUTO-CLOSE: the last answer closes the question only with the tick after it; a question nobody can answer waits for its deadline", () => {
    let s = must(withPlayers(game(), ["ann"]), { type: "start" }, 0);
    s = must(s, answer("ann", ["b"]), 1_000);
    expect(s.phase).toBe("question");
    const ticked = apply(s, { type: "tick" }, 1_000);
    expect(ticked.ok && ticked.effects).toEqual([
      { type: "questionClosed", questionIndex: 0 },
      { type: "phaseChanged" },
    ]);
    expect(ticked.state.phase).toBe("reveal");
    let empty = must(game(), { type: "start" }, 0);
    empty = must(empty, { type: "tick" }, 1_000);
    expect(empty.phase).toBe("question");
    let away = must(withPlayers(game(), ["ann"]), { type: "start" }, 0);
    away = must(away, { type: "disconnect", playerId: "ann" }, 0);
    expect(must(away, { type: "tick" }, RECONNECT_GRACE_MS + 1).phase).toBe("question");
  });

  it("R-AUTO-CLOSE: a disconnect, a reconnect or a kick that leaves only answered players closes the question at once", () => {
    let s = must(withPlayers(game(), ["ann", "bob", "cat"]), { type: "start" }, 0);
    s = must(must(s, answer("ann", ["b"]), 100), { type: "disconnect", playerId: "ann" }, 150);
    s = must(must(s, { type: "disconnect", playerId: "bob" }, 200), answer("cat", ["a"]), 250);
    const closes = ["hostChanged", "questionClosed", "phaseChanged"];
    const effects = (outcome: Outcome) => (outcome.ok ? outcome.effects.map((e) => e.type) : outcome.code);
    // bob is within his grace and has not answered: held open.
    expect(effects(apply(s, { type: "disconnect", playerId: "cat" }, 1_000))).toEqual(["hostChanged"]);
    expect(effects(apply(s, { type: "kick", playerId: "bob" }, 1_000))).toEqual(["playerKicked", ...closes]);
    // Past bob's grace, the next change of connection closes it.
    expect(effects(apply(s, { type: "connect", playerId: "ann" }, 5_300))).toEqual(closes);
    expect(effects(apply(s, { type: "disconnect", playerId: "cat" }, 5_300))).toEqual(closes);
    expect(effects(apply(s, { type: "connect", playerId: "bob" }, 5_300))).toEqual(["hostChanged"]);
  });

  it("R-AUTO-CLOSE: a phone not seen since a restart is not waited for", () => {
    // As the directory rebuilds a game: players come back disconnected, with no time of leaving.
    const base = withPlayers(game(), ["ann"]);
    const restored = {
      ...base,
      players: {
        ...base.players,
        bob: newPlayer({ id: "bob", nickname: "bob", nicknameKey: "bob", seq: 1, connected: false, kicked: false }),
      },
      nextSeq: 2,
    };
    const s = must(restored, { type: "start" }, 0);
    expect(answered(s, "ann", ["b"], 1_000).phase).toBe("reveal");
  });

  it("R-AUTO-CLOSE: connecting a connected phone (or disconnecting a gone one) is a no-op", () => {
    const { question } = everyPhase();
    expect(must(question, { type: "connect", playerId: "ann" }, 100)).toBe(question);
    const gone = must(question, { type: "disconnect", playerId: "ann" }, 100);
    expect(gone.players.ann?.disconnectedAt).toBe(100);
    expect(must(gone, { type: "disconnect", playerId: "ann" }, 4_000)).toBe(gone);
    expect(must(gone, { type: "connect", playerId: "ann" }, 4_000).players.ann).toMatchObject({
      connected: true,
      disconnectedAt: null,
    });
    refused(question, { type: "connect", playerId: "nobody" }, 100, "NOT_FOUND");
    refused(question, { type: "disconnect", playerId: "constructor" }, 100, "NOT_FOUND");
  });
});

describe("engine: scoring", () => {
  /** Plays one question per entry of `times` (ms after opening; null: no answer), all answered "b". */
  function play(questions: QuestionDef[], plays: Record<string, (number | null | "wrong")[]>) {
    let s = must(withPlayers(game(questions), Object.keys(plays)), { type: "start" }, 0);
    const history: GameState[] = [];
    for (let i = 0; i < questions.length; i++) {
      const opened = s.runningSince ?? 0;
      for (const [id, times] of Object.entries(plays)) {
        const t = times[i];
        if (t === null || t === undefined) continue;
        s = must(s, answer(id, t === "wrong" ? ["a"] : ["b"], i), opened + (t === "wrong" ? 1_000 : t));
      }
      s = must(s, { type: "tick" }, opened + 20_000);
      history.push(s);
      if (i + 1 < questions.length)
        s = must(must(s, { type: "next" }, opened + 20_000), { type: "next" }, opened + 30_000);
    }
    return history;
  }

  it("R-SCORE-SPEED: full points before 500 ms; at 500 ms, 501 ms and in the last millisecond the formula", () => {
    const [s] = play([question()], { a: [0], b: [499], c: [500], d: [501], e: [10_000], f: [19_999] });
    const points = ["a", "b", "c", "d", "e", "f"].map((id) => s?.results[id]?.points);
    expect(points).toEqual([1000, 1000, 988, 987, 750, 500]);
    const [double] = play([question({ points: "double" })], { a: [499], b: [500], c: [19_999] });
    expect(["a", "b", "c"].map((id) => double?.results[id]?.points)).toEqual([2000, 1975, 1000]);
  });

  it("R-SCORE-SPEED: an answer at the time limit is LATE; a wrong or missing answer earns nothing", () => {
    let s = must(withPlayers(game(), ["ann", "bob", "cat"]), { type: "start" }, 0);
    refused(s, answer("ann", ["b"]), 20_000, "LATE");
    s = must(s, answer("bob", ["c"]), 100);
    s = must(s, { type: "tick" }, 20_000);
    expect(["ann", "bob", "cat"].map((id) => [s.results[id]?.points, s.players[id]?.score])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it("R-STREAK: +100 per correct answer in a row from the second, capped at +500", () => {
    const history = play(
      Array.from({ length: 8 }, () => question()),
      { ann: [100, 100, 100, 100, 100, 100, 100, 100] },
    );
    expect(history.map((s) => [s.results.ann?.streak, s.results.ann?.bonus])).toEqual([
      [1, 0],
      [2, 100],
      [3, 200],
      [4, 300],
      [5, 400],
      [6, 500],
      [7, 500],
      [8, 500],
    ]);
    expect(history.at(-1)?.players.ann?.score).toBe(8 * 1000 + 100 + 200 + 300 + 400 + 500 * 3);
  });

  it("R-STREAK: a wrong or missing answer resets the streak; a practice question leaves it", () => {
    const deck = [question(), question(), question({ points: "none" }), question(), question(), question()];
    const history = play(deck, {
      ann: [100, 100, 100, "wrong", 100, 100],
      bob: [100, 100, null, null, 100, 100],
      cat: [100, 100, "wrong", 100, 100, 100],
    });
    const streaks = (id: string) => history.map((s) => s.players[id]?.streak);
    expect(streaks("ann")).toEqual([1, 2, 2, 0, 1, 2]);
    expect(streaks("bob")).toEqual([1, 2, 2, 0, 1, 2]);
    // A wrong practice answer leaves the streak too: practice does not count.
    expect(streaks("cat")).toEqual([1, 2, 2, 3, 4, 5]);
    const practice = history[2];
    expect(practice?.results.ann).toEqual({ correct: true, points: 0, bonus: 0, streak: 2 });
    expect(practice?.results.cat).toEqual({ correct: false, points: 0, bonus: 0, streak: 2 });
    expect(practice?.players.ann?.correctCount).toBe(3);
    expect(history[3]?.results.cat).toEqual({ correct: true, points: 1000, bonus: 200, streak: 3 });
  });

  it("R-SKIP: a skipped question with a correct answer scores nobody and leaves streaks and answer times", () => {
    let s = withPlayers(game([question(), question(), question()]), ["ann", "bob"]);
    s = must(s, { type: "start" }, 0);
    s = answered(must(s, answer("ann", ["b"]), 1_000), "bob", ["a"], 2_000);
    s = must(must(s, { type: "next" }, 3_000), { type: "next" }, 10_000);
    const before = s.players;
    s = must(must(s, answer("ann", ["b"], 1), 10_100), { type: "skip" }, 11_000);
    expect([s.phase, s.skipped]).toEqual(["reveal", true]);
    expect(s.results.ann).toEqual({ correct: true, points: 0, bonus: 0, streak: 1 });
    expect(s.results.bob).toEqual({ correct: false, points: 0, bonus: 0, streak: 0 });
    for (const id of ["ann", "bob"]) {
      const [was, is] = [before[id], s.players[id]];
      expect([is?.score, is?.streak, is?.totalTimeMs, is?.correctCount]).toEqual([
        was?.score,
        was?.streak,
        was?.totalTimeMs,
        was?.correctCount,
      ]);
    }
    // The streak goes on from where it was before the skip.
    s = must(must(s, { type: "next" }, 12_000), { type: "next" }, 20_000);
    s = answered(must(s, answer("bob", ["c"], 2), 20_200), "ann", ["b"], 20_100, 2);
    expect(s.results.ann).toEqual({ correct: true, points: 1000, bonus: 100, streak: 2 });
    expect(s.skipped).toBe(false);
  });

  it("R-MULTI-ALL: a multiple-select answer scores only with all and only the correct options, in any order", () => {
    const multi = question({ kind: "multiple", correct: [0, 2] });
    let s = must(withPlayers(game([multi]), ["all", "reversed", "some", "more"]), { type: "start" }, 0);
    s = must(s, answer("all", ["a", "c"]), 100);
    s = must(s, answer("reversed", ["c", "a"]), 100);
    s = must(s, answer("some", ["a"]), 100);
    s = answered(s, "more", ["a", "b", "c"], 100);
    expect(["all", "reversed", "some", "more"].map((id) => s.results[id]?.correct)).toEqual([true, true, false, false]);
    expect(s.players.more?.score).toBe(0);
  });

  it("R-RANK-TIEBREAK: time counts over every answer of questions not skipped, wrong ones included", () => {
    let s = must(withPlayers(game([question(), question(), question()]), ["ann", "bob"]), { type: "start" }, 0);
    s = answered(must(s, answer("ann", ["a"]), 3_000), "bob", ["a"], 1_000);
    expect([s.players.ann?.totalTimeMs, s.players.bob?.totalTimeMs]).toEqual([3_000, 1_000]);
    expect([s.players.bob?.rank, s.players.ann?.rank]).toEqual([1, 2]);
    s = must(must(s, { type: "next" }, 4_000), { type: "next" }, 10_000);
    s = must(must(s, answer("bob", ["a"], 1), 15_000), { type: "skip" }, 16_000);
    expect(s.players.bob?.totalTimeMs).toBe(1_000);
    // No answer costs the full 20 s limit: silence never outranks a wrong answer.
    let silent = must(withPlayers(game([question(), question()]), ["quiet", "wrong"]), { type: "start" }, 0);
    silent = must(must(silent, answer("wrong", ["a"]), 19_000), { type: "tick" }, 20_000);
    expect([silent.players.quiet?.totalTimeMs, silent.players.wrong?.totalTimeMs]).toEqual([20_000, 19_000]);
    expect([silent.players.wrong?.rank, silent.players.quiet?.rank]).toEqual([1, 2]);
    // A skipped question costs nobody any time, answered or not.
    silent = must(must(must(silent, { type: "next" }, 21_000), { type: "next" }, 22_000), { type: "skip" }, 23_000);
    expect([silent.players.quiet?.totalTimeMs, silent.players.wrong?.totalTimeMs]).toEqual([20_000, 19_000]);
    // Equal scores and times: who joined first.
    let tie = must(withPlayers(game(), ["zed", "amy"]), { type: "start" }, 0);
    tie = answered(must(tie, answer("amy", ["a"]), 1_000), "zed", ["a"], 1_000);
    expect([tie.players.zed?.rank, tie.players.amy?.rank]).toEqual([1, 2]);
  });
});

describe("engine: answers", () => {
  it("R-ANSWER-ORDER: INVALID_PAYLOAD before RATE_LIMITED", () => {
    const { question: s } = everyPhase();
    expect(codeOf(apply(s, { ...answer("ann", ["a", "b"]), rateLimited: true }, 100))).toBe("INVALID_PAYLOAD");
    expect(codeOf(apply(s, { ...answer("ann", ["b"]), rateLimited: true }, 100))).toBe("RATE_LIMITED");
    expect(codeOf(apply(s, { ...answer("ann", ["b"]), rateLimited: false }, 100))).toBe("ok");
  });

  it("R-ANSWER-ORDER: RATE_LIMITED before ALREADY_ANSWERED", () => {
    const s = must(everyPhase().question, answer("ann", ["b"]), 100);
    refused(s, { ...answer("ann", ["b"]), rateLimited: true }, 200, "RATE_LIMITED");
    refused(s, answer("ann", ["b"]), 200, "ALREADY_ANSWERED");
  });

  it("R-ANSWER-ORDER: ALREADY_ANSWERED before WRONG_PHASE, PAUSED and LATE", () => {
    const s = must(everyPhase().question, answer("ann", ["b"]), 100);
    refused(must(s, { type: "pause" }, 200), answer("ann", ["b"]), 300, "ALREADY_ANSWERED");
    refused(s, answer("ann", ["b"]), 30_000, "ALREADY_ANSWERED");
    refused(must(s, { type: "skip" }, 200), answer("ann", ["b"]), 300, "ALREADY_ANSWERED");
    // No command reaches an answer to a question that was never open; a restored state could hold one.
    refused({ ...s, phase: "lobby" }, answer("ann", ["b"]), 300, "ALREADY_ANSWERED");
  });

  it("R-ANSWER-ORDER: WRONG_PHASE before PAUSED, PAUSED before LATE", () => {
    const { paused } = everyPhase();
    refused(paused, answer("bob", ["a"], 1), 2_000, "WRONG_PHASE");
    refused(paused, answer("bob", ["a"], 7), 2_000, "WRONG_PHASE");
    refused(paused, answer("bob", ["a"], -1), 2_000, "WRONG_PHASE");
    refused(paused, answer("bob", ["a"]), 2_000, "PAUSED");
    // Paused after its deadline but before the tick that would have closed it: PAUSED, not LATE.
    const overdue = must(must(withPlayers(game(), ["bob"]), { type: "start" }, 0), { type: "pause" }, 25_000);
    expect(overdue.phase).toBe("question");
    refused(overdue, answer("bob", ["a"]), 26_000, "PAUSED");
    refused(must(overdue, { type: "resume" }, 27_000), answer("bob", ["a"]), 27_000, "LATE");
  });

  it("R-ANSWER-ORDER: WRONG_PHASE in the lobby and for a later question, LATE for an earlier or closed one", () => {
    const { lobby, question: open, reveal, leaderboard, ended } = everyPhase();
    refused(lobby, answer("bob", ["a"]), 100, "WRONG_PHASE");
    refused(open, answer("bob", ["a"], 1), 100, "WRONG_PHASE");
    for (const state of [reveal, leaderboard, ended]) refused(state, answer("bob", ["a"]), 5_000, "LATE");
    refused(ended, answer("bob", ["a"], 1), 5_000, "WRONG_PHASE");
    const second = must(leaderboard, { type: "next" }, 6_000);
    refused(second, answer("bob", ["a"], 0), 6_100, "LATE");
    expect(codeOf(apply(second, answer("bob", ["a", "c"], 1), 6_100))).toBe("ok");
  });

  it("R-ANSWER-ORDER: unknown players and kicked ones are told so before anything else", () => {
    const { question: s } = everyPhase();
    refused(s, { ...answer("nobody", ["z"]), rateLimited: true }, 100, "NOT_FOUND");
    refused(s, answer("constructor", ["a"]), 100, "NOT_FOUND");
    const kicked = must(s, { type: "kick", playerId: "bob" }, 100);
    refused(kicked, { ...answer("bob", ["z"]), rateLimited: true }, 200, "KICKED");
  });

  it("R-ANSWER-ORDER: INVALID_PAYLOAD for unknown, repeated or too many options, whatever the phase", () => {
    const { question: s, lobby, ended } = everyPhase();
    const tf = must(
      withPlayers(game([question({ kind: "truefalse", options: ["T", "F"], correct: [0] })]), ["ann"]),
      {
        type: "start",
      },
      0,
    );
    const cases: [GameState, string[], number][] = [
      [s, [], 0],
      [s, ["e"], 0],
      [s, ["b", "b"], 0],
      [s, ["a", "b"], 0],
      [s, ["a", "a"], 1],
      [s, [], 1],
      [s, ["e"], 1],
      [s, ["a", "e"], 1],
      [s, ["a", "z"], 1],
      [tf, ["c"], 0],
      [lobby, ["z"], 0],
      [ended, ["a", "b"], 0],
    ];
    for (const [state, optionIds, index] of cases) {
      refused(state, { ...answer("ann", optionIds, index), rateLimited: true }, 100, "INVALID_PAYLOAD");
    }
    expect(codeOf(apply(s, answer("ann", ["a", "b", "c", "d"], 1), 100))).toBe("WRONG_PHASE");
    expect(codeOf(apply(tf, answer("ann", ["b"]), 100))).toBe("ok");
  });

  it("R-ANSWER-ONCE: an accepted answer is stored as sent, with its time, and tells the room", () => {
    const { question: s } = everyPhase();
    const optionIds = ["c"];
    const outcome = apply(s, answer("bob", optionIds), 1_234);
    const record = { optionIds: ["c"], timeMs: 1_234 };
    expect(outcome.ok && outcome.effects).toEqual([
      { type: "answerAccepted", playerId: "bob", questionIndex: 0, answer: record },
      { type: "hostChanged" },
    ]);
    expect(outcome.state.answers).toEqual({ 0: { bob: record } });
    // A copy: the sender's array cannot change the stored answer.
    optionIds.push("d");
    expect(outcome.state.answers[0]?.bob?.optionIds).toEqual(["c"]);
  });

  it("R-ANSWER-ONCE: an answer taken back (its write failed) was never accepted: the player may answer again", () => {
    let s = must(everyPhase().question, answer("bob", ["c"]), 100);
    const revoked = apply(s, { type: "revokeAnswer", playerId: "bob", questionIndex: 0 }, 150);
    expect(revoked.ok && revoked.effects).toEqual([{ type: "hostChanged" }]);
    expect(revoked.state.answers[0]).toEqual({});
    s = must(revoked.state, answer("bob", ["b"]), 200);
    expect(s.answers[0]?.bob).toEqual({ optionIds: ["b"], timeMs: 200 });
    expect(must(s, { type: "revokeAnswer", playerId: "ann", questionIndex: 0 }, 300)).toBe(s);
    expect(must(s, { type: "revokeAnswer", playerId: "bob", questionIndex: 3 }, 300)).toBe(s);
  });
});

describe("engine: players", () => {
  it("R-JOIN: an ended game refuses joins", () => {
    refused(everyPhase().ended, join("zoe"), 5_000, "WRONG_PHASE");
  });

  it("R-JOIN: the checks come in order: ended, locked, full, nickname", () => {
    const s = withPlayers({ ...game(), maxPlayers: 2 }, ["ann", "bob"]);
    const locked = must(s, { type: "lock", locked: true }, 0);
    refused(locked, { ...join("x"), nicknameKey: "ann" }, 0, "LOCKED");
    refused(s, { ...join("x"), nicknameKey: "ann" }, 0, "GAME_FULL");
    refused({ ...s, maxPlayers: 3 }, { ...join("x"), nicknameKey: "ann" }, 0, "NICKNAME_TAKEN");
    refused(must(locked, { type: "end" }, 0), join("x"), 0, "WRONG_PHASE");
    // A kicked player frees a place but not the nickname.
    const kicked = must(s, { type: "kick", playerId: "bob" }, 0);
    expect(must(kicked, join("cat"), 0).players.cat?.seq).toBe(2);
    refused(kicked, { ...join("x"), nicknameKey: "bob" }, 0, "NICKNAME_TAKEN");
  });

  it("R-LOCK: a lock refuses every join until unlocked", () => {
    const s = withPlayers(game(), ["ann"]);
    const locked = apply(s, { type: "lock", locked: true }, 0);
    expect(locked.ok && locked.effects).toEqual([{ type: "lockChanged" }, { type: "hostChanged" }]);
    refused(locked.state, join("x"), 0, "LOCKED");
    const open = must(must(locked.state, { type: "start" }, 0), { type: "lock", locked: false }, 0);
    expect(must(open, join("x"), 0).players.x?.connected).toBe(true);
  });

  it("R-LATE-JOIN, R-RANK-NULL: a late player starts at 0, unranked until a reveal it took part in", () => {
    const { question: open, reveal, leaderboard } = everyPhase();
    for (const state of [open, reveal, leaderboard]) {
      const outcome = apply(state, join("zoe"), 5_000);
      expect(outcome.ok && outcome.effects).toEqual([
        { type: "playerJoined", playerId: "zoe" },
        { type: "hostChanged" },
      ]);
      expect(outcome.state.players.zoe).toMatchObject({ score: 0, streak: 0, rank: null, seq: 2, connected: true });
      expect(outcome.state.nextSeq).toBe(3);
    }
    let s = must(leaderboard, join("zoe"), 5_000);
    expect([s.players.ann?.rank, s.players.bob?.rank, s.players.zoe?.rank]).toEqual([1, 2, null]);
    s = must(must(s, { type: "next" }, 6_000), { type: "skip" }, 7_000);
    expect(s.players.zoe).toMatchObject({ rank: 3, previousRank: null });
  });

  it("R-KICK, R-RANK-PERMUTATION, R-RANK-TIEBREAK: a kick after a reveal closes the others' ranks to 1..n and keeps their previous ranks", () => {
    const deck = [question(), question()];
    let s = must(withPlayers(game(deck), ["ann", "bob", "cat", "dan"]), { type: "start" }, 0);
    for (const [id, t] of [
      ["ann", 100],
      ["bob", 2_000],
      ["cat", 4_000],
      ["dan", 6_000],
    ] as const) {
      s = must(s, answer(id, ["b"]), t);
    }
    s = must(s, { type: "tick" }, 6_000);
    s = must(must(s, { type: "next" }, 7_000), { type: "next" }, 10_000);
    for (const [id, t] of [
      ["dan", 10_100],
      ["cat", 12_000],
      ["bob", 14_000],
      ["ann", 16_000],
    ] as const) {
      s = must(s, answer(id, ["b"], 1), t);
    }
    s = must(s, { type: "tick" }, 16_000);
    const ranks = (state: GameState) =>
      ["ann", "bob", "cat", "dan"].map((id) => [state.players[id]?.rank, state.players[id]?.previousRank]);
    // Everyone has 1950 points; bob and cat took 6 s in all, ann and dan 6.1 s; then who joined first.
    expect(ranks(s)).toEqual([
      [3, 1],
      [1, 2],
      [2, 3],
      [4, 4],
    ]);
    const kicked = apply(s, { type: "kick", playerId: "bob" }, 17_000);
    expect(kicked.ok && kicked.effects).toEqual([{ type: "playerKicked", playerId: "bob" }, { type: "hostChanged" }]);
    expect(kicked.state.players.bob).toMatchObject({ kicked: true, connected: false });
    expect(ranks(kicked.state).filter((_, i) => i !== 1)).toEqual([
      [2, 1],
      [1, 3],
      [3, 4],
    ]);
    refused(kicked.state, { type: "kick", playerId: "bob" }, 18_000, "NOT_FOUND");
    refused(kicked.state, { type: "kick", playerId: "nobody" }, 18_000, "NOT_FOUND");
    refused(kicked.state, { type: "disconnect", playerId: "bob" }, 18_000, "KICKED");
  });

  it("R-KICK: kicking a player not ranked yet leaves every rank as it was", () => {
    const { reveal } = everyPhase();
    const s = must(reveal, join("zoe"), 5_000);
    const kicked = must(s, { type: "kick", playerId: "zoe" }, 5_000);
    expect(kicked.players.ann).toBe(s.players.ann);
    expect(kicked.players.bob).toBe(s.players.bob);
  });

  it("R-KICK: a kicked player is left out of the next reveal's results and ranks", () => {
    let s = must(withPlayers(game(), ["ann", "bob", "cat"]), { type: "start" }, 0);
    s = must(s, answer("bob", ["b"]), 100);
    s = must(s, { type: "kick", playerId: "bob" }, 200);
    s = answered(must(s, answer("cat", ["a"]), 300), "ann", ["a"], 400);
    expect(s.phase).toBe("reveal");
    expect(Object.keys(s.results).sort()).toEqual(["ann", "cat"]);
    expect([s.players.ann?.rank, s.players.cat?.rank, s.players.bob?.rank]).toEqual([2, 1, null]);
    expect(s.players.bob?.score).toBe(0);
  });
});

describe("engine: restart", () => {
  it("R-RESTART: replaying stored answers rebuilds every score, streak, time and rank, with skipped questions and kicked players", () => {
    const deck = [
      question(),
      question({ points: "double" }),
      question({ kind: "multiple", correct: [0, 3] }),
      question(),
    ];
    let s = must(withPlayers(game(deck), ["ann", "bob", "cat", "dan"]), { type: "start" }, 0);
    s = must(must(must(s, answer("ann", ["b"]), 300), answer("bob", ["b"]), 4_000), answer("cat", ["c"]), 5_000);
    s = answered(s, "dan", ["b"], 9_000);
    s = must(s, { type: "kick", playerId: "cat" }, 9_500);
    s = must(must(s, { type: "next" }, 10_000), { type: "next" }, 20_000);
    s = must(must(s, answer("bob", ["b"], 1), 20_100), { type: "skip" }, 21_000);
    s = must(must(s, { type: "next" }, 22_000), { type: "next" }, 30_000);
    s = must(must(s, answer("ann", ["d", "a"], 2), 31_000), answer("bob", ["a"], 2), 32_000);
    s = answered(s, "dan", ["a", "d"], 38_000, 2);
    s = must(must(s, { type: "next" }, 40_000), { type: "next" }, 50_000);
    s = must(must(must(s, answer("dan", ["b"], 3), 50_400), answer("ann", ["c"], 3), 52_000), { type: "tick" }, 70_000);
    expect(s.phase).toBe("reveal");

    const base = withPlayers(game(deck), ["ann", "bob", "cat", "dan"]);
    const stored = {
      ...base,
      players: { ...base.players, cat: { ...base.players.cat!, kicked: true } },
      answers: s.answers,
    };
    const closed = [
      { index: 3, skipped: false },
      { index: 1, skipped: true },
      { index: 0, skipped: false },
      { index: 2, skipped: false },
    ];
    const rebuilt = replay(stored, closed, 99_000);
    for (const id of ["ann", "bob", "dan"]) {
      const [was, is] = [s.players[id], rebuilt.players[id]];
      expect([is?.score, is?.streak, is?.totalTimeMs, is?.correctCount, is?.rank, is?.previousRank], id).toEqual([
        was?.score,
        was?.streak,
        was?.totalTimeMs,
        was?.correctCount,
        was?.rank,
        was?.previousRank,
      ]);
    }
    expect(rebuilt.results).toEqual(s.results);
    expect(rebuilt.players.cat?.kicked).toBe(true);
    expect(Object.keys(rebuilt.results)).not.toContain("cat");
  });

  // The stored standings tell who was in the game at each close: a player who joined
  // after a reveal must not be scored or ranked on it when the game is rebuilt.
  it("R-RESTART, R-RANK-NULL: a player who joined after a reveal keeps everyone's rank across a restart", () => {
    let s = must(withPlayers(game([question(), question()]), ["ann", "bob"]), { type: "start" }, 0);
    s = answered(must(s, answer("ann", ["b"]), 100), "bob", ["a"], 3_000);
    s = must(s, join("zoe"), 4_000);
    expect([s.players.ann?.rank, s.players.bob?.rank, s.players.zoe?.rank]).toEqual([1, 2, null]);
    const base = withPlayers(game(s.questions), ["ann", "bob", "zoe"]);
    const closed = [{ index: 0, skipped: false, playerIds: ["ann", "bob"] }];
    const rebuilt = replay({ ...base, answers: s.answers }, closed, 9_000);
    expect([rebuilt.players.ann?.rank, rebuilt.players.bob?.rank, rebuilt.players.zoe?.rank]).toEqual([1, 2, null]);
  });

  it("R-RESTART: replaying nothing, or a question the deck lacks, changes nothing", () => {
    const base = withPlayers(game(), ["ann"]);
    expect(replay(base, [], 0)).toBe(base);
    expect(replay(base, [{ index: 5, skipped: false }], 0)).toBe(base);
  });
});
