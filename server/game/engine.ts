// The game as a reducer: apply(state, command, now) → outcome. No I/O, no
// timers, no Date.now(): the room passes the time in, tests pass a fake clock.
//
// A pure reducer by default: the input state is left as it was. The room, which
// keeps only the newest state, passes `{ inPlace: true }`: then a join, an answer
// or a reconnect changes the input's maps in place and costs O(1) however many
// players there are (issue 17), where a copy would cost O(N). Either way a refused
// command changes nothing and returns the input itself.
import { OPTION_IDS } from "../../lib/contract";
import { allWaitedForAnswered, dropAnswer, hasAnswer, putAnswer, putPlayer, rosterOf, writable } from "./roster";
import { closeRanks, isCorrectChoice, pointsFor, rankPlayers, streakBonus } from "./scoring";
import type {
  AnswerRecord,
  Command,
  Effect,
  GameState,
  Outcome,
  PlayerState,
  QuestionDef,
  QuestionResult,
} from "./types";

export function elapsedMs(state: GameState, now: number): number {
  const running = state.runningSince === null ? 0 : Math.max(0, now - state.runningSince);
  return state.elapsedMs + running;
}

export function currentQuestion(state: GameState): QuestionDef | null {
  return state.questions[state.questionIndex] ?? null;
}

export function timeLimitMs(question: QuestionDef): number {
  return question.timeLimitSec * 1000;
}

export function timeLeftMs(state: GameState, now: number): number {
  const question = currentQuestion(state);
  if (!question || state.phase !== "question") return 0;
  return Math.max(0, timeLimitMs(question) - elapsedMs(state, now));
}

export function correctOptionIds(question: QuestionDef): string[] {
  return question.correct.map((i) => OPTION_IDS[i] ?? "?");
}

/** Own keys only: a player id such as "constructor" must not find Object.prototype's. */
export function playerOf(state: GameState, playerId: string): PlayerState | undefined {
  return Object.hasOwn(state.players, playerId) ? state.players[playerId] : undefined;
}

/** Players not kicked, in no particular order: O(N), for phase changes and views, not per event. */
export function activePlayers(state: GameState): PlayerState[] {
  return Object.values(state.players).filter((p) => !p.kicked);
}

/** How many players are not kicked: O(1). */
export function activeCount(state: GameState): number {
  return rosterOf(state).active;
}

export function answersTo(state: GameState, questionIndex: number): Record<string, AnswerRecord> {
  return state.answers[questionIndex] ?? {};
}

/**
 * A phone that reloads or blinks off the Wi-Fi is still "connected" for this long:
 * its reload must not close the question on everyone (R-AUTO-CLOSE).
 */
export const RECONNECT_GRACE_MS = 5_000;

const ok = (state: GameState, ...effects: Effect[]): Outcome => ({ ok: true, state, effects });
const fail = (state: GameState, code: Extract<Outcome, { ok: false }>["code"]): Outcome => ({
  ok: false,
  state,
  code,
});

export interface ApplyOptions {
  /**
   * The caller gives `state` up and keeps only the outcome's: the players and
   * answer maps are changed in place (O(1) per join, answer or reconnect) rather
   * than copied (O(N)). The input must not be used afterwards, unless refused.
   */
  inPlace?: boolean;
}

/**
 * The game's one step: `command` at `now` (ms) on `state`. Refused: `{ ok: false,
 * state, code }` with the input state itself, unchanged. Accepted: the next state
 * and what the room must do about it (effects).
 */
