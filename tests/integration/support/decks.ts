// Deck and image helpers over HTTP, as the library and the editor call them, and a
// way to make the database itself fail a write (for "a failed save changes nothing").
import Database from "better-sqlite3";
import pg from "pg";
import sharp from "sharp";
import type { DeckSummary, StoredDeck } from "../../../lib/deck";
import { api } from "./clients";

/** The body of an answer with the expected status, or a thrown error that shows what came instead. */
export async function expectStatus<T = unknown>(res: Response | Promise<Response>, status: number): Promise<T> {
  const response = await res;
  const text = await response.text();
  if (response.status !== status)
    throw new Error(`${response.url}: expected ${status}, got ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

export const library = (url: string, cookie: string, q?: string) =>
  expectStatus<DeckSummary[]>(
    api(url, `/api/decks${q === undefined ? "" : `?q=${encodeURIComponent(q)}`}`, { cookie }),
    200,
  );

export const getDeck = (url: string, cookie: string, id: string) =>
  expectStatus<StoredDeck>(api(url, `/api/decks/${id}`, { cookie }), 200);

/** Sends a body as it is, with the app's Origin: a file upload, a deck save. */
export function send(
  url: string,
  path: string,
  cookie: string,
  body: string | Buffer,
  contentType: string | null,
  method = "POST",
) {
  return api(url, path, {
    method,
    cookie,
    headers: contentType ? { "content-type": contentType } : {},
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
}

/** An import; resolves with the new deck's id, or throws with the answer. */
export async function importFile(url: string, cookie: string, body: string | Buffer, contentType: string) {
  return (await expectStatus<{ id: string }>(send(url, "/api/decks/import", cookie, body, contentType), 201)).id;
}

/** The deck as the editor would send it back: without the fields only the server sets. */
export function editable(deck: StoredDeck) {
  const { id: _id, builtin: _builtin, updatedAt: _updatedAt, ...rest } = deck;
  return rest;
}

/** A small picture with some detail, in one of the accepted formats. */
export async function picture(format: "png" | "jpeg" | "webp" | "gif", width = 48, height = 32): Promise<Buffer> {
  const pixels = Buffer.from(Array.from({ length: width * height * 3 }, (_, i) => (i * 31 + width) % 253));
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

export interface UploadedImage {
  id: string;
  url: string;
  contentType: string;
  width: number;
  height: number;
  byteLength: number;
}

export const uploadImage = (url: string, cookie: string, bytes: Buffer, contentType = "application/octet-stream") =>
  expectStatus<UploadedImage>(send(url, "/api/images", cookie, bytes, contentType), 201);

/**
 * Makes the database refuse to insert a question whose text is `text` (a trigger),
 * on SQLite or PostgreSQL: a real failure in the middle of a deck's save.
 */
export async function failQuestionInserts(databaseUrl: string, text: string): Promise<void> {
  const quoted = `'${text.replace(/'/g, "''")}'`;
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length), { fileMustExist: true });
    try {
      db.exec(
        `CREATE TRIGGER fail_question BEFORE INSERT ON "Question" WHEN NEW."text" = ${quoted}
         BEGIN SELECT RAISE(ABORT, 'forced failure'); END;`,
      );
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE FUNCTION fail_question() RETURNS trigger AS $$
      BEGIN IF NEW."text" = ${quoted} THEN RAISE EXCEPTION 'forced failure'; END IF; RETURN NEW; END
      $$ LANGUAGE plpgsql`);
    await client.query(
      `CREATE TRIGGER fail_question BEFORE INSERT ON "Question" FOR EACH ROW EXECUTE FUNCTION fail_question()`,
    );
  } finally {
    await client.end();
  }
}
