// A small game for engine tests: a fake clock is just the `now` passed to apply().
import fc from "fast-check";
import { OPTION_IDS } from "../../lib/contract";
import { answersTo, apply, newGameState, RECONNECT_GRACE_MS, timeLeftMs, timeLimitMs } from "../../server/game/engine";
import type { Command, GameState, QuestionDef } from "../../server/game/types";

export const question = (overrides: Partial<QuestionDef> = {}): QuestionDef => ({
  kind: "single",
  text: "Which one?",
  options: ["A", "B", "C", "D"],
  correct: [1],
  timeLimitSec: 20,
  points: "standard",
  explanation: "B because…",
  rationales: ["A is wrong because…", "", "C is wrong because…", ""],
  tags: ["t"],
  imageUrl: null,
  ...overrides,
});

export function game(questions: QuestionDef[] = [question(), question({ kind: "multiple", correct: [0, 2] })]) {
  return newGameState({
    id: "g1",
    pin: "123456",
    ownerId: "u1",
    deckTitle: "Deck",
    language: "en",
    questions,
    maxPlayers: 100,
  });
}

/** Applies a command that must succeed. */
export function must(state: GameState, command: Command, now: number): GameState {
  const outcome = apply(state, command, now);
  if (!outcome.ok) throw new Error(`${command.type} failed: ${outcome.code}`);
  return outcome.state;
}

export function withPlayers(state: GameState, names: string[], now = 0): GameState {
  return names.reduce(
    (s, name) => must(s, { type: "join", playerId: name, nickname: name, nicknameKey: name.toLowerCase() }, now),
    state,
  );
}

// --- scenarios: whole games for the model-based and non-interference properties ---

/**
 * One step of a scripted game. The numbers are interpreted against the current
 * state (see `commandsFor`), so that most steps do something a real class does:
 * a random command stream almost never gets past the lobby.
 */
export type Step =
  | { op: "join"; dupNick: boolean; dt: number }
  | {
      op: "answer";
      /** Which player; 0..13 of `target` prefer one who has not answered the open question yet. */
      who: number;
      target: number;
      /** 0..4 right, 5..7 wrong, 8 any valid choice, 9 an invalid one. */
      choice: number;
      pick: number;
      /** 0..35 plain `dt`; 36, 37 at 499/500/501 ms; 38 in the last millisecond; 39 at the deadline. */
      timing: number;
      dt: number;
      /** The room ticks once the answer is written. */
      tick: boolean;
      rateLimited: boolean;
    }
  | { op: "tick"; dt: number }
  /** 0 to the deadline, 1 a millisecond before it, 2 past it, 3 to a reconnect grace's end (±1 ms). */
  | { op: "wait"; mode: number; extra: number }
  | { op: "next" | "start" | "skip" | "pause" | "resume"; dt: number }
  /** Only `really` ends the game; otherwise a tick. */
  | { op: "end"; dt: number; really: boolean }
  | { op: "connect" | "disconnect" | "kick" | "revoke"; who: number; dt: number }
  | { op: "lock"; locked: boolean; dt: number };

export interface Scenario {
  questions: QuestionDef[];
  maxPlayers: number;
  players: number;
  /** Most games start at once; the others meet `start` (or not) among the steps. */
  startNow: boolean;
  steps: Step[];
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export const questionArb: fc.Arbitrary<QuestionDef> = fc
  .record({
    kind: fc.constantFrom("single", "multiple", "truefalse", "multiple") as fc.Arbitrary<QuestionDef["kind"]>,
    optionCount: fc.integer({ min: 2, max: 6 }),
    correctSeed: fc.nat(),
    points: fc.constantFrom("standard", "standard", "double", "none") as fc.Arbitrary<QuestionDef["points"]>,
    timeLimitSec: fc.constantFrom(5, 10, 20, 20, 30),
  })
  .map(({ kind, optionCount, correctSeed, points, timeLimitSec }) => {
    const n = kind === "truefalse" ? 2 : optionCount;
    // A non-empty subset for multiple select (from the seed's bits), one option otherwise.
    const subset = range(n).filter((i) => (correctSeed >> i) & 1);
    const correct = kind === "multiple" && subset.length > 0 ? subset : [correctSeed % n];
    const options = kind === "truefalse" ? ["True", "False"] : range(n).map((i) => `Option ${i}`);
    return question({ kind, options, correct, points, timeLimitSec, text: `Which ${kind}?` });
  });

const dtArb = fc.integer({ min: 0, max: 1_000 });

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 150,
    arbitrary: fc.record({
      op: fc.constant("answer" as const),
      who: fc.nat(20),
      target: fc.nat(19),
      choice: fc.nat(9),
      pick: fc.nat(63),
      timing: fc.nat(39),
      dt: fc.integer({ min: 0, max: 800 }),
      tick: fc.nat(9).map((n) => n < 7),
      rateLimited: fc.nat(39).map((n) => n === 0),
    }),
  },
  { weight: 12, arbitrary: fc.record({ op: fc.constant("tick" as const), dt: dtArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("wait" as const),
      mode: fc.nat(3),
      extra: fc.integer({ min: 1, max: 5_000 }),
    }),
  },
  { weight: 12, arbitrary: fc.record({ op: fc.constant("next" as const), dt: dtArb }) },
  {
    weight: 8,
    arbitrary: fc.record({ op: fc.constant("join" as const), dupNick: fc.nat(4).map((n) => n === 0), dt: dtArb }),
  },
  ...(["connect", "disconnect"] as const).map((op) => ({
    weight: 6,
    arbitrary: fc.record({ op: fc.constant(op), who: fc.nat(20), dt: dtArb }),
  })),
  { weight: 4, arbitrary: fc.record({ op: fc.constant("pause" as const), dt: dtArb }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant("resume" as const), dt: dtArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("skip" as const), dt: dtArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("kick" as const), who: fc.nat(20), dt: dtArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("lock" as const), locked: fc.boolean(), dt: dtArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("start" as const), dt: dtArb }) },
  // Rare: most games should run to their natural end.
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("end" as const), dt: dtArb, really: fc.nat(3).map((n) => n === 0) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("revoke" as const), who: fc.nat(20), dt: dtArb }) },
);

