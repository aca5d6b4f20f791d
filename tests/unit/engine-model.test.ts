// Model-based properties: whole games (scenarioArb) run through the engine and
// through an independent model of RULES.md, compared after every step. The model
// shares no code with server/game: if a rule is broken there, the two disagree.
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ErrorCode, Phase } from "../../lib/contract";
import { apply, timeLeftMs } from "../../server/game/engine";
import type { Command, GameState, Outcome, QuestionDef } from "../../server/game/types";
import { commandsFor, type Cursor, openingOf, propertyRuns, type Scenario, scenarioArb, scenarioGame } from "./helpers";

// --- the model ---

const LETTERS = ["a", "b", "c", "d", "e", "f"];
const GRACE_MS = 5_000;

interface MPlayer {
  id: string;
  nicknameKey: string;
  seq: number;
  kicked: boolean;
  connected: boolean;
  awayAt: number | null;
  score: number;
  streak: number;
  totalTimeMs: number;
  correctCount: number;
  rank: number | null;
  previousRank: number | null;
}

interface MResult {
  correct: boolean;
  points: number;
  bonus: number;
  streak: number;
}

interface Model {
  questions: QuestionDef[];
  maxPlayers: number;
  phase: Phase;
  index: number;
  paused: boolean;
  skipped: boolean;
  locked: boolean;
  /** Clock of the open question: time spent before `runningSince`, paused time excluded. */
  spent: number;
  runningSince: number | null;
  players: MPlayer[];
  answers: Map<number, Map<string, { optionIds: string[]; timeMs: number }>>;
  results: Map<string, MResult>;
}

type MOutcome = { ok: true; closed?: "deadline" | "all" | "skip" } | { ok: false; code: ErrorCode };

function newModel(scenario: Scenario): Model {
  return {
    questions: scenario.questions,
    maxPlayers: scenario.maxPlayers,
    phase: "lobby",
    index: -1,
    paused: false,
    skipped: false,
    locked: false,
    spent: 0,
    runningSince: null,
    players: [],
    answers: new Map(),
    results: new Map(),
  };
}

const spentAt = (m: Model, now: number) => m.spent + (m.runningSince === null ? 0 : now - m.runningSince);
const limitOf = (m: Model) => (m.questions[m.index]?.timeLimitSec ?? 0) * 1000;
const leftAt = (m: Model, now: number) => (m.phase === "question" ? Math.max(0, limitOf(m) - spentAt(m, now)) : 0);
const active = (m: Model) => m.players.filter((p) => !p.kicked);
const answerOf = (m: Model, index: number, id: string) => m.answers.get(index)?.get(id);

