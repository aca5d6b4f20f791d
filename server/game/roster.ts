// Counts and indexes over a game's players, kept in step with the engine's
// in-place updates, so that a join, an answer, a (re)connect or a tick costs the
// same in a game of 10 players as in one of 10,000 (issue 17).
//
// A roster is derived data only, remembered beside the players map it describes
// (keyed by that map's identity). Whenever a state's maps are not the ones a
// roster was built for — a state made by hand, rebuilt after a restart, or after
// a reveal, which replaces the map — it is rebuilt from the state by one pass.
//
// The engine writes players and answers only through the functions below, into
// a state made by `writable`: in place when the caller gave its state up (the
// room: O(1)), or into copies of the maps otherwise (tests, replay: O(N), the
// input left as it was). Either way the same counting code runs; nothing else
// may change these maps in place.
import type { AnswerRecord, GameState, PlayerState } from "./types";

/** The counts over the current question's answers. */
interface AnsweredTally {
  questionIndex: number;
  /** The answer map these counts describe (undefined before the question's first answer). */
  answers: Record<string, AnswerRecord> | undefined;
  /** Players not kicked who have answered. */
  active: number;
  /** Players not kicked, connected, who have answered. */
  connected: number;
}

export interface Roster {
  /** The players map this roster describes. */
  readonly players: Record<string, PlayerState>;
  /** Every player id, kicked ones included, in join order (ascending seq). */
  readonly joinOrder: string[];
  /** The nicknameKey of every player, kicked ones included: a nickname is taken for the whole game. */
  readonly nicknameKeys: Set<string>;
  /** Players not kicked. */
  active: number;
  /** Players not kicked and connected. */
  connected: number;
  /** Players not kicked, not connected, with a disconnect time: id → disconnectedAt (ms). */
  readonly away: Map<string, number>;
  answered: AnsweredTally;
}

const rosters = new WeakMap<Record<string, PlayerState>, Roster>();

/** Whether the player has an answer in this map (own keys only: an id such as "constructor" has none). */
export function hasAnswer(answers: Record<string, AnswerRecord> | undefined, playerId: string): boolean {
  return answers !== undefined && Object.hasOwn(answers, playerId);
}

/**
 * The roster of `state`, in step with its players and its current question's
 * answers. O(1) while the engine keeps it; O(N) once after the maps were replaced
 * (a reveal, a resume, a restart) or the question changed.
 */
export function rosterOf(state: GameState): Roster {
  let roster = rosters.get(state.players);
  if (!roster) {
    roster = buildRoster(state.players);
    rosters.set(state.players, roster);
  }
  const answers = state.answers[state.questionIndex];
  if (roster.answered.questionIndex !== state.questionIndex || roster.answered.answers !== answers) {
    roster.answered = countAnswered(roster, state.questionIndex, answers);
  }
  return roster;
}

function buildRoster(players: Record<string, PlayerState>): Roster {
  const ordered = Object.values(players).sort((a, b) => a.seq - b.seq);
  const roster: Roster = {
    players,
    joinOrder: ordered.map((p) => p.id),
    nicknameKeys: new Set(ordered.map((p) => p.nicknameKey)),
    active: 0,
    connected: 0,
    away: new Map(),
    answered: { questionIndex: Number.NaN, answers: undefined, active: 0, connected: 0 },
  };
  for (const player of ordered) count(roster, player, +1);
  return roster;
}

function countAnswered(
  roster: Roster,
  questionIndex: number,
  answers: Record<string, AnswerRecord> | undefined,
): AnsweredTally {
  const tally: AnsweredTally = { questionIndex, answers, active: 0, connected: 0 };
  for (const id of Object.keys(answers ?? {})) {
    const player = Object.hasOwn(roster.players, id) ? roster.players[id] : undefined;
    if (player && !player.kicked) {
      tally.active += 1;
      if (player.connected) tally.connected += 1;
    }
  }
  return tally;
}

/**
 * A new state object to write the command's changes into. `inPlace`: it shares
 * `state`'s maps, which the writes then change (O(1)); otherwise it gets its own
 * copies of the players map, the answers map and the roster (O(N)), so `state`
 * stays as it was. Answer maps of single questions are copied when written (see putAnswer).
 */
