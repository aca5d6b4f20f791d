// What a phone may see (R-NO-LEAK), built in two parts so that a phase change
// sent to N phones costs O(N), not O(N²): the part every phone shares (the
// question, the counts, the key at the reveal) once per phase change, then the
// small part that is each player's own (issue 17).
import { OPTION_IDS } from "../../lib/contract";
import type { PlayerView, PublicOption, PublicQuestion } from "../../lib/contract";
import { activeCount, correctOptionIds, currentQuestion, timeLeftMs, timeLimitMs } from "./engine";
import { activeInJoinOrder } from "./roster";
import { isCorrectChoice } from "./scoring";
import type { AnswerRecord, GameState, PlayerState, QuestionDef } from "./types";

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

/**
 * The part of every phone's view that is the same for all of them at one moment.
 * Built once per phase change by `phoneFrame`; read-only afterwards (the views
 * built from it share its objects).
 */
export interface PhoneFrame {
  state: GameState;
  paused: boolean;
  playerCount: number;
  questionCount: number;
  question: PublicQuestion | null;
  def: QuestionDef | null;
  /** The current question's answers (empty before the first). */
  answers: Record<string, AnswerRecord> | undefined;
  /** The current question's key: only the reveal's view may read it (R-NO-LEAK). */
  correctIds: string[];
  /** Each question opened so far, with its key: only the end's view reads it. */
  played: { index: number; correctIds: string[] }[];
}

/** The shared part of the phones' views at `now` (ms). O(questions), never O(players). */
export function phoneFrame(state: GameState, now: number): PhoneFrame {
  const def = currentQuestion(state);
  const opened = state.questions.slice(0, Math.max(0, state.questionIndex + 1));
  return {
    state,
    paused: state.paused,
    playerCount: activeCount(state),
    questionCount: state.questions.length,
    question: publicQuestion(state, now),
    def,
    answers: state.answers[state.questionIndex],
    correctIds: def ? correctOptionIds(def) : [],
    played: opened.map((q, index) => ({ index, correctIds: correctOptionIds(q) })),
  };
}

/** One player's view from the shared frame: O(1) in the number of players. */
export function phoneView(frame: PhoneFrame, player: PlayerState): PlayerView | null {
  const { state, question, def } = frame;
  const base = {
    nickname: player.nickname,
    score: player.score,
    rank: player.rank,
    paused: frame.paused,
    playerCount: frame.playerCount,
    questionCount: frame.questionCount,
  };
  const answered = frame.answers?.[player.id]?.optionIds ?? null;
  switch (state.phase) {
    case "lobby":
      return { ...base, phase: "lobby" };
    case "question":
      return question ? { ...base, phase: "question", question, answeredOptionIds: answered } : null;
    case "reveal": {
      if (!question || !def) return null;
      const result = state.results[player.id] ?? { correct: false, points: 0, bonus: 0, streak: player.streak };
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
        correctOptionIds: frame.correctIds,
        explanation: def.explanation,
        rationales: rationalesForChoice(def, answered),
      };
    }
    case "leaderboard":
      return { ...base, phase: "leaderboard", questionIndex: state.questionIndex };
    case "ended": {
      const correctCount = frame.played.filter((q) => answeredRight(state, q.index, player.id, q.correctIds)).length;
      return { ...base, phase: "ended", correctCount, questionsPlayed: frame.played.length, reviewUrl: null };
    }
  }
}

/** One player's view (a join, a rejoin): null for an unknown player id. */
export function playerView(state: GameState, playerId: string, now: number): PlayerView | null {
  const player = Object.hasOwn(state.players, playerId) ? state.players[playerId] : undefined;
  return player ? phoneView(phoneFrame(state, now), player) : null;
}

/**
 * Every player's view (kicked ones left out), in join order, for a phase change:
 * the shared part is built once, so the whole walk is O(N).
 */
export function* phoneViews(state: GameState, now: number): Generator<[playerId: string, view: PlayerView]> {
  const frame = phoneFrame(state, now);
  for (const player of activeInJoinOrder(state)) {
    const view = phoneView(frame, player);
    if (view) yield [player.id, view];
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
  const correctCount = played.filter((question, index) =>
    answeredRight(state, index, playerId, correctOptionIds(question)),
  ).length;
  return { correctCount, questionsPlayed: played.length };
}

/** Whether the player's answer to question `index` is all and only the options in `correctIds`. */
function answeredRight(state: GameState, index: number, playerId: string, correctIds: readonly string[]): boolean {
  const given = state.answers[index]?.[playerId];
  return given !== undefined && isCorrectChoice(given.optionIds, correctIds);
}