/** R-SCORE-SPEED, written from the rule's sentence, exactly: halves round up, as round() does. */
function oraclePoints(points: QuestionDef["points"], timeMs: number, limitMs: number): number {
  const max = points === "double" ? 2000 : points === "standard" ? 1000 : 0;
  if (timeMs < 500) return max;
  // round(max × (1 − (t/T)/2)) in integers, halves up: max × (2T − t) / 2T.
  const t = Math.min(timeMs, limitMs);
  const numerator = max * (2 * limitMs - t);
  const denominator = 2 * limitMs;
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

const oracleBonus = (streak: number) => (streak >= 2 ? Math.min(100 * (streak - 1), 500) : 0);

/** R-MULTI-ALL: all and only the correct options, in any order. */
function oracleCorrect(chosen: string[], q: QuestionDef): boolean {
  const right = new Set(q.correct.map((i) => LETTERS[i]));
  return chosen.length === right.size && chosen.every((id) => right.has(id));
}

function rankAll(m: Model) {
  const order = active(m).sort((a, b) =>
    a.score !== b.score ? b.score - a.score : a.totalTimeMs - b.totalTimeMs || a.seq - b.seq,
  );
  order.forEach((p, i) => {
    p.previousRank = p.rank;
    p.rank = i + 1;
  });
}

function closeQuestion(m: Model, now: number, skipped: boolean) {
  const q = m.questions[m.index];
  if (!q) throw new Error("model: no question to close");
  m.results = new Map();
  for (const p of active(m)) {
    const given = answerOf(m, m.index, p.id);
    const correct = given !== undefined && oracleCorrect(given.optionIds, q);
    if (skipped) {
      m.results.set(p.id, { correct, points: 0, bonus: 0, streak: p.streak });
      continue;
    }
    if (q.points !== "none") p.streak = correct ? p.streak + 1 : 0;
    const points = correct && given ? oraclePoints(q.points, given.timeMs, q.timeLimitSec * 1000) : 0;
    const bonus = correct && q.points !== "none" ? oracleBonus(p.streak) : 0;
    p.score += points + bonus;
    p.totalTimeMs += given?.timeMs ?? q.timeLimitSec * 1000;
    if (correct) p.correctCount++;
    m.results.set(p.id, { correct, points, bonus, streak: p.streak });
  }
  rankAll(m);
  m.spent = Math.min(limitOf(m), spentAt(m, now));
  m.runningSince = null;
  m.phase = "reveal";
  m.paused = false;
  m.skipped = skipped;
}

/** R-AUTO-CLOSE: every connected player (or one away for less than the grace) has answered. */
function closeIfAllAnswered(m: Model, now: number): MOutcome {
  if (m.phase !== "question" || m.paused) return { ok: true };
  const waiting = active(m).filter((p) => p.connected || (p.awayAt !== null && now - p.awayAt < GRACE_MS));
  if (waiting.length === 0 || waiting.some((p) => !answerOf(m, m.index, p.id))) return { ok: true };
  closeQuestion(m, now, false);
  return { ok: true, closed: "all" };
}

function validChoice(q: QuestionDef, ids: string[]): boolean {
  const known = LETTERS.slice(0, q.options.length);
  if (new Set(ids).size !== ids.length || ids.some((id) => !known.includes(id))) return false;
  return q.kind === "multiple" ? ids.length > 0 : ids.length === 1;
}

function openQuestion(m: Model, index: number, now: number) {
  m.phase = "question";
  m.index = index;
  m.paused = false;
  m.skipped = false;
  m.spent = 0;
  m.runningSince = now;
  m.results = new Map();
}

function modelApply(m: Model, c: Command, now: number): MOutcome {
  const refuse = (code: ErrorCode): MOutcome => ({ ok: false, code });
  const player = "playerId" in c ? m.players.find((p) => p.id === c.playerId) : undefined;
  switch (c.type) {
    case "join":
      if (m.phase === "ended") return refuse("WRONG_PHASE");
      if (m.locked) return refuse("LOCKED");
      if (active(m).length >= m.maxPlayers) return refuse("GAME_FULL");
      if (m.players.some((p) => p.nicknameKey === c.nicknameKey)) return refuse("NICKNAME_TAKEN");
      m.players.push({
        id: c.playerId,
        nicknameKey: c.nicknameKey,
        seq: m.players.length,
        kicked: false,
        connected: true,
        awayAt: null,
        score: 0,
        streak: 0,
        totalTimeMs: 0,
        correctCount: 0,
        rank: null,
        previousRank: null,
      });
      return { ok: true };
    case "connect":
    case "disconnect": {
      if (!player) return refuse("NOT_FOUND");
      if (player.kicked) return refuse("KICKED");
      const connected = c.type === "connect";
      if (player.connected === connected) return { ok: true };
      player.connected = connected;
      player.awayAt = connected ? null : now;
      return closeIfAllAnswered(m, now);
    }
    case "answer": {
      if (!player) return refuse("NOT_FOUND");
      if (player.kicked) return refuse("KICKED");
      const q = m.questions[c.questionIndex];
      if (q && !validChoice(q, c.optionIds)) return refuse("INVALID_PAYLOAD");
      if (c.rateLimited) return refuse("RATE_LIMITED");
      if (answerOf(m, c.questionIndex, player.id)) return refuse("ALREADY_ANSWERED");
      if (!q || m.phase === "lobby" || c.questionIndex > m.index) return refuse("WRONG_PHASE");
      if (c.questionIndex < m.index || m.phase !== "question") return refuse("LATE");
      if (m.paused) return refuse("PAUSED");
      if (leftAt(m, now) === 0) return refuse("LATE");
      const forQuestion = m.answers.get(c.questionIndex) ?? new Map();
      forQuestion.set(player.id, { optionIds: [...c.optionIds], timeMs: spentAt(m, now) });
      m.answers.set(c.questionIndex, forQuestion);
      return { ok: true };
    }
    case "revokeAnswer":
      m.answers.get(c.questionIndex)?.delete(c.playerId);
      return { ok: true };
    case "tick":
      if (m.phase !== "question" || m.paused) return { ok: true };
      if (leftAt(m, now) === 0) {
        closeQuestion(m, now, false);
        return { ok: true, closed: "deadline" };
      }
      return closeIfAllAnswered(m, now);
    case "start":
      if (m.phase !== "lobby" || m.questions.length === 0) return refuse("WRONG_PHASE");
      openQuestion(m, 0, now);
      return { ok: true };
    case "next":
      if (m.phase === "reveal") m.phase = "leaderboard";
      else if (m.phase !== "leaderboard") return refuse("WRONG_PHASE");
      else if (m.index + 1 < m.questions.length) openQuestion(m, m.index + 1, now);
      else m.phase = "ended";
      return { ok: true };
    case "skip":
      if (m.phase !== "question") return refuse("WRONG_PHASE");
      closeQuestion(m, now, true);
      return { ok: true, closed: "skip" };
    case "pause":
      if (m.phase !== "question" || m.paused) return refuse("WRONG_PHASE");
      m.spent = spentAt(m, now);
      m.runningSince = null;
      m.paused = true;
      return { ok: true };
    case "resume":
      if (m.phase !== "question" || !m.paused) return refuse("WRONG_PHASE");
      m.paused = false;
      m.runningSince = now;
      // Phones still away get the grace again from the resume.
      for (const p of active(m)) if (!p.connected) p.awayAt = now;
      return { ok: true };
    case "end":
      if (m.phase === "ended") return refuse("WRONG_PHASE");
      m.spent = spentAt(m, now);
      m.runningSince = null;
      m.phase = "ended";
      m.paused = false;
      return { ok: true };
    case "lock":
      if (m.phase === "ended") return refuse("WRONG_PHASE");
      m.locked = c.locked;
      return { ok: true };
    case "kick": {
      if (!player || player.kicked) return refuse("NOT_FOUND");
      player.kicked = true;
      player.connected = false;
      if (player.rank !== null) {
        // The others close ranks, keeping their previous rank.
        active(m)
          .filter((p) => p.rank !== null)
          .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
          .forEach((p, i) => (p.rank = i + 1));
      }
      return closeIfAllAnswered(m, now);
    }
  }
}

// --- running scenarios ---

interface Stats {
  runs: number;
  steps: number;
  started: number;
  accepted: number;
  acceptedCorrect: number;
  acceptedMulti: number;
  /** Accepted at 499, 500 or 501 ms: both sides of the full-points window. */
  atFullPointsEdge: number;
  duplicates: number;
  late: number;
  paused: number;
  wrongPhase: number;
  invalid: number;
  rateLimited: number;
  reveals: number;
  deadlineCloses: number;
  allAnsweredCloses: number;
  skips: number;
  kicks: number;
  lateJoins: number;
  pauses: number;
  refusedJoins: number;
  streakBonuses: number;
  ended: number;
}

const newStats = (): Stats => ({
  runs: 0,
  steps: 0,
  started: 0,
  accepted: 0,
  acceptedCorrect: 0,
  acceptedMulti: 0,
  atFullPointsEdge: 0,
  duplicates: 0,
  late: 0,
  paused: 0,
  wrongPhase: 0,
  invalid: 0,
  rateLimited: 0,
  reveals: 0,
  deadlineCloses: 0,
  allAnsweredCloses: 0,
  skips: 0,
  kicks: 0,
  lateJoins: 0,
  pauses: 0,
  refusedJoins: 0,
  streakBonuses: 0,
  ended: 0,
});

interface StepContext {
  before: GameState;
  outcome: Outcome;
  expected: MOutcome;
  model: Model;
  command: Command;
  now: number;
}

type Check = (step: StepContext) => void;

function count(stats: Stats, { before, outcome, expected, model, command }: StepContext) {
  stats.steps++;
  const after = outcome.state;
  if (!outcome.ok) {
    const code = outcome.code;
    if (command.type === "answer") {
      if (code === "ALREADY_ANSWERED") stats.duplicates++;
      if (code === "LATE") stats.late++;
      if (code === "PAUSED") stats.paused++;
      if (code === "WRONG_PHASE") stats.wrongPhase++;
      if (code === "INVALID_PAYLOAD") stats.invalid++;
      if (code === "RATE_LIMITED") stats.rateLimited++;
    }
    if (command.type === "join") stats.refusedJoins++;
    return;
  }
  if (command.type === "answer") {
    stats.accepted++;
    const q = before.questions[command.questionIndex];
    if (q && oracleCorrect(command.optionIds, q)) stats.acceptedCorrect++;
    if (q?.kind === "multiple" && command.optionIds.length > 1) stats.acceptedMulti++;
    const timeMs = after.answers[command.questionIndex]?.[command.playerId]?.timeMs ?? 0;
    if (timeMs >= 499 && timeMs <= 501) stats.atFullPointsEdge++;
  }
  if (command.type === "start") stats.started++;
  if (command.type === "join" && before.phase !== "lobby") stats.lateJoins++;
  if (command.type === "kick") stats.kicks++;
  if (command.type === "pause") stats.pauses++;
  if (after.phase === "ended" && before.phase !== "ended") stats.ended++;
  if (expected.ok && expected.closed) {
    stats.reveals++;
    if (expected.closed === "skip") stats.skips++;
    if (expected.closed === "deadline") stats.deadlineCloses++;
    if (expected.closed === "all") stats.allAnsweredCloses++;
    stats.streakBonuses += [...model.results.values()].filter((r) => r.bonus > 0).length;
  }
}

function runScenario(scenario: Scenario, stats: Stats, checks: Check[]) {
  stats.runs++;
  const model = newModel(scenario);
  let state = scenarioGame(scenario);
  const cursor: Cursor = { now: 1_000, joins: 0 };
  const play = (commands: [Command, number][]) => {
    for (const [command, now] of commands) {
      const before = state;
      const outcome = apply(before, command, now);
      const expected = modelApply(model, command, now);
      const step = { before, outcome, expected, model, command, now };
      count(stats, step);
      for (const check of checks) check(step);
      state = outcome.state;
    }
  };
  play(openingOf(scenario, cursor));
  let afterEnd = 0;
  for (const s of scenario.steps) {
    // An ended game refuses everything: a few steps show it, more would only cost time.
    if (state.phase === "ended" && ++afterEnd > 10) break;
    play(commandsFor(state, s, cursor));
  }
}

const where = ({ command, now, before }: StepContext) =>
  `${JSON.stringify(command)} at ${now} in ${before.phase}${before.paused ? " (paused)" : ""} q${before.questionIndex}`;

const codeOf = (o: Outcome | MOutcome) => (o.ok ? "ok" : o.code);

/** Outcome (ok or code) of the commands in `types` as the model predicts. */
const sameOutcome =
  (types: Command["type"][]): Check =>
  (step) => {
    if (!types.includes(step.command.type)) return;
    const [got, expected] = [codeOf(step.outcome), codeOf(step.expected)];
    if (got !== expected) expect(got, where(step)).toBe(expected);
  };

const RUN_OPTIONS = propertyRuns(150);
const RUNS = RUN_OPTIONS.numRuns;

/** Runs the property, prints what the runs reached, and requires enough of each. */
function property(name: string, checks: Check[]) {
  const stats = newStats();
  fc.assert(
    fc.property(scenarioArb, (scenario) => runScenario(scenario, stats, checks)),
    RUN_OPTIONS,
  );
  const line = Object.entries(stats)
    .map(([key, value]) => `${value} ${key}`)
    .join(", ");
  console.log(`engine model (${name}): ${line}`);
  // The generator must keep playing whole games; these floors catch it drifting.
  const floors: Record<keyof Stats, number> = {
    runs: 1,
    steps: 60,
    started: 0.9,
    accepted: 7,
    acceptedCorrect: 4,
    acceptedMulti: 2,
    atFullPointsEdge: 0.07,
    duplicates: 3,
    late: 2.5,
    paused: 0.25,
    wrongPhase: 2.5,
    invalid: 1.5,
    rateLimited: 0.4,
    reveals: 2.5,
    deadlineCloses: 0.8,
    allAnsweredCloses: 1.5,
    skips: 0.1,
    kicks: 0.3,
    lateJoins: 0.4,
    pauses: 0.3,
    refusedJoins: 1,
    streakBonuses: 0.6,
    ended: 0.8,
  };
  for (const [key, floor] of Object.entries(floors)) {
    expect(stats[key as keyof Stats], `${name}: too few ${key}`).toBeGreaterThanOrEqual(floor * RUNS);
  }
}

// --- the checks, by rule ---

const ALLOWED: Record<Phase, Phase[]> = {
  lobby: ["lobby", "question", "ended"],
  question: ["question", "reveal", "ended"],
  reveal: ["reveal", "leaderboard", "ended"],
  leaderboard: ["leaderboard", "question", "ended"],
  ended: ["ended"],
};

// Tens of thousands of steps: compare cheaply, and let expect() draw the diff only on a mismatch.
function same(step: StepContext, what: string, actual: unknown, expected: unknown) {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, `${where(step)}: ${what}`).toEqual(expected);
}