export function writable(state: GameState, inPlace: boolean): GameState {
  if (inPlace) return { ...state };
  const roster = rosterOf(state);
  const players = { ...state.players };
  rosters.set(players, {
    players,
    joinOrder: [...roster.joinOrder],
    nicknameKeys: new Set(roster.nicknameKeys),
    active: roster.active,
    connected: roster.connected,
    away: new Map(roster.away),
    answered: { ...roster.answered },
  });
  return { ...state, players, answers: { ...state.answers } };
}

/** Adds (+1) or takes out (−1) one player's share of the counts. */
function count(roster: Roster, player: PlayerState, sign: 1 | -1): void {
  if (player.kicked) return;
  roster.active += sign;
  if (player.connected) roster.connected += sign;
  else if (player.disconnectedAt !== null) {
    if (sign > 0) roster.away.set(player.id, player.disconnectedAt);
    else roster.away.delete(player.id);
  }
  if (hasAnswer(roster.answered.answers, player.id)) {
    roster.answered.active += sign;
    if (player.connected) roster.answered.connected += sign;
  }
}

/**
 * Puts `player` into `state.players` (a state from `writable`): a new player, or a
 * new version of one, keeping the roster right. A new player goes last in the join
 * order, so it must carry the highest seq (the engine's nextSeq).
 */
export function putPlayer(state: GameState, player: PlayerState): void {
  const roster = rosterOf(state);
  const before = Object.hasOwn(state.players, player.id) ? state.players[player.id] : undefined;
  if (before && before.nicknameKey !== player.nicknameKey) {
    // Not something the engine does: rebuild rather than guess.
    state.players[player.id] = player;
    rosters.delete(state.players);
    return;
  }
  if (before) count(roster, before, -1);
  else {
    roster.joinOrder.push(player.id);
    roster.nicknameKeys.add(player.nicknameKey);
  }
  state.players[player.id] = player;
  count(roster, player, +1);
}

/**
 * The answer map of question `index` to write into: the state's own in place,
 * else a copy put in its place (so the input state's map stays as it was).
 */
function answerMap(state: GameState, index: number, inPlace: boolean): Record<string, AnswerRecord> {
  const roster = rosterOf(state); // before the map changes: the roster knows the old one
  const existing = state.answers[index];
  const answers = inPlace && existing ? existing : { ...existing };
  state.answers[index] = answers;
  if (index === roster.answered.questionIndex) roster.answered.answers = answers;
  return answers;
}

/** Records an answer to the current question (a state from `writable`), keeping the roster right. */
export function putAnswer(state: GameState, playerId: string, record: AnswerRecord, inPlace: boolean): void {
  const roster = rosterOf(state);
  const player = Object.hasOwn(state.players, playerId) ? state.players[playerId] : undefined;
  if (player) count(roster, player, -1);
  answerMap(state, state.questionIndex, inPlace)[playerId] = record;
  if (player) count(roster, player, +1);
}

/** Takes one answer out (a write that failed; a state from `writable`), keeping the roster right. */
export function dropAnswer(state: GameState, questionIndex: number, playerId: string, inPlace: boolean): void {
  const roster = rosterOf(state);
  const player = Object.hasOwn(state.players, playerId) ? state.players[playerId] : undefined;
  if (player) count(roster, player, -1);
  delete answerMap(state, questionIndex, inPlace)[playerId];
  if (player) count(roster, player, +1);
}

/** Players not kicked, in join order: O(N) for the whole walk, no sorting. */
export function* activeInJoinOrder(state: GameState): Generator<PlayerState> {
  const roster = rosterOf(state);
  for (const id of roster.joinOrder) {
    const player = state.players[id];
    if (player && !player.kicked) yield player;
  }
}

/**
 * R-AUTO-CLOSE: whether someone is waited for and every one of them has answered
 * the current question. Waited for: players not kicked who are connected, or away
 * for less than `graceMs` before `now` (ms). O(1) while a connected player has not
 * answered; otherwise O(players away).
 */
export function allWaitedForAnswered(state: GameState, now: number, graceMs: number): boolean {
  const roster = rosterOf(state);
  if (roster.answered.connected < roster.connected) return false;
  let waiting = roster.connected > 0;
  for (const [id, awayAt] of roster.away) {
    if (now - awayAt >= graceMs) continue;
    if (!hasAnswer(roster.answered.answers, id)) return false;
    waiting = true;
  }
  return waiting;
}