export const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  questions: fc.array(questionArb, { minLength: 1, maxLength: 8 }),
  maxPlayers: fc.integer({ min: 3, max: 10 }),
  players: fc.constantFrom(0, 1, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7),
  startNow: fc.nat(9).map((n) => n < 8),
  steps: fc.array(stepArb, { minLength: 60, maxLength: 300, size: "max" }),
});

/** Mutable bookkeeping of a scenario run: the fake clock and how many joins were tried. */
export interface Cursor {
  now: number;
  joins: number;
}

export const GHOST = "ghost";

export const joinCommand = (cursor: Cursor): Command => {
  const n = cursor.joins++;
  return { type: "join", playerId: `p${n}`, nickname: `Player${n}`, nicknameKey: `player${n}` };
};

/** The players in join order, kicked ones included. */
function byJoin(state: GameState): string[] {
  return Object.values(state.players)
    .sort((a, b) => a.seq - b.seq)
    .map((p) => p.id);
}

/** A player by join order (kicked ones too); now and then an unknown id. */
function pickPlayer(state: GameState, who: number, ghosts = true): string {
  const ids = byJoin(state);
  return ids[who % (ids.length + (ghosts ? 1 : 0))] ?? GHOST;
}

function choiceFor(q: QuestionDef | undefined, choice: number, pick: number): string[] {
  const ids = OPTION_IDS.slice(0, q?.options.length ?? 4) as readonly string[];
  const at = (i: number) => ids[i % ids.length] ?? "a";
  const correct = (q?.correct ?? [0]).map(at);
  const fromBits = ids.filter((_, i) => (pick >> i) & 1);
  if (choice <= 4) {
    // The same options in another order must count as the same choice.
    return pick % 2 === 0 ? correct : [...correct].reverse();
  }
  if (choice <= 7) {
    if (q?.kind === "multiple") {
      const wrong = fromBits.length > 0 ? fromBits : [at(pick)];
      if (wrong.length !== correct.length || !correct.every((id) => wrong.includes(id))) return wrong;
      // Drop or add one option: still valid, now wrong.
      return wrong.length > 1
        ? wrong.slice(1)
        : ids
            .filter((id) => !wrong.includes(id))
            .slice(0, 1)
            .concat(wrong);
    }
    const others = ids.filter((id) => !correct.includes(id));
    return [others[pick % Math.max(1, others.length)] ?? at(pick + 1)];
  }
  if (choice === 8) return q?.kind === "multiple" && fromBits.length > 0 ? fromBits : [at(pick)];
  switch (pick % 5) {
    case 0:
      return [];
    case 1:
      return [at(pick), at(pick)];
    case 2:
      return [OPTION_IDS[ids.length] ?? "z"];
    case 3:
      return ["z"];
    default:
      // Two options on a single-answer question; on multiple select, a repeated one.
      return q?.kind === "multiple" ? [at(0), at(1), at(0)] : [at(0), at(1)];
  }
}

/**
 * The commands (with their times) a step stands for in the current state. The
 * choices are made from `state` only, so the same commands can be replayed on
 * another game (views non-interference).
 */
