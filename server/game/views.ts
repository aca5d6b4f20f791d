// What each screen may see: the only door out of the engine (R-NO-LEAK). Before
// the reveal no view carries a field from which the correct option can be told.
import { HOST_NAME_LIST_MAX, HOST_PLAYER_LIST_MAX, OPTION_IDS } from "../../lib/contract";
import type {
  HostPlayerRef,
  HostView,
  LeaderboardEntry,
  PlayerView,
  PublicOption,
  PublicQuestion,
} from "../../lib/contract";
import {
  activePlayers,
  answersTo,
  correctOptionIds,
  currentQuestion,
  playerOf,
  timeLeftMs,
  timeLimitMs,
} from "./engine";
import { compareStanding, isCorrectChoice } from "./scoring";
import type { GameState, PlayerState, QuestionDef } from "./types";

export const HOST_LEADERBOARD_SIZE = 5;

export function publicQuestion(state: GameState, now: number): PublicQuestion | null {
  const question = currentQuestion(state);
  if (!question) return null;
  return {
    index: state.questionIndex,
    count: state.questions.length,
    kind: question.kind,
    text: question.text,
    options: question.options.map((text, i) => ({ id: OPTION_IDS[i] ?? String(i), text })),
    points: question.points,
    timeLimitMs: timeLimitMs(question),
    timeLeftMs: timeLeftMs(state, now),
    imageUrl: question.imageUrl,
  };
}

export function playerView(state: GameState, playerId: string, now: number): PlayerView | null {
  const player = playerOf(state, playerId);
  if (!player) return null;
  const base = {
    nickname: player.nickname,
    score: player.score,
    rank: player.rank,
    paused: state.paused,
    playerCount: activePlayers(state).length,
    questionCount: state.questions.length,
  };
  const question = publicQuestion(state, now);
  const answered = answersTo(state, state.questionIndex)[playerId]?.optionIds ?? null;
  switch (state.phase) {
    case "lobby":
      return { ...base, phase: "lobby" };
    case "question":
      return question ? { ...base, phase: "question", question, answeredOptionIds: answered } : null;
    case "reveal": {
      const def = currentQuestion(state);
      if (!question || !def) return null;
      const result = state.results[playerId] ?? { correct: false, points: 0, bonus: 0, streak: player.streak };
      return {
        ...base,
        phase: "reveal",
        question,
        answeredOptionIds: answered,
        correct: result.correct,
        points: result.points,
        bonus: result.bonus,
        streak: result.streak,
        skipped: state.skipped,
        correctOptionIds: correctOptionIds(def),
        explanation: def.explanation,
        rationales: rationalesForChoice(def, answered),
      };
    }
    case "leaderboard":
      return { ...base, phase: "leaderboard", questionIndex: state.questionIndex };
    case "ended":
      return { ...base, phase: "ended", ...playedTally(state, playerId), reviewUrl: null };
  }
}

/**
 * Why a wrong answer is wrong: the deck's rationale of each option the player
 * chose, in option order, those written; [] for a right answer or none. Judged on
 * the choice itself (as the session report does), so a skipped question still
 * explains a wrong pick. Only the reveal calls this (R-NO-LEAK).
 */
export function rationalesForChoice(def: QuestionDef, chosen: readonly string[] | null): PublicOption[] {
  if (!chosen || isCorrectChoice(chosen, correctOptionIds(def))) return [];
  return def.options.flatMap((_, i) => {
    const id = OPTION_IDS[i] ?? String(i);
    const text = def.rationales[i] ?? "";
    return chosen.includes(id) && text !== "" ? [{ id, text }] : [];
  });
}

/**
 * The questions opened before the end and how many of them this player answered
 * right (all and only the correct options), skipped ones included: the same count
 * as the session report's, so the phone and the report agree.
 */
export function playedTally(state: GameState, playerId: string): { correctCount: number; questionsPlayed: number } {
  const played = state.questions.slice(0, Math.max(0, state.questionIndex + 1));
  const correctCount = played.filter((question, index) => {
    const given = answersTo(state, index)[playerId];
    return given !== undefined && isCorrectChoice(given.optionIds, correctOptionIds(question));
  }).length;
  return { correctCount, questionsPlayed: played.length };
}

export function leaderboard(state: GameState, size = HOST_LEADERBOARD_SIZE): LeaderboardEntry[] {
  return activePlayers(state)
    .filter((p) => p.rank !== null)
    .sort(compareStanding)
    .slice(0, size)
    .map((p) => ({
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

/** The first HOST_NAME_LIST_MAX of these players, as the host's lists name them. */
function nameList(players: readonly PlayerState[]): HostPlayerRef[] {
  return players.slice(0, HOST_NAME_LIST_MAX).map((p) => ({ id: p.id, nickname: p.nickname, connected: p.connected }));
}

/**
 * The projector's view. Counts always; names only for the players the instructor may
 * need to chase (not answered, away), capped at HOST_NAME_LIST_MAX each, so the view
 * grows with the room only through `players`.
 */
export function hostView(state: GameState, now: number, joinUrl: string): HostView {
  const revealed = state.phase !== "lobby" && state.phase !== "question" && currentQuestion(state) !== null;
  const answers = answersTo(state, state.questionIndex);
  const players = activePlayers(state).sort((a, b) => a.seq - b.seq);
  const def = currentQuestion(state);
  const away = players.filter((p) => !p.connected);
  const unanswered = state.phase === "question" ? players.filter((p) => !answers[p.id]) : [];
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
    players: players
      .slice(-HOST_PLAYER_LIST_MAX)
      .map((p) => ({ id: p.id, nickname: p.nickname, score: p.score, connected: p.connected })),
    question: state.phase === "lobby" ? null : publicQuestion(state, now),
    answeredCount: players.filter((p) => answers[p.id]).length,
    connectedCount: players.length - away.length,
    questionIndex: state.questionIndex,
    playerCount: players.length,
    maxPlayers: state.maxPlayers,
    awayCount: away.length,
    unansweredCount: unanswered.length,
    unanswered: nameList(unanswered),
    away: nameList(away),
    correctOptionIds: revealed && def ? correctOptionIds(def) : null,
    optionCounts: revealed ? optionCounts(state) : null,
    explanation: revealed && def ? def.explanation : null,
    skipped: state.skipped,
    leaderboard: leaderboard(state),
  };
}
