// Small helpers for the JSON API: the shape of a route, bodies with a size cap,
// JSON answers, errors as `{ error: { code, message, details? } }`, downloads.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Instructor } from "../auth";

export type Handler = (ctx: {
  req: IncomingMessage;
  res: ServerResponse;
  params: string[];
  /** The query string, parsed. */
  query: URLSearchParams;
  /** The signed-in instructor; checked before any handler runs (never null but on open routes). */
  user: Instructor;
}) => Promise<void>;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  /**
   * Open without a session: the first-instructor setup only until an instructor
   * exists; a student's review link and an image always (the id is the credential).
   */
  open?: "while-no-instructor" | "always";
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, {
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
  });
}

const tooLargeError = (limitBytes: number) =>
  new HttpError(413, "PAYLOAD_TOO_LARGE", `The body is over ${limitBytes} bytes.`);

/**
 * The request body as bytes, at most `limitBytes`; past that (declared or sent)
 * `tooLarge` is thrown without keeping more in memory. Node discards the rest of
 * a body once the answer is sent, so the client still reads the error.
 */
export async function readBytes(
  req: IncomingMessage,
  limitBytes: number,
  tooLarge: HttpError = tooLargeError(limitBytes),
): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limitBytes) throw tooLarge;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw tooLarge;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  return (await readBytes(req, limitBytes)).toString("utf8");
}

/** The request's media type, lower case, without parameters; and its charset parameter, if any. */
export function mediaType(req: IncomingMessage): { type: string; charset: string | null } {
  const [type = "", ...params] = (req.headers["content-type"] ?? "").split(";");
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(p)?.[1]).find(Boolean);
  return { type: type.trim().toLowerCase(), charset: charset?.toLowerCase() ?? null };
}

/**
 * A Content-Disposition for a download: `asciiName` for old clients, and
 * `fullName` (any Unicode, e.g. a Korean deck title) as RFC 5987 `filename*`.
 * Characters no file system takes are replaced with "_".
 */
export function attachmentDisposition(asciiName: string, fullName: string): string {
  const safe = fullName.replace(/[\\/:*?"<>|\p{Cc}]/gu, "_");
  const ascii = asciiName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987 wants them encoded.
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export async function readJson(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  if (!type.startsWith("application/json")) {
    throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "Send JSON (Content-Type: application/json).");
  }
  try {
    return JSON.parse(await readBody(req, limitBytes));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, "INVALID_JSON", "The body is not valid JSON.");
  }
}
