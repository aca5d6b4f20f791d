// Sessions (every game, running or past), the instructor's report on one and a
// student's own review: the shapes the JSON API sends (docs/protocol.md, "HTTP"),
// as zod schemas and their types, shared by the server, the pages and the tests.
//
// Conventions: times are ISO 8601 strings (UTC); durations and answer times are
// milliseconds; rates are fractions 0–1 (null when nobody could have answered:
// no players, or no question played); question indexes are 0-based.
import { z } from "zod";
import { LOCALES, OPTION_IDS, PHASES, POINTS_KINDS, QUESTION_KINDS } from "./contract";

/**
 * What became of a game:
 * - `running`: not ended, and something happened (a join, an answer, a closed
 *   question) within the last 3 hours;
 * - `interrupted`: not ended, and nothing happened for 3 hours (left in a tab, or
 *   brought back by a restart and never resumed); the host can still resume it;
 * - `completed`: ended after every question of the deck was played and revealed;
 * - `ended-early`: ended before that (the report covers the questions played).
 */
export const SESSION_STATUSES = ["running", "interrupted", "completed", "ended-early"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

const isoDate = z.iso.datetime();
const count = z.number().int().min(0);
/** A fraction of answers that were right, 0–1; null when nobody could have answered. */
const rate = z.number().min(0).max(1).nullable();

// --- GET /api/sessions ---

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** The list's query string: `q` searches deck titles (case-insensitive), pages count from 1. */
export const sessionListQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((q) => q || undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});
export type SessionListQuery = z.infer<typeof sessionListQuery>;

/** Response headers of `GET /api/sessions` (the body stays the contract's array). */
export const TOTAL_COUNT_HEADER = "x-total-count";
export const PAGE_HEADER = "x-page";
export const PAGE_SIZE_HEADER = "x-page-size";