function holds(step: StepContext, what: string, condition: boolean) {
  if (!condition) throw new Error(`${where(step)}: ${what}`);
}

const phases: Check = (step) => {
  const { before, outcome, model } = step;
  const after = outcome.state;
  holds(step, `${before.phase} → ${after.phase}`, ALLOWED[before.phase].includes(after.phase));
  if (before.phase === "leaderboard" && after.phase === "question") {
    holds(step, "the next question", after.questionIndex === before.questionIndex + 1);
  }
  if (before.phase === "lobby" && after.phase === "question") holds(step, "question 0", after.questionIndex === 0);
  same(step, "phase, question", [after.phase, after.questionIndex], [model.phase, model.index]);
};

const wrongPhase: Check = (step) => {
  if (!step.outcome.ok) holds(step, "a refused command changed the state", step.outcome.state === step.before);
};

const clock: Check = (step) => {
  const after = step.outcome.state;
  same(
    step,
    "paused, time left",
    [after.paused, timeLeftMs(after, step.now)],
    [step.model.paused, leftAt(step.model, step.now)],
  );
};

const answerOnce: Check = (step) => {
  const { before, outcome, command } = step;
  if (command.type !== "answer") return;
  const first = before.answers[command.questionIndex]?.[command.playerId];
  if (!first) return;
  holds(step, "a second answer was accepted", !outcome.ok);
  holds(step, "the first answer stands", outcome.state.answers[command.questionIndex]?.[command.playerId] === first);
};

