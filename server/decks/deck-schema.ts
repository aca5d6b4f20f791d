// The deck format of docs/protocol.md ("Deck JSON"), strict: unknown fields are
// refused with their location, nothing is stored when any problem is found.
import { z } from "zod";
import { LOCALES, OPTION_IDS, POINTS_KINDS, QUESTION_KINDS } from "../../lib/contract";

const questionSchema = z
  .strictObject({
    kind: z.enum(QUESTION_KINDS),
    text: z.string().trim().min(1).max(2000),
    options: z.array(z.string().trim().min(1).max(300)).min(2).max(OPTION_IDS.length),
    correct: z.array(z.number().int().min(0)).min(1),
    timeLimitSec: z.number().int().min(5).max(240).default(20),
    points: z.enum(POINTS_KINDS).default("standard"),
    explanation: z.string().max(3000).default(""),
    tags: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
    imageUrl: z
      .url({ protocol: /^https?$/ })
      .max(1000)
      .nullable()
      .default(null),
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
  });

export const deckSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  language: z.enum(LOCALES),
  description: z.string().trim().max(1000).default(""),
  questions: z.array(questionSchema).min(1).max(200),
});

export type DeckInput = z.input<typeof deckSchema>;
export type Deck = z.output<typeof deckSchema>;

export interface DeckProblem {
  /** 1-based question number, when the problem is inside a question. */
  question: number | null;
  path: string;
  message: string;
}

export type DeckParse = { ok: true; deck: Deck } | { ok: false; problems: DeckProblem[] };

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
