// The deck as the editor holds it while the instructor types. Close to the Deck
// JSON (lib/deck.ts), plus what a form needs: a stable key per question (drag
// and drop, focus, "touched" marks survive reordering), the time limit as typed
// ("" or "1" on the way to "15" must be shown back, and validated), and the
// options a switch to true/false replaced, so switching back restores them.
import { OPTION_IDS, type Locale, type PointsKind, type QuestionKind } from "../../lib/contract";
import { DECK_LIMITS, type DeckInput, type StoredDeck } from "../../lib/deck";

export interface DraftQuestion {
  key: string;
  kind: QuestionKind;
  text: string;
  options: string[];
  /** Parallel to options; "" where none is written. */
  rationales: string[];
  correct: number[];
  timeLimit: string;
  points: PointsKind;
  explanation: string;
  tags: string[];
  imageUrl: string | null;
  /** What a switch to true/false replaced; never saved. */
  stash: { options: string[]; rationales: string[]; correct: number[] } | null;
}

export interface DraftDeck {
  title: string;
  description: string;
  language: Locale;
  questions: DraftQuestion[];
}

export const MAX_OPTIONS = OPTION_IDS.length;
export const MIN_OPTIONS = 2;
const NEW_QUESTION_OPTIONS = 4;

/**
 * True/false options follow the deck's language, not the interface's: a Korean
 * deck edited from an English browser still shows 참 / 거짓 to its students.
 */
export const TRUE_FALSE_LABELS: Record<Locale, readonly [string, string]> = {
  en: ["True", "False"],
  ko: ["참", "거짓"],
};

export function blankQuestion(key: string, timeLimit: string = String(DECK_LIMITS.defaultTimeLimitSec)): DraftQuestion {
  return {
    key,
    kind: "single",
    text: "",
    options: Array.from({ length: NEW_QUESTION_OPTIONS }, () => ""),
    rationales: Array.from({ length: NEW_QUESTION_OPTIONS }, () => ""),
    correct: [],
    timeLimit,
    points: "standard",
    explanation: "",
    tags: [],
    imageUrl: null,
    stash: null,
  };
}

export function blankDeck(language: Locale): DraftDeck {
  return { title: "", description: "", language, questions: [blankQuestion("q0")] };
}

/** Keys are positional at load (the same on the server render and in the browser). */
export function draftFromStored(deck: StoredDeck): DraftDeck {
  return {
    title: deck.title,
    description: deck.description,
    language: deck.language,
    questions: deck.questions.map((q, i) => ({
      key: `q${i}`,
      kind: q.kind,
      text: q.text,
      options: [...q.options],
      rationales: q.options.map((_, j) => q.rationales[j] ?? ""),
      correct: [...q.correct],
      timeLimit: String(q.timeLimitSec),
      points: q.points,
      explanation: q.explanation,
      tags: [...q.tags],
      imageUrl: q.imageUrl,
      stash: null,
    })),
  };
}

/** "15" → 15; anything else → NaN, which the deck schema refuses as not a number. */
export function parseTimeLimit(typed: string): number {
  return /^\s*\d{1,4}\s*$/.test(typed) ? Number(typed) : Number.NaN;
}

/** The body of POST /api/decks and PUT /api/decks/:id, and what is validated. */
export function toDeckInput(draft: DraftDeck): DeckInput {
  return {
    title: draft.title,
    language: draft.language,
    description: draft.description,
    questions: draft.questions.map((q) => ({
      kind: q.kind,
      text: q.text,
      options: q.options,
      correct: [...q.correct].sort((a, b) => a - b),
      timeLimitSec: parseTimeLimit(q.timeLimit),
      points: q.points,
      explanation: q.explanation,
      rationales: q.rationales,
      tags: q.tags,
      imageUrl: q.imageUrl,
    })),
  };
}

/** A question with nothing typed in it can go without asking. */
export function isBlank(q: DraftQuestion): boolean {
  return (
    q.text.trim() === "" &&
    q.options.every((o) => o.trim() === "" || TRUE_FALSE_LABELS.en.includes(o) || TRUE_FALSE_LABELS.ko.includes(o)) &&
    q.rationales.every((r) => r.trim() === "") &&
    q.explanation.trim() === "" &&
    q.tags.length === 0 &&
    q.imageUrl === null
  );
}