const deadline: Check = (step) => {
  const { before, outcome, command, model } = step;
  if (command.type !== "answer" || !outcome.ok) return;
  holds(step, "accepted outside an open question", before.phase === "question" && !before.paused);
  holds(step, "accepted for another question", command.questionIndex === before.questionIndex);
  const stored = outcome.state.answers[command.questionIndex]?.[command.playerId];
  // The model's clock: time spent in the question, pauses excluded.
  same(step, "answer time", stored?.timeMs, answerOf(model, command.questionIndex, command.playerId)?.timeMs);
  const limit = (before.questions[before.questionIndex]?.timeLimitSec ?? 0) * 1000;
  holds(step, "accepted at or after the deadline", (stored?.timeMs ?? Infinity) < limit);
};

const answersMatch: Check = (step) => {
  const { outcome, model } = step;
  for (const [index, byPlayer] of model.answers) {
    same(step, `answers to ${index}`, outcome.state.answers[index] ?? {}, Object.fromEntries(byPlayer));
  }
};

const monotone: Check = (step) => {
  for (const [id, p] of Object.entries(step.outcome.state.players)) {
    holds(step, `${id}'s score went down`, p.score >= (step.before.players[id]?.score ?? 0));
  }
};

const scores: Check = (step) => {
  const { outcome, model } = step;
  const after = outcome.state;
  for (const p of active(model)) {
    const got = after.players[p.id];
    same(
      step,
      `${p.id} score, streak, time, correct`,
      [got?.score, got?.streak, got?.totalTimeMs, got?.correctCount],
      [p.score, p.streak, p.totalTimeMs, p.correctCount],
    );
  }
  // Results belong to the last reveal: a new question starts without any.
  same(step, "skipped, results", [after.skipped, after.results], [model.skipped, Object.fromEntries(model.results)]);
  if (step.expected.ok && step.expected.closed) same(step, "skipped", after.skipped, step.expected.closed === "skip");
};