export function apply(state: GameState, command: Command, now: number, options: ApplyOptions = {}): Outcome {
  const inPlace = options.inPlace === true;
  switch (command.type) {
    case "join":
      return join(state, command, inPlace);
    case "connect":
    case "disconnect":
      return setConnected(state, command.playerId, command.type === "connect", now, inPlace);
    case "answer":
      return answer(state, command, now, inPlace);
    case "revokeAnswer":
      return revokeAnswer(state, command.playerId, command.questionIndex, inPlace);
    case "tick":
      if (state.phase !== "question" || state.paused) return ok(state);
      return timeLeftMs(state, now) === 0 ? close(state, now, false) : closeIfAllAnswered(state, now);
    case "start":
      if (state.phase !== "lobby" || state.questions.length === 0) return fail(state, "WRONG_PHASE");
      return openQuestion(state, 0, now);
    case "next":
      if (state.phase === "reveal") return ok({ ...state, phase: "leaderboard" }, { type: "phaseChanged" });
      if (state.phase !== "leaderboard") return fail(state, "WRONG_PHASE");
      if (state.questionIndex + 1 < state.questions.length) {
        return openQuestion(state, state.questionIndex + 1, now);
      }
      return ok({ ...state, phase: "ended" }, { type: "phaseChanged" });
    case "skip":
      return state.phase === "question" ? close(state, now, true) : fail(state, "WRONG_PHASE");
    case "pause":
      if (state.phase !== "question" || state.paused) return fail(state, "WRONG_PHASE");
      return ok(
        { ...state, paused: true, elapsedMs: elapsedMs(state, now), runningSince: null },
        { type: "phaseChanged" },
      );
    case "resume":
      if (state.phase !== "question" || !state.paused) return fail(state, "WRONG_PHASE");
      return ok({ ...resumeGrace(state, now), paused: false, runningSince: now }, { type: "phaseChanged" });
    case "end":
      if (state.phase === "ended") return fail(state, "WRONG_PHASE");
      return ok(
        { ...state, phase: "ended", paused: false, elapsedMs: elapsedMs(state, now), runningSince: null },
        { type: "phaseChanged" },
      );
    case "lock":
      if (state.phase === "ended") return fail(state, "WRONG_PHASE");
      return ok({ ...state, locked: command.locked }, { type: "lockChanged" }, { type: "hostChanged" });
    case "kick":
      return kick(state, command.playerId, now, inPlace);
  }
}

/** Whether a new player may join now (R-JOIN), before any nickname is looked at. */
export function admission(state: GameState): "LOCKED" | "GAME_FULL" | null {
  if (state.locked) return "LOCKED";
  if (activeCount(state) >= state.maxPlayers) return "GAME_FULL";
  return null;
}

/**
 * Why this join would be refused (R-JOIN), or null when apply() would accept it:
 * asked without changing anything, so the room can store the player first and
 * apply the join only once stored. O(1).
 */
export function joinRefusal(
  state: GameState,
  command: Pick<Extract<Command, { type: "join" }>, "nicknameKey">,
): Extract<Outcome, { ok: false }>["code"] | null {
  if (state.phase === "ended") return "WRONG_PHASE";
  const refused = admission(state);
  if (refused) return refused;
  if (rosterOf(state).nicknameKeys.has(command.nicknameKey)) return "NICKNAME_TAKEN";
  return null;
}

function join(state: GameState, command: Extract<Command, { type: "join" }>, inPlace: boolean): Outcome {
  const refused = joinRefusal(state, command);
  if (refused) return fail(state, refused);
  const player = newPlayer({
    id: command.playerId,
    nickname: command.nickname,
    nicknameKey: command.nicknameKey,
    seq: state.nextSeq,
    connected: true,
    kicked: false,
  });
  const next = writable(state, inPlace);
  putPlayer(next, player);
  return ok(
    { ...next, nextSeq: state.nextSeq + 1 },
    { type: "playerJoined", playerId: player.id },
    { type: "hostChanged" },
  );
}

/** A player with nothing scored yet: on join, and before a restart replays the answers. */
export function newPlayer(
  init: Pick<PlayerState, "id" | "nickname" | "nicknameKey" | "seq" | "connected" | "kicked">,
): PlayerState {
  return {
    ...init,
    disconnectedAt: null,
    score: 0,
    streak: 0,
    totalTimeMs: 0,
    correctCount: 0,
    rank: null,
    previousRank: null,
  };
}

function setConnected(state: GameState, playerId: string, connected: boolean, now: number, inPlace: boolean): Outcome {
  const player = playerOf(state, playerId);
  if (!player || player.kicked) return fail(state, player ? "KICKED" : "NOT_FOUND");
  if (player.connected === connected) return ok(state);
  const next = writable(state, inPlace);
  putPlayer(next, { ...player, connected, disconnectedAt: connected ? null : now });
  return closeIfAllAnswered(next, now, { type: "hostChanged" });
}

