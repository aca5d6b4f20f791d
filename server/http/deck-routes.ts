// The deck routes (docs/protocol.md "Decks, import and export"): the library, the
// editor's create and save, duplicate, delete, import and export. Owner-scoped:
// another instructor's deck is 404 on every route; a built-in deck is read and
// duplicated by everyone and changed by nobody (403 BUILTIN_READ_ONLY).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { z } from "zod";
import type { DeckProblem } from "../../lib/deck";
import type { DeckChange, DeckRepository } from "../db/decks";
import type { ImageRepository } from "../db/images";
import { IMPORT_BODY_LIMIT } from "../decks/deck-file";
import { exportDeck } from "../decks/deck-export";
import { checkEditedDeck, importDeckFile, type DeckCheck, type DeckFileFormat } from "../decks/deck-import";
import type { DeckImageDeps } from "../decks/deck-images";
import { verifyImage } from "../images/verify-image";
import { allow } from "../realtime/rate-limits";
import { attachmentDisposition, HttpError, mediaType, readBytes, sendJson, type Route } from "./respond";

export interface DeckRouteDeps {
  decks: DeckRepository;
  images: ImageRepository;
  publicUrl: string;
  importPerUser: RateLimiterAbstract;
}

/** The editor's body: room for the 1 MB deck rule to answer with INVALID_DECK rather than 413. */
const EDITED_DECK_BODY = 2 * 1024 * 1024;
const DECK_ID = "([\\w-]{1,64})";
const listQuery = z.strictObject({ q: z.string().max(200).optional() });
const exportQuery = z.strictObject({ format: z.enum(["json", "csv"]).default("json") });

const notFound = () => new HttpError(404, "NOT_FOUND", "No such deck.");
const readOnly = () =>
  new HttpError(403, "BUILTIN_READ_ONLY", "A built-in deck cannot be changed: duplicate it and edit the copy.");
const invalid = (problems: DeckProblem[]) =>
  new HttpError(400, "INVALID_DECK", "The deck has problems; nothing was stored.", problems);

/** The value of a change, or the error it came to: 404 for another's or no deck, 403 for a built-in one. */
function changed<T>(change: DeckChange<T>): T {
  if (change.ok) return change.value;
  throw change.reason === "builtin" ? readOnly() : notFound();
}

/** The file format a request's Content-Type names (UTF-8 only); 415 for anything else. */
function importFormat(req: IncomingMessage): DeckFileFormat {
  const { type, charset } = mediaType(req);
  const format = type === "application/json" ? "json" : type === "text/csv" ? "csv" : null;
  if (!format || (charset !== null && charset !== "utf-8" && charset !== "utf8")) {
    throw new HttpError(
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the deck as Content-Type application/json or text/csv, in UTF-8.",
    );
  }
  return format;
}

function accepted(check: DeckCheck) {
  if (!check.ok) throw invalid(check.problems);
  return check.deck;
}

function sendFile(res: ServerResponse, file: { body: Buffer; contentType: string }, disposition: string) {
  res.writeHead(200, {
    "content-type": file.contentType,
    "content-disposition": disposition,
    "cache-control": "no-store",
    "content-length": file.body.length,
  });
  res.end(file.body);
}

export function deckRoutes(deps: DeckRouteDeps): Route[] {
  const { decks } = deps;
  const imageDeps: DeckImageDeps = {
    describe: (ids) => deps.images.describe(ids),
    save: (ownerId, image) => deps.images.save(ownerId, image),
    verify: verifyImage,
    publicOrigin: new URL(deps.publicUrl).origin,
  };
  /** The editor's JSON body, checked as an imported file is (but images must already be uploaded). */
  const editedDeck = async (req: IncomingMessage, userId: string) => {
    if (mediaType(req).type !== "application/json") {
      throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "Send JSON (Content-Type: application/json).");
    }
    return accepted(await checkEditedDeck(await readBytes(req, EDITED_DECK_BODY), userId, imageDeps));
  };

  return [
    {
      method: "GET",
      pattern: /^\/api\/decks$/,
      handler: async ({ res, query, user }) => {
        const parsed = listQuery.safeParse(Object.fromEntries(query));
        if (!parsed.success) throw new HttpError(400, "INVALID_QUERY", "q is at most 200 characters.");
        sendJson(res, 200, await decks.list(user.id, parsed.data.q));
      },
    },
    {
      method: "POST",
      pattern: /^\/api\/decks$/,
      handler: async ({ req, res, user }) => {
        const deck = await editedDeck(req, user.id);
        sendJson(res, 201, { id: await decks.create(user.id, deck) });
      },
    },
    {
      method: "POST",
      pattern: /^\/api\/decks\/import$/,
      handler: async ({ req, res, user }) => {
        if (!(await allow(deps.importPerUser, user.id))) {
          throw new HttpError(429, "RATE_LIMITED", "Too many imports: wait a minute.");
        }
        const format = importFormat(req);
        const bytes = await readBytes(
          req,
          IMPORT_BODY_LIMIT,
          new HttpError(413, "PAYLOAD_TOO_LARGE", "The request is over 40 MB, embedded images included."),
        );
        const deck = accepted(await importDeckFile(bytes, format, user.id, imageDeps));
        sendJson(res, 201, { id: await decks.create(user.id, deck) });
      },
    },
    {
      method: "GET",
      pattern: new RegExp(`^/api/decks/${DECK_ID}$`),
      handler: async ({ res, params, user }) => {
        const deck = await decks.get(user.id, params[0] ?? "");
        if (!deck) throw notFound();
        sendJson(res, 200, deck);
      },
    },
    {
      method: "PUT",
      pattern: new RegExp(`^/api/decks/${DECK_ID}$`),
      handler: async ({ req, res, params, user }) => {
        const id = params[0] ?? "";
        // Whose deck it is comes first: a stranger learns nothing from the body's problems.
        changed(await decks.access(user.id, id));
        const deck = await editedDeck(req, user.id);
        sendJson(res, 200, changed(await decks.replace(user.id, id, deck)));
      },
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^/api/decks/${DECK_ID}$`),
      handler: async ({ res, params, user }) => {
        changed(await decks.remove(user.id, params[0] ?? ""));
        res.writeHead(204, { "cache-control": "no-store" });
        res.end();
      },
    },
    {
      method: "POST",
      pattern: new RegExp(`^/api/decks/${DECK_ID}/duplicate$`),
      handler: async ({ res, params, user }) => {
        sendJson(res, 201, { id: changed(await decks.duplicate(user.id, params[0] ?? "")) });
      },
    },
    {
      method: "GET",
      pattern: new RegExp(`^/api/decks/${DECK_ID}/export$`),
      handler: async ({ res, params, query, user }) => {
        const parsed = exportQuery.safeParse(Object.fromEntries(query));
        if (!parsed.success) throw new HttpError(400, "INVALID_QUERY", "format is json or csv.");
        const deck = await decks.get(user.id, params[0] ?? "");
        if (!deck) throw notFound();
        const file = await exportDeck(deck, parsed.data.format, {
          describe: (ids) => deps.images.describe(ids),
          file: (id) => deps.images.file(id),
          publicUrl: deps.publicUrl,
        });
        sendFile(
          res,
          file,
          attachmentDisposition(`quizroom-deck.${file.extension}`, `${deck.title}.${file.extension}`),
        );
      },
    },
  ];
}