export function commandsFor(state: GameState, step: Step, cursor: Cursor): [Command, number][] {
  const running = state.phase === "question" && !state.paused;
  const def = state.questions[state.questionIndex];
  const left = timeLeftMs(state, cursor.now);
  const at = (dt: number): number => (cursor.now += dt);
  switch (step.op) {
    case "join": {
      const taken = Object.values(state.players)[step.dt % Math.max(1, Object.keys(state.players).length)];
      if (step.dupNick && taken) {
        return [
          [
            {
              type: "join",
              playerId: `dup${cursor.joins++}`,
              nickname: taken.nickname.toUpperCase(),
              nicknameKey: taken.nicknameKey,
            },
            at(step.dt),
          ],
        ];
      }
      return [[joinCommand(cursor), at(step.dt)]];
    }
    case "answer": {
      // Between questions the teacher moves on while phones idle; in the lobby more join or it starts.
      if ((state.phase === "reveal" || state.phase === "leaderboard") && step.target <= 11) {
        return [[{ type: "next" }, at(step.dt)]];
      }
      if (state.paused && step.target <= 3) return [[{ type: "resume" }, at(step.dt)]];
      if (state.phase === "lobby" && step.target <= 11) {
        return [[step.target <= 5 ? joinCommand(cursor) : { type: "start" }, at(step.dt)]];
      }
      const ids = byJoin(state);
      const open = answersTo(state, state.questionIndex);
      let playerId = pickPlayer(state, step.who, false);
      let index = state.questionIndex;
      if (step.target <= 13) {
        const waiting = ids.filter((id) => !state.players[id]?.kicked && !open[id]);
        playerId = waiting[step.who % Math.max(1, waiting.length)] ?? playerId;
      } else if (step.target === 16) index = state.questionIndex > 0 ? state.questionIndex - 1 : 1;
      else if (step.target === 17) index = state.questionIndex + 1;
      else if (step.target === 18) index = step.pick % 2 === 0 ? state.questions.length : -1;
      else if (step.target === 19) playerId = GHOST;
      const optionIds = choiceFor(state.questions[index] ?? def, step.choice, step.pick);
      let now: number;
      const elapsed = def ? timeLimitMs(def) - left : 0;
      const mark = step.timing <= 37 ? 499 + (step.pick % 3) : step.timing === 38 ? elapsed + left - 1 : elapsed + left;
      if (running && step.timing >= 36 && mark >= elapsed) now = at(mark - elapsed);
      else now = at(step.dt);
      const command: Command = {
        type: "answer",
        playerId,
        questionIndex: index,
        optionIds,
        rateLimited: step.rateLimited,
      };
      return step.tick
        ? [
            [command, now],
            [{ type: "tick" }, now],
          ]
        : [[command, now]];
    }
    case "tick":
      return [[{ type: "tick" }, at(step.dt)]];
    case "wait": {
      if (!running) return [[{ type: "tick" }, at(step.extra)]];
      const away = Object.values(state.players).find((p) => !p.connected && !p.kicked && p.disconnectedAt !== null);
      const dt =
        step.mode === 0
          ? left
          : step.mode === 1
            ? Math.max(0, left - 1)
            : step.mode === 2 || !away
              ? left + step.extra
              : Math.max(0, (away.disconnectedAt ?? 0) + RECONNECT_GRACE_MS - cursor.now - 1 + (step.extra % 3));
      return [[{ type: "tick" }, at(dt)]];
    }
    case "connect":
    case "disconnect":
    case "kick":
      return [[{ type: step.op, playerId: pickPlayer(state, step.who) }, at(step.dt)]];
    case "revoke": {
      // The room takes an answer back only while its question is open (a failed write).
      if (state.phase !== "question") return [[{ type: "tick" }, at(step.dt)]];
      return [
        [
          { type: "revokeAnswer", playerId: pickPlayer(state, step.who), questionIndex: state.questionIndex },
          at(step.dt),
        ],
      ];
    }
    case "lock":
      return [[{ type: "lock", locked: step.locked }, at(step.dt)]];
    case "resume":
      // A pause lasts a while: a paused clock must not move, however long.
      return [[{ type: "resume" }, at(state.paused ? step.dt * 20 : step.dt)]];
    case "end":
      return [[step.really ? { type: "end" } : { type: "tick" }, at(step.dt)]];
    default:
      return [[{ type: step.op }, at(step.dt)]];
  }
}

/** The scenario's opening: its players join, and most games start. */
export function openingOf(scenario: Scenario, cursor: Cursor): [Command, number][] {
  const joins = range(scenario.players).map((): [Command, number] => [joinCommand(cursor), cursor.now]);
  return scenario.startNow ? [...joins, [{ type: "start" }, cursor.now]] : joins;
}

export function scenarioGame(scenario: Scenario): GameState {
  return { ...game(scenario.questions), maxPlayers: scenario.maxPlayers };
}

/**
 * How many runs a property makes: `normal` in the suite; a fifth of it, from a fixed
 * seed, under mutation testing (vitest.mutation.config.ts sets QUIZROOM_PROPERTY_RUNS),
 * where the properties run once per mutant and the example tests do most of the killing.
 */
export function propertyRuns(normal: number): { numRuns: number; seed?: number } {
  const factor = Number(process.env.QUIZROOM_PROPERTY_RUNS ?? "1");
  if (!(factor > 0) || factor >= 1) return { numRuns: normal };
  return { numRuns: Math.max(10, Math.round(normal * factor)), seed: 20261129 };
}