/** One session in the history: the contract's `{ id, deckTitle, startedAt, endedAt, playerCount }` and more. */
export const sessionSummarySchema = z.object({
  id: z.string(),
  deckTitle: z.string(),
  /** When the first question opened; null for a game that never started. */
  startedAt: isoDate.nullable(),
  endedAt: isoDate.nullable(),
  /** Players who joined and were not kicked. */
  playerCount: count,
  language: z.enum(LOCALES),
  /** When the host opened the game (its lobby). */
  createdAt: isoDate,
  /** The last join, answer or closed question (or the start or end): what `interrupted` is judged by. */
  lastActivityAt: isoDate,
  /** From the start to the end (or to the last activity while not ended); null before the start. */
  durationMs: count.nullable(),
  /** Questions that were opened: a game ended at question 5 of 24 played 5. */
  questionsPlayed: count,
  /** The questions the game was to ask: the deck's when it was created, or the host's chosen subset. */
  questionCount: count,
  /** Right answers / (players × questions played); a question not answered counts as wrong. */
  accuracy: rate,
  status: z.enum(SESSION_STATUSES),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
export const sessionListSchema = z.array(sessionSummarySchema);

// --- GET /api/running-games ---

/** A game of the instructor's that has not ended: what the dashboard offers to resume. */
export const runningGameSchema = z.object({
  id: z.string(),
  deckTitle: z.string(),
  pin: z.string(),
  phase: z.enum(PHASES).exclude(["ended"]),
  paused: z.boolean(),
  /** The open (or last) question, 0-based; -1 in the lobby. */
  questionIndex: z.number().int().min(-1),
  questionCount: count,
  playerCount: count,
  language: z.enum(LOCALES),
  createdAt: isoDate,
  startedAt: isoDate.nullable(),
  lastActivityAt: isoDate,
  status: z.enum(["running", "interrupted"]),
});
export type RunningGame = z.infer<typeof runningGameSchema>;
export const runningGameListSchema = z.array(runningGameSchema);

// --- GET /api/sessions/:id ---

export const reportOptionSchema = z.object({ id: z.enum(OPTION_IDS), text: z.string() });

/** Correct rate per topic tag, over the questions played that carry it. */
export const topicSchema = z.object({
  tag: z.string(),
  /** Right answers / (players × questions with the tag); for a student, over their own answers. */
  correctRate: rate,
  /** Questions played that carry the tag. */
  questionCount: count,
  /** Right answers to them (the class's, or the student's). */
  correctCount: count,
});
export type Topic = z.infer<typeof topicSchema>;

export const reportPlayerSchema = z.object({
  id: z.string(),
  nickname: z.string(),
  score: count,
  /** The final rank, 1..n over the players (ties broken as in the game). */
  rank: z.number().int().min(1),
  /** Questions played answered right (skipped ones too: the answer was right, it just scored nothing). */
  correctCount: count,
  /** Questions played that this player answered. */
  answeredCount: count,
  /** Joined but answered nothing: every question counts as wrong, 0 points. */
  neverAnswered: z.boolean(),
  /** correctCount / questions played. */
  accuracy: rate,
  /** Sum of the answer times over the scored questions: the first tie-breaker. */
  totalTimeMs: count,
  /** This player's weakest topics: correct rate per tag, lowest first. */
  topics: z.array(topicSchema),
});
export type ReportPlayer = z.infer<typeof reportPlayerSchema>;

export const reportQuestionSchema = z.object({
  index: count,
  text: z.string(),
  /** Right answers / players; a player who did not answer counts as wrong. */
  correctRate: rate,
  /** Mean time of the answers given; null when nobody answered. */
  avgTimeMs: count.nullable(),
  /** How many players chose each option (every option id present; a multiple answer counts in each). */
  optionCounts: z.record(z.string(), count),
  kind: z.enum(QUESTION_KINDS),
  options: z.array(reportOptionSchema),
  correctOptionIds: z.array(z.enum(OPTION_IDS)),
  explanation: z.string(),
  /** Why each option is right or wrong, parallel to options ("" where none was written). */
  rationales: z.array(z.string()),
  tags: z.array(z.string()),
  /** The question's scoring: standard, double or none (practice). */
  points: z.enum(POINTS_KINDS),
  timeLimitMs: count,
  imageUrl: z.string().nullable(),
  /** Closed by the host's skip: shown, not scored. */
  skipped: z.boolean(),
  /** false when the game was ended while this question was open: its answers stand, nobody scored. */
  revealed: z.boolean(),
  answeredCount: count,
  correctCount: count,
});
export type ReportQuestion = z.infer<typeof reportQuestionSchema>;

/** One accepted answer. Players who did not answer a question have no entry here. */
export const reportAnswerSchema = z.object({
  playerId: z.string(),
  questionIndex: count,
  optionIds: z.array(z.enum(OPTION_IDS)),
  correct: z.boolean(),
  /** Points for the answer (0 when wrong, skipped, practice or never revealed). */
  points: count,
  /** The streak bonus added on top of points. */
  bonus: count,
  timeMs: count,
});
export type ReportAnswer = z.infer<typeof reportAnswerSchema>;

/** The contract's report, extended: players by rank, questions played in order, answers by question then player. */
export const sessionReportSchema = sessionSummarySchema.extend({
  players: z.array(reportPlayerSchema),
  questions: z.array(reportQuestionSchema),
  answers: z.array(reportAnswerSchema),
  /** The class's weakest topics: correct rate per tag, lowest first. */
  topics: z.array(topicSchema),
});
export type SessionReport = z.infer<typeof sessionReportSchema>;

// --- GET /api/review/:token (public: a student's own review) ---

export const reviewQuestionSchema = reportQuestionSchema.pick({
  index: true,
  text: true,
  kind: true,
  options: true,
  correctOptionIds: true,
  explanation: true,
  rationales: true,
  tags: true,
  points: true,
  imageUrl: true,
  skipped: true,
  revealed: true,
});

/** Nothing in it is about another player but the number of players. */
export const reviewSchema = z.object({
  deckTitle: z.string(),
  language: z.enum(LOCALES),
  startedAt: isoDate.nullable(),
  endedAt: isoDate,
  /** After this the link answers 404. */
  expiresAt: isoDate,
  status: z.enum(["completed", "ended-early"]),
  questionsPlayed: count,
  questionCount: count,
  nickname: z.string(),
  score: count,
  rank: z.number().int().min(1),
  playerCount: count,
  correctCount: count,
  answeredCount: count,
  questions: z.array(
    reviewQuestionSchema.extend({
      /** This player's answer; null when they did not answer (wrong, 0 points). */
      answer: reportAnswerSchema.omit({ playerId: true, questionIndex: true }).nullable(),
    }),
  ),
  /** The player's own weakest topics, lowest first. */
  topics: z.array(topicSchema),
});
export type Review = z.infer<typeof reviewSchema>;
export type ReviewQuestion = Review["questions"][number];
