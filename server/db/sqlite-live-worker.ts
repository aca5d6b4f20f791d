// The worker thread that writes running games to SQLite (players, answers, phase,
// clock, standings, kicks). With synchronous=FULL every commit waits for the disk
// (about 1 ms here, more on a busy machine), and a write that finds the database
// locked sleeps in SQLite's busy handler; better-sqlite3 does both synchronously, so
// on the main thread they stalled every socket of every game. Here only this thread
// waits.
//
// Each batch is one transaction (one fsync for every job in it); each job runs in its
// own savepoint, so one caller's failing rows (a constraint) do not undo another's.
import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";
import type {
  LiveWorkerOptions,
  LiveWriteBatch,
  LiveWriteClose,
  LiveWriteJob,
  LiveWriteOutcome,
} from "./live-writes-messages";

const port = parentPort;
if (!port) throw new Error("sqlite-live-worker runs as a worker thread");
const options = workerData as LiveWorkerOptions;

const db = new Database(options.file, { timeout: options.busyTimeoutMs });
// The same settings as the main connection (server/db/client.ts); foreign keys as
// Prisma enforces them, so an answer for an unknown player fails here too.
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("foreign_keys = ON");

const statements = {
  answer: db.prepare(
    `INSERT INTO "Answer" ("id", "gameId", "playerId", "questionIndex", "optionIds", "timeMs", "createdAt")
     VALUES (@id, @gameId, @playerId, @questionIndex, @optionIds, @timeMs, @createdAt)`,
  ),
  player: db.prepare(
    `INSERT INTO "Player" ("id", "gameId", "nickname", "nicknameKey", "tokenHash", "reviewTokenHash", "kicked", "joinedAt")
     VALUES (@id, @gameId, @nickname, @nicknameKey, @tokenHash, @reviewTokenHash, 0, @joinedAt)`,
  ),
  phase: db.prepare(
    `UPDATE "Game" SET "phase" = @phase, "questionIndex" = @questionIndex, "paused" = @paused, "locked" = @locked,
       "skipped" = @skipped, "timeLeftMs" = @timeLeftMs, "heartbeatAt" = @at
     WHERE "id" = @gameId`,
  ),
  // The first save of the start and of the end sets their times; later saves of the
  // same phase (a pause, a restore, a shutdown) must not move them.
  started: db.prepare(`UPDATE "Game" SET "startedAt" = @at WHERE "id" = @gameId AND "startedAt" IS NULL`),
  ended: db.prepare(`UPDATE "Game" SET "endedAt" = @at WHERE "id" = @gameId AND "endedAt" IS NULL`),
  heartbeat: db.prepare(`UPDATE "Game" SET "timeLeftMs" = @timeLeftMs, "heartbeatAt" = @at WHERE "id" = @gameId`),
  standings: db.prepare(
    `INSERT INTO "Leaderboard" ("id", "gameId", "questionIndex", "entries", "skipped", "createdAt")
     VALUES (@id, @gameId, @questionIndex, @entries, @skipped, @at)
     ON CONFLICT ("gameId", "questionIndex") DO UPDATE SET "entries" = excluded."entries", "skipped" = excluded."skipped"`,
  ),
  kick: db.prepare(`UPDATE "Player" SET "kicked" = 1 WHERE "id" = @playerId`),
};

/** As Prisma's `update`, a row that is not there is an error, not a silent no-op. */
function updateOne(statement: Database.Statement, params: object, what: string): void {
  if (statement.run(params).changes === 0) throw new Error(`${what} not found`);
}

/** SQLite has no booleans; Prisma stores them as 0 and 1. */
const bit = (value: boolean) => (value ? 1 : 0);

function writeJob(job: LiveWriteJob): void {
  switch (job.kind) {
    case "answers":
      for (const row of job.rows) statements.answer.run(row);
      return;
    case "players":
      for (const row of job.rows) statements.player.run(row);
      return;
    case "phase": {
      const { started, ended, ...row } = job.row;
      const params = { ...row, paused: bit(row.paused), locked: bit(row.locked), skipped: bit(row.skipped) };
      updateOne(statements.phase, params, `game ${row.gameId}`);
      if (started) statements.started.run({ gameId: row.gameId, at: row.at });
      if (ended) statements.ended.run({ gameId: row.gameId, at: row.at });
      return;
    }
    case "heartbeat":
      return updateOne(statements.heartbeat, job.row, `game ${job.row.gameId}`);
    case "standings":
      statements.standings.run({ ...job.row, skipped: bit(job.row.skipped) });
      return;
    case "kick":
      return updateOne(statements.kick, job.row, `player ${job.row.playerId}`);
  }
}

function writeBatch(batch: LiveWriteBatch): LiveWriteOutcome {
  const errors: (string | null)[] = [];
  try {
    db.exec("BEGIN IMMEDIATE");
  } catch (error) {
    // Locked past the busy timeout: nothing was written.
    const message = error instanceof Error ? error.message : String(error);
    return { id: batch.id, errors: batch.jobs.map(() => message) };
  }
  for (const job of batch.jobs) {
    db.exec("SAVEPOINT job");
    try {
      writeJob(job);
      db.exec("RELEASE job");
      errors.push(null);
    } catch (error) {
      db.exec("ROLLBACK TO job");
      db.exec("RELEASE job");
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  try {
    db.exec("COMMIT");
  } catch (error) {
    // The commit itself failed (disk full, I/O): no job is stored.
    if (db.inTransaction) db.exec("ROLLBACK");
    const message = error instanceof Error ? error.message : String(error);
    return { id: batch.id, errors: batch.jobs.map(() => message) };
  }
  return { id: batch.id, errors };
}

port.on("message", (message: LiveWriteBatch | LiveWriteClose) => {
  if (message.type === "close") {
    db.close();
    port.close();
    return;
  }
  port.postMessage(writeBatch(message));
});
