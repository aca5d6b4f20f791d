// The deck's problems, found by the server's own schema (lib/deck.ts) and placed
// at the field they belong to. Messages are keys of the "editor.problems"
// namespace (the schema's own wording is English); a problem this file does not
// know keeps the schema's or the server's words.
import type { z } from "zod";
import { DECK_LIMITS, deckSchema } from "../../lib/deck";
import { toDeckInput, type DraftDeck } from "./draft";

export type ProblemKey =
  | "titleEmpty"
  | "textEmpty"
  | "optionEmpty"
  | "tooLong"
  | "tooFewOptions"
  | "tooManyOptions"
  | "noCorrect"
  | "oneCorrect"
  | "correctRange"
  | "timeLimit"
  | "tooManyTags"
  | "tagEmpty"
  | "tagSeparator"
  | "imageUrl"
  | "noQuestions"
  | "tooManyQuestions";

export type ProblemText = { key: ProblemKey; values?: Record<string, number> } | { raw: string };

export interface Problem {
  /** The DOM id of the field (or field group) the problem is shown at. */
  field: string;
  /** null for the deck's own fields. */
  questionKey: string | null;
  text: ProblemText;
  /** Position in the form: the first problem is the one focused. */
  order: number;
}

export const deckFieldId = (name: "title" | "description" | "language" | "questions") => `deck-${name}`;
export const questionFieldId = (key: string, name: string) => `q-${key}-${name}`;

/** Where each part of a question sits in the form, top to bottom. */
const FIELD_ORDER = ["kind", "text", "image", "options", "correct", "time", "points", "explanation", "tags"];

function fieldOf(
  path: readonly PropertyKey[],
  keys: readonly string[],
): { field: string; key: string | null; rank: number } {
  const [top, index, part, sub] = path;
  if (top !== "questions" || typeof index !== "number") {
    const name = top === "title" || top === "description" || top === "language" ? top : "questions";
    return {
      field: deckFieldId(name),
      key: null,
      rank: ["title", "language", "description", "questions"].indexOf(name),
    };
  }
  const key = keys[index] ?? "";
  const at = (name: string, extra = 0) => ({
    field: questionFieldId(key, name),
    key,
    rank: 1000 * (index + 1) + 10 * FIELD_ORDER.indexOf(name.replace(/-\d+$/, "")) + extra,
  });
  switch (part) {
    case "kind":
      return at("kind");
    case "options":
      return typeof sub === "number"
        ? { ...at(`option-${sub}`), rank: at("options", 0).rank + sub * 0.1 }
        : at("options");
    case "rationales":
      return typeof sub === "number"
        ? { ...at(`rationale-${sub}`), rank: at("options", 0).rank + sub * 0.1 + 0.05 }
        : at("options");
    case "correct":
      return at("correct");
    case "timeLimitSec":
      return at("time");
    case "points":
      return at("points");
    case "explanation":
      return at("explanation");
    case "tags":
      return at("tags");
    case "imageUrl":
      return at("image");
    default:
      return at("text");
  }
}

function textOf(issue: z.core.$ZodIssue): ProblemText {
  const part = issue.path[2];
  const where = issue.path.length <= 1 ? issue.path[0] : part;
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") {
        if (where === "title") return { key: "titleEmpty" };
        if (where === "text") return { key: "textEmpty" };
        if (where === "options") return { key: "optionEmpty" };
        if (where === "tags") return { key: "tagEmpty" };
      }
      if (issue.origin === "array") {
        if (where === "options") return { key: "tooFewOptions", values: { min: Number(issue.minimum) } };
        if (where === "correct") return { key: "noCorrect" };
        if (where === "questions") return { key: "noQuestions" };
      }
      if (where === "timeLimitSec") return timeLimit();
      break;
    case "too_big":
      if (issue.origin === "string") return { key: "tooLong", values: { max: Number(issue.maximum) } };
      if (issue.origin === "array") {
        if (where === "options") return { key: "tooManyOptions", values: { max: Number(issue.maximum) } };
        if (where === "tags") return { key: "tooManyTags", values: { max: Number(issue.maximum) } };
        if (where === "questions") return { key: "tooManyQuestions", values: { max: Number(issue.maximum) } };
      }
      if (where === "timeLimitSec") return timeLimit();
      break;
    case "invalid_type":
      if (where === "timeLimitSec") return timeLimit();
      break;
    case "custom":
      if (where === "imageUrl") return { key: "imageUrl" };
      if (where === "correct") {
        return issue.message.includes("exactly one") ? { key: "oneCorrect" } : { key: "correctRange" };
      }
      if (where === "options") return { key: "tooFewOptions", values: { min: 2 } };
      if (where === "tags") return { key: "tagSeparator" };
      break;
  }
  return { raw: issue.message };
}

const timeLimit = (): ProblemText => ({
  key: "timeLimit",
  values: { min: DECK_LIMITS.minTimeLimitSec, max: DECK_LIMITS.maxTimeLimitSec },
});

/** Every problem of the draft, in form order, one per field (the first found). */
export function findProblems(draft: DraftDeck): Problem[] {
  const parsed = deckSchema.safeParse(toDeckInput(draft));
  if (parsed.success) return [];
  const keys = draft.questions.map((q) => q.key);
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const issue of parsed.error.issues) {
    const { field, key, rank } = fieldOf(issue.path, keys);
    if (seen.has(field)) continue;
    seen.add(field);
    problems.push({ field, questionKey: key, text: textOf(issue), order: rank });
  }
  return problems.sort((a, b) => a.order - b.order);
}

export interface ServerProblem {
  question: number | null;
  path: string;
  message: string;
}

/** A 400 INVALID_DECK's details, placed like the editor's own (the server's words kept). */
export function placeServerProblems(details: readonly ServerProblem[], draft: DraftDeck): Problem[] {
  const keys = draft.questions.map((q) => q.key);
  return details
    .map((detail) => {
      const path = detail.path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      const { field, key, rank } = fieldOf(path, keys);
      return { field, questionKey: key, text: { raw: detail.message }, order: rank };
    })
    .sort((a, b) => a.order - b.order);
}
