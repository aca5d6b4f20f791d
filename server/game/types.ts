// The engine's state: plain data, no I/O. Time is always passed in (`now`, ms).
import type { ErrorCode, Locale, Phase, PointsKind, QuestionKind } from "../../lib/contract";

export interface QuestionDef {
  kind: QuestionKind;
  text: string;
  options: string[];
  /** Indexes into options. Never leaves the server before the reveal. */
  correct: number[];
  timeLimitSec: number;
  points: PointsKind;
  explanation: string;
  /**
   * Why each option is right or wrong, parallel to options ("" for none). Like
   * correct, it tells the answer: never on any screen before the reveal.
   */
  rationales: string[];
  tags: string[];
  imageUrl: string | null;
}

export interface PlayerState {
  id: string;
  nickname: string;
  nicknameKey: string;
  /** Order of joining: the last tie-breaker, so ranks are a permutation. */
  seq: number;
  connected: boolean;
  /** When the player's last socket went away; null while connected (or never seen since a restart). */
  disconnectedAt: number | null;
  kicked: boolean;
  score: number;
  streak: number;
  /** Sum of the accepted answers' times: the first tie-breaker. */
  totalTimeMs: number;
  correctCount: number;
  rank: number | null;
  previousRank: number | null;
}

export interface AnswerRecord {
  optionIds: string[];
  timeMs: number;
}

export interface QuestionResult {
  correct: boolean;
  points: number;
  bonus: number;
  streak: number;
}

export interface GameState {
  id: string;
  pin: string;
  ownerId: string;
  deckTitle: string;
  language: Locale;
  questions: QuestionDef[];
  maxPlayers: number;
  phase: Phase;
  /** -1 in the lobby; the current (or last) question otherwise. */
  questionIndex: number;
  locked: boolean;
  paused: boolean;
  skipped: boolean;
  /** Time already spent in the open question, paused time excluded, up to `runningSince`. */
  elapsedMs: number;
  /** When the clock last started running; null while paused or closed. */
  runningSince: number | null;
  players: Record<string, PlayerState>;
  nextSeq: number;
  /** Accepted answers per question index, then per player id. */
  answers: Record<number, Record<string, AnswerRecord>>;
  /** Per-player outcome of the last closed question. */
  results: Record<string, QuestionResult>;
}

export type Command =
  | { type: "join"; playerId: string; nickname: string; nicknameKey: string }
  | { type: "connect"; playerId: string }
  | { type: "disconnect"; playerId: string }
  | {
      type: "answer";
      playerId: string;
      questionIndex: number;
      optionIds: string[];
      /** The sender is over its answer rate limit: refused, but only after INVALID_PAYLOAD (R-ANSWER-ORDER). */
      rateLimited?: boolean;
    }
  | { type: "revokeAnswer"; playerId: string; questionIndex: number }
  | { type: "tick" }
  | { type: "start" }
  | { type: "next" }
  | { type: "skip" }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "end" }
  | { type: "lock"; locked: boolean }
  | { type: "kick"; playerId: string };

export type Effect =
  | { type: "playerJoined"; playerId: string }
  | { type: "answerAccepted"; playerId: string; questionIndex: number; answer: AnswerRecord }
  | { type: "phaseChanged" }
  | { type: "questionClosed"; questionIndex: number }
  | { type: "playerKicked"; playerId: string }
  | { type: "hostChanged" }
  /** The lobby was locked or unlocked: written at once, so a restart keeps it (R-LOCK, R-RESTART). */
  | { type: "lockChanged" };

export type Outcome =
  { ok: true; state: GameState; effects: Effect[] } | { ok: false; state: GameState; code: ErrorCode };
