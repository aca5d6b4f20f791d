import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apply, RECONNECT_GRACE_MS, replay, timeLeftMs } from "../../server/game/engine";
import type { GameState } from "../../server/game/types";
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

// --- properties (fast-check) ---
const commandArb = fc.oneof(
  fc.record({
    type: fc.constant("answer" as const),
    playerId: fc.constantFrom("p0", "p1", "p2", "p3"),
    questionIndex: fc.integer({ min: 0, max: 3 }),
    optionIds: fc.subarray(["a", "b", "c", "d"], { minLength: 1 }),
  }),
  fc.constantFrom(
    { type: "tick" as const },
    { type: "next" as const },
    { type: "skip" as const },
    { type: "pause" as const },
    { type: "resume" as const },
    { type: "start" as const },
  ),
  fc.record({ type: fc.constant("disconnect" as const), playerId: fc.constantFrom("p0", "p1") }),
  fc.record({ type: fc.constant("connect" as const), playerId: fc.constantFrom("p0", "p1") }),
);
const stepsArb = fc.array(fc.tuple(commandArb, fc.integer({ min: 0, max: 8_000 })), { maxLength: 80 });

function run(
  steps: [Parameters<typeof apply>[1], number][],
  check: (
    before: GameState,
    after: GameState,
    accepted: boolean,
    command: Parameters<typeof apply>[1],
    now: number,
  ) => void,
) {
  let state = withPlayers(
    game([question(), question({ kind: "multiple", correct: [0, 2], points: "double" }), question({ points: "none" })]),
    ["p0", "p1", "p2", "p3"],
  );
  let now = 0;
  for (const [command, dt] of steps) {
    now += dt;
    const outcome = apply(state, command, now);
    check(state, outcome.state, outcome.ok, command, now);
    state = outcome.state;
  }
  return state;
}

describe("engine properties", () => {
  it("R-SCORE-MONOTONE: scores never go down", () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        run(steps, (before, after) => {
          for (const [id, p] of Object.entries(after.players))
            expect(p.score).toBeGreaterThanOrEqual(before.players[id]?.score ?? 0);
        });
      }),
    );
  });

  it("R-ANSWER-ONCE: one answer per player per question; the first stands", () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        run(steps, (before, after, accepted, command) => {
          if (command.type !== "answer") return;
          const earlier = before.answers[command.questionIndex]?.[command.playerId];
          if (earlier) {
            expect(accepted).toBe(false);
            expect(after.answers[command.questionIndex]?.[command.playerId]).toBe(earlier);
          }
        });
      }),
    );
  });

  it("R-DEADLINE: nothing is accepted after the deadline or outside an open question", () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        run(steps, (before, _after, accepted, command, now) => {
          if (command.type !== "answer" || !accepted) return;
          expect(before.phase).toBe("question");
          expect(before.paused).toBe(false);
          expect(command.questionIndex).toBe(before.questionIndex);
          expect(timeLeftMs(before, now)).toBeGreaterThan(0);
        });
      }),
    );
  });

  it("R-RANK-PERMUTATION: after every reveal the ranks are 1..n", () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        run(steps, (_before, after) => {
          const ranks = Object.values(after.players).map((p) => p.rank);
          if (ranks.every((r) => r === null)) return;
          expect([...ranks].sort()).toEqual([1, 2, 3, 4]);
        });
      }),
    );
  });
});
