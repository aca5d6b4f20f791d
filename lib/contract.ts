// The public contract (docs/protocol.md) as types and zod schemas, shared by the
// server, the browser pages and the test bots. One event map per namespace.
import { z } from "zod";

export const ERROR_CODES = [
  "INVALID_PAYLOAD",
  "NOT_FOUND",
  "FORBIDDEN",
  "WRONG_PHASE",
  "LOCKED",
  "NICKNAME_TAKEN",
  "NICKNAME_INVALID",
  "LATE",
  "ALREADY_ANSWERED",
  "RATE_LIMITED",
  "GAME_FULL",
  "PAUSED",
  "KICKED",
  "UNAVAILABLE",
  "GAME_ENDED",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorBody };
export type AckFn<T extends object = object> = (response: Ack<T>) => void;

export const PHASES = ["lobby", "question", "reveal", "leaderboard", "ended"] as const;
export type Phase = (typeof PHASES)[number];
export const QUESTION_KINDS = ["single", "multiple", "truefalse"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const POINTS_KINDS = ["standard", "double", "none"] as const;
export type PointsKind = (typeof POINTS_KINDS)[number];
export const LOCALES = ["ko", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const MAX_NICKNAME_LENGTH = 20;
/** Socket.IO's frame cap: a bigger frame closes that one connection, nothing else. */
export const MAX_FRAME_BYTES = 4096;

/** Option ids are letters by position: they say where an option is, never whether it is right. */
export const OPTION_IDS = ["a", "b", "c", "d", "e", "f"] as const;

// --- payloads (client → server) ---
export const PIN_LENGTH = 6;
/** A game PIN: the one definition used by the server, the PIN form and the join link. */
export const pinSchema = z.string().regex(new RegExp(`^\\d{${PIN_LENGTH}}$`), `a PIN is ${PIN_LENGTH} digits`);
export const isPin = (value: unknown): value is string => pinSchema.safeParse(value).success;
const pin = pinSchema;
const id = z.string().min(1).max(64);
export const joinPayload = z.strictObject({ pin, nickname: z.string().max(200) });
/** A PIN checked before the nickname step (a QR link's, or one typed). */
export const checkPayload = z.strictObject({ pin });
export const rejoinPayload = z.strictObject({ token: z.string().min(16).max(128) });
export const answerPayload = z.strictObject({
  questionIndex: z.number().int().min(0).max(10_000),
  optionIds: z
    .array(z.enum(OPTION_IDS))
    .min(1)
    .max(OPTION_IDS.length)
    .refine((ids) => new Set(ids).size === ids.length, "option ids must be distinct"),
});
/** A deck holds at most this many questions (docs/protocol.md "Deck JSON"). */
export const MAX_DECK_QUESTIONS = 500;
/** A question's time limit, in seconds. */
export const TIME_LIMIT_SEC = { min: 5, max: 240 } as const;

// --- Hosting options (the `/host` `create` payload, docs/protocol.md) ---
export const hostingOptionsSchema = z.strictObject({
  /** 0-based indexes into the deck's questions, in deck order; absent: all. */
  questionIndexes: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(MAX_DECK_QUESTIONS - 1),
    )
    .min(1)
    .max(MAX_DECK_QUESTIONS)
    .refine((ids) => new Set(ids).size === ids.length, "question indexes must be distinct")
    .optional(),
  shuffleQuestions: z.boolean().optional(),
  /** One shuffled order per question, the same on every phone and the projector. */
  shuffleOptions: z.boolean().optional(),
  /** Every question's time limit, overriding the deck's. */
  timeLimitSec: z.number().int().min(TIME_LIMIT_SEC.min).max(TIME_LIMIT_SEC.max).optional(),
});
export type HostingOptions = z.infer<typeof hostingOptionsSchema>;

export const createPayload = hostingOptionsSchema.extend({ deckId: id });
/**
 * The state a host command was sent from (the projector's last HostView). A command
 * whose `expect` no longer matches the game answers WRONG_PHASE and changes nothing,
 * so two `next` sent from one screen advance once. Optional: older clients omit it.
 * `questionIndex` is -1 in the lobby (HostView.questionIndex).
 */
export const commandExpectSchema = z.strictObject({
  phase: z.enum(PHASES),
  questionIndex: z.number().int().min(-1).max(MAX_DECK_QUESTIONS),
});
export type CommandExpect = z.infer<typeof commandExpectSchema>;
const expect = commandExpectSchema.optional();
export const gamePayload = z.strictObject({ gameId: id, expect });
export const lockPayload = z.strictObject({ gameId: id, locked: z.boolean(), expect });
export const kickPayload = z.strictObject({ gameId: id, playerId: id, expect });
/**
 * The room panel's search over every player (HostView.players holds only the latest
 * HOST_PLAYER_LIST_MAX): `query` is matched inside nicknames, ignoring case, width
 * and invisible characters; "" lists from the first joiner.
 */
export const playersPayload = z.strictObject({ gameId: id, query: z.string().max(4 * MAX_NICKNAME_LENGTH) });
export type PlayersPayload = z.infer<typeof playersPayload>;

export type JoinPayload = z.infer<typeof joinPayload>;
export type RejoinPayload = z.infer<typeof rejoinPayload>;
export type CheckPayload = z.infer<typeof checkPayload>;
/** What a client sends; the server narrows optionIds to known letters when it validates. */
export interface AnswerPayload {
  questionIndex: number;
  optionIds: string[];
}
export type CreatePayload = z.infer<typeof createPayload>;
export type GamePayload = z.infer<typeof gamePayload>;
export type LockPayload = z.infer<typeof lockPayload>;
export type KickPayload = z.infer<typeof kickPayload>;

// --- views (server → client) ---
export interface PublicOption {
  id: string;
  text: string;
}
/** A question as every screen may see it while it is open: nothing tells the answer. */
export interface PublicQuestion {
  index: number;
  count: number;
  kind: QuestionKind;
  text: string;
  options: PublicOption[];
  points: PointsKind;
  timeLimitMs: number;
  timeLeftMs: number;
  imageUrl: string | null;
}

interface PlayerViewBase {
  nickname: string;
  score: number;
  rank: number | null;
  paused: boolean;
  playerCount: number;
  questionCount: number;
}
export interface PlayerLobbyView extends PlayerViewBase {
  phase: "lobby";
}
export interface PlayerQuestionView extends PlayerViewBase {
  phase: "question";
  question: PublicQuestion;
  /** The options this player already had accepted, or null. */
  answeredOptionIds: string[] | null;
}
export interface PlayerRevealView extends PlayerViewBase {
  phase: "reveal";
  question: PublicQuestion;
  answeredOptionIds: string[] | null;
  correct: boolean;
  points: number;
  /** The streak bonus added on top of points. */
  bonus: number;
  streak: number;
  skipped: boolean;
  correctOptionIds: string[];
  explanation: string;
  /**
   * When this player's answer was wrong: why each option it chose is wrong (the
   * deck's rationales, those written), in option order; empty otherwise.
   */
  rationales: PublicOption[];
}
export interface PlayerLeaderboardView extends PlayerViewBase {
  phase: "leaderboard";
  questionIndex: number;
}
export interface PlayerEndedView extends PlayerViewBase {
  phase: "ended";
  /** Questions played (opened) that this player answered right, skipped ones included: as the report counts. */
  correctCount: number;
  /** Questions opened before the end: a game ended at question 5 of 24 played 5. */
  questionsPlayed: number;
  /** The student's own review page (an unguessable link bound to this player); null when there is none. */
  reviewUrl: string | null;
}
export type PlayerView =
  PlayerLobbyView | PlayerQuestionView | PlayerRevealView | PlayerLeaderboardView | PlayerEndedView;

export interface HostPlayer {
  id: string;
  nickname: string;
  score: number;
  connected: boolean;
}
/**
 * HostView.players holds the latest this many joiners (what the lobby's chips show),
 * sent up to four times a second: a 10,000-player hall does not resend every name.
 * `playerCount` is whole; the `players` event searches everyone.
 */
export const HOST_PLAYER_LIST_MAX = 120;
/** The answer to a `players` search: the first HOST_PLAYER_LIST_MAX matches in join order, and how many matched. */
export interface PlayerSearchResult {
  players: HostPlayer[];
  total: number;
}
/** A player named in one of the host's short lists (who has not answered, who is away). */
export interface HostPlayerRef {
  id: string;
  nickname: string;
  connected: boolean;
}
/**
 * The host's name lists stop at this many names (the counts beside them are whole):
 * a class-sized room is listed in full, a 2,000-player hall does not resend 2,000
 * names four times a second.
 */
export const HOST_NAME_LIST_MAX = 100;
export interface LeaderboardEntry {
  playerId: string;
  nickname: string;
  score: number;
  rank: number;
  /** Rank after the previous scored question, for movement arrows; null when new. */
  previousRank: number | null;
  streak: number;
}
export interface HostView {
  gameId: string;
  phase: Phase;
  paused: boolean;
  locked: boolean;
  pin: string;
  joinUrl: string;
  deckTitle: string;
  language: Locale;
  questionCount: number;
  /** The latest HOST_PLAYER_LIST_MAX players to join (kicked ones left out), in join order. */
  players: HostPlayer[];
  question: PublicQuestion | null;
  answeredCount: number;
  /** Players with a live connection: who the open question is still waiting for. */
  connectedCount: number;
  // The fields below are always sent by this server; they are optional in the type
  // only so that views built elsewhere (the deck editor's preview) stay valid.
  /** The current (or last) question's index, -1 in the lobby: what a command's `expect` names. */
  questionIndex?: number;
  /** Players in the game (kicked ones left out), counted without the list. */
  playerCount?: number;
  /** The most players this game takes: it is full when playerCount reaches it (GAME_FULL). */
  maxPlayers?: number;
  /** Players without a live connection (playerCount − connectedCount). */
  awayCount?: number;
  /** In an open question: players without an accepted answer, connected or away; 0 otherwise. */
  unansweredCount?: number;
  /**
   * In an open question, those players by name, in join order, at most HOST_NAME_LIST_MAX
   * (unansweredCount says how many in all); [] otherwise.
   */
  unanswered?: HostPlayerRef[];
  /** Players without a live connection, in join order, at most HOST_NAME_LIST_MAX; every phase. */
  away?: HostPlayerRef[];
  correctOptionIds: string[] | null;
  optionCounts: Record<string, number> | null;
  explanation: string | null;
  skipped: boolean;
  leaderboard: LeaderboardEntry[];
}

// --- event maps ---
export interface PlayClientToServer {
  /** Whether this PIN opens a game a new player may join now; no player is made. */
  check: (payload: CheckPayload, ack: AckFn) => void;
  join: (payload: JoinPayload, ack: AckFn<{ playerId: string; token: string; state: PlayerView }>) => void;
  rejoin: (payload: RejoinPayload, ack: AckFn<{ playerId: string; state: PlayerView }>) => void;
  answer: (payload: AnswerPayload, ack: AckFn) => void;
}
export interface PlayServerToClient {
  state: (view: PlayerView) => void;
  kicked: (body: { reason: string }) => void;
}
export interface HostClientToServer {
  create: (payload: CreatePayload, ack: AckFn<{ gameId: string; pin: string; joinUrl: string }>) => void;
  attach: (payload: GamePayload, ack: AckFn<{ state: HostView }>) => void;
  start: (payload: GamePayload, ack: AckFn) => void;
  next: (payload: GamePayload, ack: AckFn) => void;
  skip: (payload: GamePayload, ack: AckFn) => void;
  pause: (payload: GamePayload, ack: AckFn) => void;
  resume: (payload: GamePayload, ack: AckFn) => void;
  end: (payload: GamePayload, ack: AckFn) => void;
  lock: (payload: LockPayload, ack: AckFn) => void;
  kick: (payload: KickPayload, ack: AckFn) => void;
  players: (payload: PlayersPayload, ack: AckFn<PlayerSearchResult>) => void;
}
export interface HostServerToClient {
  state: (view: HostView) => void;
}
