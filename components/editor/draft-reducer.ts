// Every change the editor makes to a draft, as a pure reducer: option indexes in
// `correct` and the parallel `rationales` move with their options, and the
// selection follows the question being worked on.
import type { Locale, QuestionKind } from "../../lib/contract";
import { DECK_LIMITS } from "../../lib/deck";
import {
  MAX_OPTIONS,
  MIN_OPTIONS,
  TRUE_FALSE_LABELS,
  blankQuestion,
  type DraftDeck,
  type DraftQuestion,
} from "./draft";

export interface EditorState {
  draft: DraftDeck;
  selectedKey: string;
  /** The next question key: keys stay unique for the life of the page. */
  nextKey: number;
}

type QuestionPatch = Partial<
  Pick<DraftQuestion, "text" | "timeLimit" | "points" | "explanation" | "tags" | "imageUrl">
>;

export type EditorAction =
  | { type: "load"; draft: DraftDeck }
  | { type: "deck"; patch: Partial<Pick<DraftDeck, "title" | "description">> }
  | { type: "language"; language: Locale }
  | { type: "select"; key: string }
  | { type: "question"; key: string; patch: QuestionPatch }
  | { type: "kind"; key: string; kind: QuestionKind }
  | { type: "option"; key: string; index: number; text: string }
  | { type: "rationale"; key: string; index: number; text: string }
  | { type: "toggleCorrect"; key: string; index: number }
  | { type: "addOption"; key: string }
  | { type: "removeOption"; key: string; index: number }
  | { type: "add"; afterKey: string | null }
  | { type: "duplicate"; key: string }
  | { type: "remove"; key: string }
  | { type: "move"; from: number; to: number };

export function initialEditorState(draft: DraftDeck): EditorState {
  return { draft, selectedKey: draft.questions[0]?.key ?? "", nextKey: draft.questions.length };
}

function mapQuestion(state: EditorState, key: string, change: (q: DraftQuestion) => DraftQuestion): EditorState {
  return {
    ...state,
    draft: { ...state.draft, questions: state.draft.questions.map((q) => (q.key === key ? change(q) : q)) },
  };
}

function withKind(q: DraftQuestion, kind: QuestionKind, language: Locale): DraftQuestion {
  if (kind === q.kind) return q;
  if (kind === "truefalse") {
    // The old options mean nothing as true/false: put them aside, mark nothing.
    return {
      ...q,
      kind,
      options: [...TRUE_FALSE_LABELS[language]],
      rationales: ["", ""],
      correct: [],
      stash: { options: q.options, rationales: q.rationales, correct: q.correct },
    };
  }
  const base = q.kind === "truefalse" && q.stash ? { ...q, ...q.stash, stash: null } : q;
  // A radio shows one answer: keep the first one marked rather than hide the rest.
  const correct = kind === "single" ? base.correct.slice(0, 1) : base.correct;
  return { ...base, kind, correct };
}

function removeOptionAt(q: DraftQuestion, index: number): DraftQuestion {
  if (q.options.length <= MIN_OPTIONS || q.kind === "truefalse") return q;
  return {
    ...q,
    options: q.options.filter((_, i) => i !== index),
    rationales: q.rationales.filter((_, i) => i !== index),
    correct: q.correct.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)),
  };
}

function toggleCorrect(q: DraftQuestion, index: number): DraftQuestion {
  if (q.kind !== "multiple") return { ...q, correct: [index] };
  const correct = q.correct.includes(index) ? q.correct.filter((i) => i !== index) : [...q.correct, index];
  return { ...q, correct: correct.sort((a, b) => a - b) };
}

function insertAfter(state: EditorState, afterKey: string | null, question: DraftQuestion): EditorState {
  const questions = [...state.draft.questions];
  const at = afterKey === null ? questions.length : questions.findIndex((q) => q.key === afterKey) + 1;
  questions.splice(at > 0 ? at : questions.length, 0, question);
  return {
    draft: { ...state.draft, questions },
    selectedKey: question.key,
    nextKey: state.nextKey + 1,
  };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const { draft } = state;
  switch (action.type) {
    case "load":
      return initialEditorState(action.draft);
    case "deck":
      return { ...state, draft: { ...draft, ...action.patch } };
    case "language": {
      // True/false options still at the other language's words follow the deck.
      const from = TRUE_FALSE_LABELS[draft.language];
      const to = TRUE_FALSE_LABELS[action.language];
      const questions = draft.questions.map((q) =>
        q.kind === "truefalse" ? { ...q, options: q.options.map((o, i) => (o === from[i] ? (to[i] ?? o) : o)) } : q,
      );
      return { ...state, draft: { ...draft, language: action.language, questions } };
    }
    case "select":
      return draft.questions.some((q) => q.key === action.key) ? { ...state, selectedKey: action.key } : state;
    case "question":
      return mapQuestion(state, action.key, (q) => ({ ...q, ...action.patch }));
    case "kind":
      return mapQuestion(state, action.key, (q) => withKind(q, action.kind, draft.language));
    case "option":
      return mapQuestion(state, action.key, (q) => ({
        ...q,
        options: q.options.map((o, i) => (i === action.index ? action.text : o)),
      }));
    case "rationale":
      return mapQuestion(state, action.key, (q) => ({
        ...q,
        rationales: q.options.map((_, i) => (i === action.index ? action.text : (q.rationales[i] ?? ""))),
      }));
    case "toggleCorrect":
      return mapQuestion(state, action.key, (q) => toggleCorrect(q, action.index));
    case "addOption":
      return mapQuestion(state, action.key, (q) =>
        q.options.length >= MAX_OPTIONS || q.kind === "truefalse"
          ? q
          : { ...q, options: [...q.options, ""], rationales: [...q.rationales, ""] },
      );
    case "removeOption":
      return mapQuestion(state, action.key, (q) => removeOptionAt(q, action.index));
    case "add": {
      if (draft.questions.length >= DECK_LIMITS.questions) return state;
      // A new question keeps the time limit of the one it follows: decks tend to keep one pace.
      const after = draft.questions.find((q) => q.key === action.afterKey);
      return insertAfter(state, action.afterKey, blankQuestion(`q${state.nextKey}`, after?.timeLimit));
    }
    case "duplicate": {
      const source = draft.questions.find((q) => q.key === action.key);
      if (!source || draft.questions.length >= DECK_LIMITS.questions) return state;
      return insertAfter(state, action.key, { ...source, key: `q${state.nextKey}`, tags: [...source.tags] });
    }
    case "remove": {
      if (draft.questions.length <= 1) return state;
      const index = draft.questions.findIndex((q) => q.key === action.key);
      if (index < 0) return state;
      const questions = draft.questions.filter((q) => q.key !== action.key);
      const selectedKey =
        state.selectedKey === action.key
          ? (questions[Math.min(index, questions.length - 1)]?.key ?? "")
          : state.selectedKey;
      return { ...state, draft: { ...draft, questions }, selectedKey };
    }
    case "move": {
      const { from, to } = action;
      const count = draft.questions.length;
      if (from === to || from < 0 || to < 0 || from >= count || to >= count) return state;
      const questions = [...draft.questions];
      const [moved] = questions.splice(from, 1);
      if (!moved) return state;
      questions.splice(to, 0, moved);
      return { ...state, draft: { ...draft, questions } };
    }
  }
}
