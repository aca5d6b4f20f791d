// The worker thread that writes a live game's players and answers to SQLite. With
// synchronous=FULL every commit waits for the disk (about 1 ms here, more on a busy
// machine); better-sqlite3 waits synchronously, so on the main thread each commit
// stalled every socket of every game. Here only this thread waits.
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

const insertAnswer = db.prepare(
  `INSERT INTO "Answer" ("id", "gameId", "playerId", "questionIndex", "optionIds", "timeMs", "createdAt")
   VALUES (@id, @gameId, @playerId, @questionIndex, @optionIds, @timeMs, @createdAt)`,
);
const insertPlayer = db.prepare(
  `INSERT INTO "Player" ("id", "gameId", "nickname", "nicknameKey", "tokenHash", "reviewTokenHash", "kicked", "joinedAt")
   VALUES (@id, @gameId, @nickname, @nicknameKey, @tokenHash, @reviewTokenHash, 0, @joinedAt)`,
);

function writeJob(job: LiveWriteJob): void {
  if (job.kind === "answers") for (const row of job.rows) insertAnswer.run(row);
  else for (const row of job.rows) insertPlayer.run(row);
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