/**
 * R-ANSWER-ORDER: INVALID_PAYLOAD, RATE_LIMITED, ALREADY_ANSWERED, WRONG_PHASE, PAUSED, LATE.
 * The rate limit is counted by the transport and decided here, so the order holds
 * whatever the transport checks first.
 * An accepted answer does not close the question here: the room ticks once the
 * answer is written, so a question never closes on an answer the database lacks.
 */
function answer(
  state: GameState,
  command: Extract<Command, { type: "answer" }>,
  now: number,
  inPlace: boolean,
): Outcome {
  const player = playerOf(state, command.playerId);
  if (!player) return fail(state, "NOT_FOUND");
  if (player.kicked) return fail(state, "KICKED");
  const index = command.questionIndex;
  const question = state.questions[index];
  if (question && !validChoice(question, command.optionIds)) return fail(state, "INVALID_PAYLOAD");
  if (command.rateLimited) return fail(state, "RATE_LIMITED");
  if (hasAnswer(state.answers[index], player.id)) return fail(state, "ALREADY_ANSWERED");
  const everOpened = state.phase !== "lobby" && index <= state.questionIndex;
  if (!question || !everOpened) return fail(state, "WRONG_PHASE");
  if (index < state.questionIndex || state.phase !== "question") return fail(state, "LATE");
  if (state.paused) return fail(state, "PAUSED");
  if (timeLeftMs(state, now) === 0) return fail(state, "LATE");

  const record: AnswerRecord = { optionIds: [...command.optionIds], timeMs: elapsedMs(state, now) };
  const next = writable(state, inPlace);
  putAnswer(next, player.id, record, inPlace);
  const accepted: Effect = { type: "answerAccepted", playerId: player.id, questionIndex: index, answer: record };
  return ok(next, accepted, { type: "hostChanged" });
}

function validChoice(question: QuestionDef, optionIds: string[]): boolean {
  const known = OPTION_IDS.slice(0, question.options.length) as readonly string[];
  const distinct = new Set(optionIds);
  if (distinct.size !== optionIds.length || !optionIds.every((id) => known.includes(id))) return false;
  return question.kind === "multiple" ? optionIds.length >= 1 : optionIds.length === 1;
}

function revokeAnswer(state: GameState, playerId: string, questionIndex: number, inPlace: boolean): Outcome {
  if (!hasAnswer(state.answers[questionIndex], playerId)) return ok(state);
  const next = writable(state, inPlace);
  dropAnswer(next, questionIndex, playerId, inPlace);
  return ok(next, { type: "hostChanged" });
}

function kick(state: GameState, playerId: string, now: number, inPlace: boolean): Outcome {
  const player = playerOf(state, playerId);
  if (!player || player.kicked) return fail(state, "NOT_FOUND");
  const next = writable(state, inPlace);
  putPlayer(next, { ...player, kicked: true, connected: false });
  // The others close ranks (1..n again), keeping their movement since the last reveal:
  // O(N log N), but only when the player was ranked, and kicks are rare.
  if (player.rank !== null) next.players = closeRanks(next.players);
  return closeIfAllAnswered(next, now, { type: "playerKicked", playerId }, { type: "hostChanged" });
}

function openQuestion(state: GameState, index: number, now: number): Outcome {
  return ok(
    {
      ...state,
      phase: "question",
      questionIndex: index,
      paused: false,
      skipped: false,
      elapsedMs: 0,
      runningSince: now,
      results: {},
    },
    { type: "phaseChanged" },
  );
}

/**
 * After a pause (or a restart, which comes back paused) phones that are still away
 * get the reconnect grace again, so the first one back cannot close the question.
 */
function resumeGrace(state: GameState, now: number): GameState {
  const players: Record<string, PlayerState> = {};
  for (const [id, p] of Object.entries(state.players)) {
    players[id] = p.connected || p.kicked ? p : { ...p, disconnectedAt: now };
  }
  return { ...state, players };
}