const rankPermutation: Check = (step) => {
  const after = step.outcome.state;
  const live = Object.values(after.players).filter((p) => !p.kicked);
  const ranked = live.map((p) => p.rank).filter((r) => r !== null);
  same(
    step,
    "ranks 1..n",
    [...ranked].sort((a, b) => a - b),
    ranked.map((_, i) => i + 1),
  );
  if (step.expected.ok && step.expected.closed) holds(step, "every player ranked", ranked.length === live.length);
};

const rankNull: Check = (step) => {
  for (const p of active(step.model)) {
    // Null exactly until the first reveal the player took part in.
    same(step, `${p.id} rank null`, step.outcome.state.players[p.id]?.rank === null, p.rank === null);
  }
};

const ranks: Check = (step) => {
  for (const p of active(step.model)) {
    const got = step.outcome.state.players[p.id];
    same(step, `${p.id} rank, previous`, [got?.rank, got?.previousRank], [p.rank, p.previousRank]);
  }
};

const players: Check = (step) => {
  const after = step.outcome.state;
  same(step, "locked", after.locked, step.model.locked);
  same(step, "players", Object.keys(after.players).sort(), step.model.players.map((p) => p.id).sort());
  for (const p of step.model.players) {
    const got = after.players[p.id];
    same(
      step,
      `${p.id} seq, kicked, connected`,
      [got?.seq, got?.kicked, got?.connected],
      [p.seq, p.kicked, p.connected],
    );
  }
  if (step.command.type === "join" && step.outcome.ok) {
    const joined = after.players[step.command.playerId];
    same(step, "a new player", [joined?.score, joined?.rank, joined?.streak], [0, null, 0]);
  }
};

