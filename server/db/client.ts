// Opens the database: SQLite (embedded default) or PostgreSQL by DATABASE_URL.
// Both generated clients expose the same models; the SQLite one names the type.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/pg/client";
import { isPostgresUrl } from "../env";
import { SqliteLiveWrites } from "./sqlite-live-writes";

export type Db = SqliteClient;

/**
 * How long a write waits for a lock held by another process (a backup, say).
 * better-sqlite3 waits synchronously, so this is kept short: past it the write
 * fails and the answer is refused with UNAVAILABLE rather than the server stalling.
 */
export const BUSY_TIMEOUT_MS = 2000;

export function sqliteFilePath(url: string): string {
  return resolve(url.replace(/^file:/, ""));
}

export async function openDatabase(url: string): Promise<Db> {
  if (isPostgresUrl(url)) {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
    await client.$connect();
    return client as unknown as Db;
  }
  const file = sqliteFilePath(url);
  mkdirSync(dirname(file), { recursive: true });
  // WAL lets readers run beside the writer; the busy timeout makes a locked
  // database wait briefly instead of failing at once (R-DB-BUSY).
  const client = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: file, timeout: BUSY_TIMEOUT_MS }) });
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA synchronous = FULL");
  return client;
}

/**
 * The live game's writer for `url`: on SQLite a worker thread with its own connection
 * to the same file (server/db/sqlite-live-writes.ts); undefined on PostgreSQL. Its
 * `close()` must run before the process exits, after the rooms' last writes.
 */
export function openLiveWrites(url: string): SqliteLiveWrites | undefined {
  if (isPostgresUrl(url)) return undefined;
  return new SqliteLiveWrites({ file: sqliteFilePath(url), busyTimeoutMs: BUSY_TIMEOUT_MS });
}