/** R-AUTO-CLOSE: the question closes once every connected player has answered. O(1) mostly (see roster). */
function closeIfAllAnswered(state: GameState, now: number, ...effects: Effect[]): Outcome {
  if (state.phase !== "question" || state.paused) return ok(state, ...effects);
  if (!allWaitedForAnswered(state, now, RECONNECT_GRACE_MS)) return ok(state, ...effects);
  const closed = close(state, now, false);
  return closed.ok ? ok(closed.state, ...effects, ...closed.effects) : closed;
}

function close(state: GameState, now: number, skipped: boolean): Outcome {
  const index = state.questionIndex;
  const question = state.questions[index];
  if (!question) return fail(state, "WRONG_PHASE");
  const correctIds = correctOptionIds(question);
  const answers = answersTo(state, index);
  const limit = timeLimitMs(question);
  const players: Record<string, PlayerState> = { ...state.players };
  const results: Record<string, QuestionResult> = {};
  for (const player of activePlayers(state)) {
    const given = answers[player.id];
    const correct = !!given && isCorrectChoice(given.optionIds, correctIds);
    if (skipped) {
      results[player.id] = { correct, points: 0, bonus: 0, streak: player.streak };
      continue;
    }
    const scored = question.points !== "none";
    const streak = scored ? (correct ? player.streak + 1 : 0) : player.streak;
    const points = correct && given ? pointsFor(question.points, given.timeMs, limit) : 0;
    const bonus = correct && scored ? streakBonus(streak) : 0;
    results[player.id] = { correct, points, bonus, streak };
    players[player.id] = {
      ...player,
      streak,
      score: player.score + points + bonus,
      // R-RANK-TIEBREAK: no answer costs the whole limit, or silence would outrank a wrong answer.
      totalTimeMs: player.totalTimeMs + (given?.timeMs ?? limit),
      correctCount: player.correctCount + (correct ? 1 : 0),
    };
  }
  return ok(
    {
      ...state,
      phase: "reveal",
      paused: false,
      skipped,
      elapsedMs: Math.min(limit, elapsedMs(state, now)),
      runningSince: null,
      players: rankPlayers(players),
      results,
    },
    { type: "questionClosed", questionIndex: index },
    { type: "phaseChanged" },
  );
}

export function newGameState(init: {
  id: string;
  pin: string;
  ownerId: string;
  deckTitle: string;
  language: GameState["language"];
  questions: QuestionDef[];
  maxPlayers: number;
}): GameState {
  return {
    ...init,
    phase: "lobby",
    questionIndex: -1,
    locked: false,
    paused: false,
    skipped: false,
    elapsedMs: 0,
    runningSince: null,
    players: {},
    nextSeq: 0,
    answers: {},
    results: {},
  };
}

/** A question closed before a restart, as the standings stored for it tell. */
export interface ClosedQuestion {
  index: number;
  skipped: boolean;
  /** The players who were in the game when it closed; absent when unknown (all players then). */
  playerIds?: readonly string[];
}

/**
 * Rebuilds a game after a restart (R-RESTART): players and answers come from the
 * database; each closed question is closed again, over the players who were there
 * when it closed, so scores, streaks and ranks are derived exactly as they were the
 * first time (a player who joined later is not scored on it and keeps rank null).
 */
export function replay(base: GameState, closedQuestions: readonly ClosedQuestion[], now: number): GameState {
  let state = base;
  for (const { index, skipped, playerIds } of [...closedQuestions].sort((a, b) => a.index - b.index)) {
    const present = playerIds ? new Set(playerIds) : null;
    const later = Object.values(state.players).filter((p) => present !== null && !present.has(p.id));
    const players = Object.fromEntries(Object.entries(state.players).filter(([id]) => !present || present.has(id)));
    const outcome = close({ ...state, players, questionIndex: index }, now, skipped);
    if (!outcome.ok) continue;
    const rejoined = Object.fromEntries(later.map((p) => [p.id, p]));
    state = { ...outcome.state, players: { ...outcome.state.players, ...rejoined } };
  }
  return state;
}
