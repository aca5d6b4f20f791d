// The deck format of docs/protocol.md ("Deck JSON"), strict: unknown fields are
// refused with their location, nothing is stored when any problem is found.
// Shared by the server (import, save, seeding) and the editor, which validates
// each field with the same rules as the instructor types.
import { z } from "zod";
import {
  LOCALES,
  MAX_DECK_QUESTIONS,
  OPTION_IDS,
  POINTS_KINDS,
  QUESTION_KINDS,
  TIME_LIMIT_SEC,
  type Locale,
} from "./contract";

/** Limits (docs/protocol.md "Deck JSON"); the editor shows the same numbers. */
export const DECK_LIMITS = {
  title: 200,
  description: 1000,
  questions: MAX_DECK_QUESTIONS,
  text: 2000,
  option: 300,
  rationale: 500,
  explanation: 3000,
  tags: 10,
  tag: 40,
  minTimeLimitSec: TIME_LIMIT_SEC.min,
  maxTimeLimitSec: TIME_LIMIT_SEC.max,
  defaultTimeLimitSec: 20,
  imageUrl: 1000,
} as const;

/** Where a stored image is served (server/images); ids are unguessable capabilities. */
export const IMAGE_PATH_PREFIX = "/api/images/";
export const IMAGE_ID_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
/** An image stored by this server: `/api/images/<id>`. */
export const isStoredImagePath = (url: string): boolean =>
  url.startsWith(IMAGE_PATH_PREFIX) && IMAGE_ID_PATTERN.test(url.slice(IMAGE_PATH_PREFIX.length));

/**
 * A question's image: a stored image (`/api/images/<id>`), or an https URL (the
 * pages' CSP allows `img-src https:`; plain http would be blocked as mixed
 * content, so it is refused here with that reason rather than shown broken).
 * `data:` URLs are accepted by import only, which stores them and rewrites the URL.
 */
const imageUrl = z
  .string()
  .max(DECK_LIMITS.imageUrl)
  .refine(
    (url) => isStoredImagePath(url) || /^https:\/\/[^\s/]+/i.test(url),
    "an image is an uploaded image (/api/images/…) or an https:// URL; an http:// image would be blocked by the pages' security policy",
  );

const rationale = z.string().trim().max(DECK_LIMITS.rationale);

/** CSV files list a question's tags (and correct options) in one column, separated by "|" (docs/protocol.md). */
export const CSV_LIST_SEPARATOR = "|";
const tag = z
  .string()
  .trim()
  .min(1)
  .max(DECK_LIMITS.tag)
  .refine(
    (text) => !text.includes(CSV_LIST_SEPARATOR),
    `a tag cannot contain "${CSV_LIST_SEPARATOR}": CSV files use it to separate tags`,
  );

export const questionSchema = z
  .strictObject({
    kind: z.enum(QUESTION_KINDS),
    text: z.string().trim().min(1, "the scenario text is empty").max(DECK_LIMITS.text),
    options: z
      .array(z.string().trim().min(1, "an option is empty").max(DECK_LIMITS.option))
      .min(2)
      .max(OPTION_IDS.length),
    correct: z.array(z.number().int().min(0)).min(1, "no correct option is marked"),
    timeLimitSec: z
      .number()
      .int()
      .min(DECK_LIMITS.minTimeLimitSec)
      .max(DECK_LIMITS.maxTimeLimitSec)
      .default(DECK_LIMITS.defaultTimeLimitSec),
    points: z.enum(POINTS_KINDS).default("standard"),
    explanation: z.string().trim().max(DECK_LIMITS.explanation).default(""),
    /** Why each option is right or wrong, parallel to options; "" for none. */
    rationales: z.array(rationale).max(OPTION_IDS.length).default([]),
    tags: z.array(tag).max(DECK_LIMITS.tags).default([]),
    imageUrl: imageUrl.nullable().default(null),
  })
  .superRefine((q, ctx) => {
    if (q.correct.some((i) => i >= q.options.length)) {
      ctx.addIssue({ code: "custom", path: ["correct"], message: "an index points past the last option" });
    }
    if (new Set(q.correct).size !== q.correct.length) {
      ctx.addIssue({ code: "custom", path: ["correct"], message: "an index is listed twice" });
    }
    if (q.kind !== "multiple" && q.correct.length !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["correct"],
        message: `a ${q.kind} question has exactly one correct option`,
      });
    }
    if (q.kind === "truefalse" && q.options.length !== 2) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "a true/false question has exactly two options" });
    }
    if (q.rationales.length > q.options.length) {
      ctx.addIssue({
        code: "custom",
        path: ["rationales"],
        message: `${q.rationales.length} rationales for ${q.options.length} options: one per option at most`,
      });
    }
  })
  // Stored and played parallel to the options, "" where none was written.
  .transform((q) => ({ ...q, rationales: q.options.map((_, i) => q.rationales[i] ?? "") }));

export const deckSchema = z.strictObject({
  title: z.string().trim().min(1, "the title is empty").max(DECK_LIMITS.title),
  language: z.enum(LOCALES),
  description: z.string().trim().max(DECK_LIMITS.description).default(""),
  questions: z.array(questionSchema).min(1, "a deck has at least one question").max(DECK_LIMITS.questions),
});

export type DeckInput = z.input<typeof deckSchema>;
export type Deck = z.output<typeof deckSchema>;
export type DeckQuestion = Deck["questions"][number];

export interface DeckProblem {
  /** 1-based question number, when the problem is inside a question. */
  question: number | null;
  /** 1-based line of the file (CSV import: the row's first line); null otherwise. */
  line?: number | null;
  path: string;
  message: string;
}

export type DeckParse = { ok: true; deck: Deck } | { ok: false; problems: DeckProblem[] };

/** Validates a deck (JSON-shaped input); every problem, located by question number and path. */
export function parseDeck(input: unknown): DeckParse {
  const parsed = deckSchema.safeParse(input);
  if (parsed.success) return { ok: true, deck: parsed.data };
  const problems = parsed.error.issues.map((issue): DeckProblem => {
    const path = issue.path.map(String);
    const inQuestion = path[0] === "questions" && path[1] !== undefined;
    const unknownKeys = issue.code === "unrecognized_keys" ? `: ${issue.keys.join(", ")}` : "";
    return {
      question: inQuestion ? Number(path[1]) + 1 : null,
      path: path.join("."),
      message: `${issue.message}${unknownKeys}`,
    };
  });
  return { ok: false, problems };
}

// --- HTTP shapes of the deck routes (docs/protocol.md "Decks") ---

/** `GET /api/decks` rows. Times are ISO 8601 (UTC). */
export interface DeckSummary {
  id: string;
  title: string;
  language: Locale;
  description: string;
  questionCount: number;
  /** A built-in course deck: read-only, duplicated to edit. */
  builtin: boolean;
  createdAt: string;
  updatedAt: string;
  /** Games created from this deck (ended or not). */
  timesPlayed: number;
}

/** `GET /api/decks/:id`: the deck as saved, valid input for `PUT /api/decks/:id`'s body once `id`, `builtin` and `updatedAt` are dropped. */
export interface StoredDeck extends Deck {
  id: string;
  builtin: boolean;
  updatedAt: string;
}
