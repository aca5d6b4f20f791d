// The views a game would send for the question being edited, so the preview can
// draw it with the projector's and the phone's own components. A pretend room:
// 24 players, nobody has answered yet; at the reveal, a plausible spread.
import {
  OPTION_IDS,
  type HostView,
  type Locale,
  type PlayerQuestionView,
  type PlayerRevealView,
  type PublicQuestion,
} from "../../lib/contract";
import { DECK_LIMITS } from "../../lib/deck";
import { parseTimeLimit, type DraftQuestion } from "./draft";

const ROOM_SIZE = 24;
/**
 * The views' `receivedAt`: a view that "arrives" in the far future has not
 * started counting down, so the clocks read the full time limit and stand
 * still, while the room is not paused (a paused phone greys its answers out).
 */
export const ARRIVES_LATER = Number.MAX_SAFE_INTEGER;
const SAMPLE_PIN = "123456";

export interface PreviewText {
  deckTitle: string;
  emptyText: string;
  emptyOption: (letter: string) => string;
  nickname: string;
}

export function publicQuestion(q: DraftQuestion, index: number, count: number, text: PreviewText): PublicQuestion {
  const typed = parseTimeLimit(q.timeLimit);
  const seconds =
    typed >= DECK_LIMITS.minTimeLimitSec && typed <= DECK_LIMITS.maxTimeLimitSec
      ? typed
      : DECK_LIMITS.defaultTimeLimitSec;
  return {
    index,
    count,
    kind: q.kind,
    text: q.text.trim() || text.emptyText,
    options: q.options.map((option, i) => {
      const id = OPTION_IDS[i] ?? String(i);
      return { id, text: option.trim() || text.emptyOption(id.toUpperCase()) };
    }),
    points: q.points,
    timeLimitMs: seconds * 1000,
    // A full clock, standing still (see ARRIVES_LATER).
    timeLeftMs: seconds * 1000,
    imageUrl: q.imageUrl,
  };
}

const correctIds = (q: DraftQuestion) => q.correct.map((i) => OPTION_IDS[i] ?? String(i));

export function hostView(
  q: DraftQuestion,
  question: PublicQuestion,
  language: Locale,
  text: PreviewText,
  phase: "question" | "reveal",
): HostView {
  const correct = correctIds(q);
  const counts = Object.fromEntries(
    question.options.map((option, i) => [option.id, correct.includes(option.id) ? 11 : Math.max(1, 5 - i)]),
  );
  return {
    gameId: "preview",
    phase,
    paused: false,
    locked: false,
    pin: SAMPLE_PIN,
    joinUrl: "",
    deckTitle: text.deckTitle,
    language,
    questionCount: question.count,
    players: Array.from({ length: ROOM_SIZE }, (_, i) => ({
      id: `p${i}`,
      nickname: `${i}`,
      score: 0,
      connected: true,
    })),
    question,
    answeredCount: phase === "reveal" ? ROOM_SIZE : 0,
    connectedCount: ROOM_SIZE,
    correctOptionIds: phase === "reveal" ? correct : null,
    optionCounts: phase === "reveal" ? counts : null,
    explanation: phase === "reveal" ? q.explanation.trim() : null,
    skipped: false,
    leaderboard: [],
  };
}

function playerBase(question: PublicQuestion, text: PreviewText) {
  return {
    nickname: text.nickname,
    score: 0,
    rank: null,
    paused: false,
    playerCount: ROOM_SIZE,
    questionCount: question.count,
  };
}

export function playerQuestionView(question: PublicQuestion, text: PreviewText): PlayerQuestionView {
  return { ...playerBase(question, text), phase: "question", question, answeredOptionIds: null };
}

/** The reveal on a phone that chose `chosen` (option indexes). */
export function playerRevealView(
  q: DraftQuestion,
  question: PublicQuestion,
  chosen: number,
  text: PreviewText,
): PlayerRevealView {
  const correct = correctIds(q);
  const answered = [OPTION_IDS[chosen] ?? "a"];
  const right = correct.length === 1 && correct[0] === answered[0];
  const max = q.points === "double" ? 2000 : q.points === "none" ? 0 : 1000;
  const rationale = q.rationales[chosen]?.trim() ?? "";
  return {
    ...playerBase(question, text),
    score: right ? max : 0,
    rank: right ? 1 : 12,
    phase: "reveal",
    question: { ...question, timeLeftMs: 0 },
    answeredOptionIds: answered,
    correct: right,
    points: right ? max : 0,
    bonus: 0,
    streak: right ? 1 : 0,
    skipped: false,
    correctOptionIds: correct,
    explanation: q.explanation.trim(),
    rationales: !right && rationale ? [{ id: answered[0] ?? "a", text: rationale }] : [],
  };
}
