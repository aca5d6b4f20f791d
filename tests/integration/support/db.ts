// The server's database, opened directly beside the server or after it died: what
// is in the tables is what survives a crash, whatever the server said before.
import Database from "better-sqlite3";
import pg from "pg";

export interface StoredAnswer {
  playerId: string;
  questionIndex: number;
  optionIds: string[];
}

export interface StoredGameRow {
  phase: string;
  questionIndex: number;
  paused: boolean;
  timeLeftMs: number | null;
  /** As the driver returns it: only compared with itself, to see that a write happened. */
  heartbeatAt: string;
}

export interface DirectDb {
  answers(gameId: string): Promise<StoredAnswer[]>;
  game(gameId: string): Promise<StoredGameRow | null>;
  /**
   * Puts the game's row back in the lobby, as if the write of its start had been
   * lost: only a full write of the phase (not a heartbeat) puts it right again.
   */
  rewindToLobby(gameId: string): Promise<void>;
  close(): Promise<void>;
}

const ANSWERS_SQL = `SELECT "playerId", "questionIndex", "optionIds" FROM "Answer" WHERE "gameId" = $1`;
const GAME_SQL = `SELECT "phase", "questionIndex", "paused", "timeLeftMs", "heartbeatAt" FROM "Game" WHERE "id" = $1`;
const REWIND_SQL = `UPDATE "Game" SET "phase" = 'lobby', "questionIndex" = -1 WHERE "id" = $1`;

interface RawAnswer {
  playerId: string;
  questionIndex: number;
  optionIds: string;
}
interface RawGame {
  phase: string;
  questionIndex: number;
  paused: boolean | number;
  timeLeftMs: number | null;
  heartbeatAt: unknown;
}

const toAnswer = (row: RawAnswer): StoredAnswer => ({
  playerId: row.playerId,
  questionIndex: Number(row.questionIndex),
  optionIds: JSON.parse(row.optionIds) as string[],
});
const toGame = (row: RawGame): StoredGameRow => ({
  phase: row.phase,
  questionIndex: Number(row.questionIndex),
  paused: Boolean(row.paused),
  timeLeftMs: row.timeLeftMs === null ? null : Number(row.timeLeftMs),
  heartbeatAt: row.heartbeatAt instanceof Date ? row.heartbeatAt.toISOString() : String(row.heartbeatAt),
});

/** Opens the database behind a `file:` (SQLite) or `postgresql:` URL, as TestServer.databaseUrl gives it. */
export async function openDb(databaseUrl: string): Promise<DirectDb> {
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.replace(/^file:/, ""), { fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    const answers = db.prepare<[string], RawAnswer>(ANSWERS_SQL.replace("$1", "?"));
    const game = db.prepare<[string], RawGame>(GAME_SQL.replace("$1", "?"));
    const rewind = db.prepare<[string]>(REWIND_SQL.replace("$1", "?"));
    return {
      answers: (gameId) => Promise.resolve(answers.all(gameId).map(toAnswer)),
      game: (gameId) => {
        const row = game.get(gameId);
        return Promise.resolve(row ? toGame(row) : null);
      },
      rewindToLobby: (gameId) => Promise.resolve(void rewind.run(gameId)),
      close: () => Promise.resolve(void db.close()),
    };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    answers: async (gameId) => (await client.query<RawAnswer>(ANSWERS_SQL, [gameId])).rows.map(toAnswer),
    game: async (gameId) => {
      const row = (await client.query<RawGame>(GAME_SQL, [gameId])).rows[0];
      return row ? toGame(row) : null;
    },
    rewindToLobby: async (gameId) => void (await client.query(REWIND_SQL, [gameId])),
    close: () => client.end(),
  };
}

/** Opens, reads, closes: for reads after the server is gone (nothing left open across a restart). */
export async function readDb<T>(databaseUrl: string, read: (db: DirectDb) => Promise<T>): Promise<T> {
  const db = await openDb(databaseUrl);
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

/**
 * Polls until a write of the game's row made after this call (a heartbeat or a
 * phase change) satisfies `accept`: waits for the write itself, not for a guessed
 * time, so a busy machine only makes it slower.
 */
export async function waitForGameRow(
  databaseUrl: string,
  gameId: string,
  accept: (row: StoredGameRow) => boolean = () => true,
  timeoutMs = 30_000,
): Promise<StoredGameRow> {
  const db = await openDb(databaseUrl);
  try {
    const first = await db.game(gameId);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      const row = await db.game(gameId);
      if (row && row.heartbeatAt !== first?.heartbeatAt && accept(row)) return row;
    }
    throw new Error(`game ${gameId}: no such write within ${timeoutMs} ms`);
  } finally {
    await db.close();
  }
}
