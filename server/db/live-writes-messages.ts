// The messages between the main thread and the SQLite live-write worker
// (server/db/sqlite-live-writes.ts ↔ server/db/sqlite-live-worker.ts). Rows arrive
// as their columns are stored: JSON already serialised, times as Prisma's SQLite
// adapter writes them (ISO 8601 with "+00:00"), so Prisma reads them back unchanged.

/** An Answer row's columns (prisma/sqlite/schema.prisma, model Answer). */
export interface AnswerRecord {
  id: string;
  gameId: string;
  playerId: string;
  questionIndex: number;
  /** JSON: string[] */
  optionIds: string;
  timeMs: number;
  createdAt: string;
}

/** A Player row's columns at join (model Player); `kicked` is false. */
export interface PlayerRecord {
  id: string;
  gameId: string;
  nickname: string;
  nicknameKey: string;
  tokenHash: string;
  reviewTokenHash: string;
  joinedAt: string;
}

/** A game's phase and clock (model Game); `started`/`ended` set those times if still unset. */
export interface PhaseRecord {
  gameId: string;
  phase: string;
  questionIndex: number;
  paused: boolean;
  locked: boolean;
  skipped: boolean;
  timeLeftMs: number | null;
  at: string;
  started: boolean;
  ended: boolean;
}

/** The standings after a closed question (model Leaderboard), replacing an earlier save of the same question. */
export interface StandingsRecord {
  id: string;
  gameId: string;
  questionIndex: number;
  skipped: boolean;
  /** JSON: StandingRow[] */
  entries: string;
  at: string;
}

/**
 * One caller's write: stored whole or not at all. Every write of a running game
 * goes here on SQLite, so the main thread never waits for SQLite's write lock (a
 * wait there sleeps the whole event loop).
 */
export type LiveWriteJob =
  | { kind: "answers"; rows: AnswerRecord[] }
  | { kind: "players"; rows: PlayerRecord[] }
  | { kind: "phase"; row: PhaseRecord }
  | { kind: "heartbeat"; row: { gameId: string; timeLeftMs: number; at: string } }
  | { kind: "standings"; row: StandingsRecord }
  | { kind: "kick"; row: { playerId: string } };

/** Main → worker: jobs written in one transaction (one fsync), each in its own savepoint. */
export interface LiveWriteBatch {
  type: "batch";
  id: number;
  jobs: LiveWriteJob[];
}

/** Main → worker: close the database and exit once the batches before it are done. */
export interface LiveWriteClose {
  type: "close";
}

/** Worker → main: per job, null when stored, else the database's error message. */
export interface LiveWriteOutcome {
  id: number;
  errors: (string | null)[];
}

/** What the worker is started with (workerData). */
export interface LiveWorkerOptions {
  file: string;
  busyTimeoutMs: number;
}

/** A Date as Prisma's SQLite adapter stores it (timestampFormat "iso8601"). */
export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
