// What each screen may see: the only door out of the engine (R-NO-LEAK). Before
// the reveal no view carries a field from which the correct option can be told.
// The phones' views live in player-views.ts; this file is the projector's.
import { HOST_NAME_LIST_MAX, HOST_PLAYER_LIST_MAX, OPTION_IDS } from "../../lib/contract";
import type { HostPlayer, HostPlayerRef, HostView, LeaderboardEntry } from "../../lib/contract";
import { activePlayers, answersTo, correctOptionIds, currentQuestion } from "./engine";
import { publicQuestion } from "./player-views";
import { activeInJoinOrder, hasAnswer, rosterOf } from "./roster";
import { compareStanding } from "./scoring";
import type { GameState, PlayerState } from "./types";

export {
  phoneFrame,
  phoneView,
  phoneViews,
  playedTally,
  playerView,
  publicQuestion,
  rationalesForChoice,
} from "./player-views";
export type { PhoneFrame } from "./player-views";

export const HOST_LEADERBOARD_SIZE = 5;

/**
 * The best `size` players by standing (R-RANK-TIEBREAK's order), ranked ones only.
 * One pass keeping the best few, O(N × size): no sort of the whole room per host update.
 */
export function leaderboard(state: GameState, size = HOST_LEADERBOARD_SIZE): LeaderboardEntry[] {
  const best: PlayerState[] = [];
  for (const player of activeInJoinOrder(state)) {
    if (player.rank === null) continue;
    let at = best.length;
    while (at > 0 && compareStanding(player, best[at - 1] as PlayerState) < 0) at -= 1;
    best.splice(at, 0, player);
    if (best.length > size) best.pop();
  }
  return best.map((p) => ({
    playerId: p.id,
    nickname: p.nickname,
    score: p.score,
    rank: p.rank ?? 0,
    previousRank: p.previousRank,
    streak: p.streak,
  }));
}

export function optionCounts(state: GameState): Record<string, number> {
  const question = currentQuestion(state);
  const counts: Record<string, number> = {};
  question?.options.forEach((_, i) => (counts[OPTION_IDS[i] ?? String(i)] = 0));
  const answers = answersTo(state, state.questionIndex);
  for (const player of activePlayers(state)) {
    for (const id of answers[player.id]?.optionIds ?? []) counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

const hostPlayer = (p: PlayerState): HostPlayer => ({
  id: p.id,
  nickname: p.nickname,
  score: p.score,
  connected: p.connected,
});
const nameRef = (p: PlayerState): HostPlayerRef => ({ id: p.id, nickname: p.nickname, connected: p.connected });

/**
 * The projector's view. Counts always (kept by the roster, O(1)); names only for the
 * players the instructor may need to chase (not answered, away), in join order, capped
 * at HOST_NAME_LIST_MAX each; `players` holds the latest HOST_PLAYER_LIST_MAX joiners.
 * Built in one walk of the players in join order, without sorting.
 */
export function hostView(state: GameState, now: number, joinUrl: string): HostView {
  const def = currentQuestion(state);
  const revealed = state.phase !== "lobby" && state.phase !== "question" && def !== null;
  const asking = state.phase === "question";
  const roster = rosterOf(state);
  const answers = state.answers[state.questionIndex];
  const players: HostPlayer[] = [];
  const unanswered: HostPlayerRef[] = [];
  const away: HostPlayerRef[] = [];
  // Only the latest HOST_PLAYER_LIST_MAX joiners are listed: those past `listedFrom`.
  const listedFrom = roster.active - HOST_PLAYER_LIST_MAX;
  let position = 0;
  for (const player of activeInJoinOrder(state)) {
    if (position++ >= listedFrom) players.push(hostPlayer(player));
    if (!player.connected && away.length < HOST_NAME_LIST_MAX) away.push(nameRef(player));
    if (asking && !hasAnswer(answers, player.id) && unanswered.length < HOST_NAME_LIST_MAX) {
      unanswered.push(nameRef(player));
    }
  }
  return {
    gameId: state.id,
    phase: state.phase,
    paused: state.paused,
    locked: state.locked,
    pin: state.pin,
    joinUrl,
    deckTitle: state.deckTitle,
    language: state.language,
    questionCount: state.questions.length,
    players,
    question: state.phase === "lobby" ? null : publicQuestion(state, now),
    answeredCount: roster.answered.active,
    connectedCount: roster.connected,
    questionIndex: state.questionIndex,
    playerCount: roster.active,
    maxPlayers: state.maxPlayers,
    awayCount: roster.active - roster.connected,
    unansweredCount: asking ? roster.active - roster.answered.active : 0,
    unanswered,
    away,
    correctOptionIds: revealed ? correctOptionIds(def) : null,
    optionCounts: revealed ? optionCounts(state) : null,
    explanation: revealed ? def.explanation : null,
    skipped: state.skipped,
    leaderboard: leaderboard(state),
  };
}