// Each property plays ~150 whole games: generous timeouts for loaded machines and Stryker.
describe("engine model", { timeout: 60_000 }, () => {
  it("R-PHASES: only the allowed transitions happen, each when the model says", () => {
    property("R-PHASES", [phases, sameOutcome(["start", "next", "skip", "end", "tick"])]);
  });

  it("R-WRONG-PHASE: a refused command leaves the very same state; the phase-gated commands are refused exactly outside their phases", () => {
    property("R-WRONG-PHASE", [wrongPhase, sameOutcome(["start", "next", "skip", "pause", "resume", "end", "lock"])]);
  });

  it("R-AUTO-CLOSE, R-PAUSE: questions close when the model's clock and connections say, paused time never counts", () => {
    property("R-AUTO-CLOSE", [phases, clock, sameOutcome(["connect", "disconnect", "tick", "pause", "resume"])]);
  });

  it("R-ANSWER-ONCE, R-DEADLINE, R-ANSWER-ORDER: every answer gets the model's code, the first answer stands", () => {
    property("R-ANSWER", [answerOnce, deadline, answersMatch, sameOutcome(["answer", "revokeAnswer"])]);
  });

  it("R-SCORE-MONOTONE, R-SCORE-SPEED, R-STREAK, R-MULTI-ALL, R-SKIP: every reveal scores as the oracle computes from the answers", () => {
    property("R-SCORE", [monotone, scores]);
  });

  it("R-RANK-PERMUTATION, R-RANK-NULL, R-RANK-TIEBREAK: ranks are 1..n over the players not kicked, ordered as the model orders them", () => {
    property("R-RANK", [rankPermutation, rankNull, ranks]);
  });

  it("R-JOIN, R-LATE-JOIN, R-LOCK, R-KICK: joins, kicks and connections as the model says", () => {
    property("R-PLAYERS", [players, sameOutcome(["join", "kick", "connect", "disconnect", "lock"])]);
  });
});
