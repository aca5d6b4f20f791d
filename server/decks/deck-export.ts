// A deck as a file that imports back to the same deck (docs/protocol.md "Decks,
// import and export"). JSON embeds the stored images as data: URLs, so the file
// stands alone; CSV names them by this server's absolute URL (a spreadsheet cell
// is no place for megabytes of base64).
import { IMAGE_PATH_PREFIX, isStoredImagePath, type Deck } from "../../lib/deck";
import type { ImageFile, ImageInfo } from "../db/images";
import { encodeDataUrl } from "../images/data-url";
import { writeDeckCsv } from "./deck-csv-write";
import { IMPORT_BODY_LIMIT } from "./deck-file";
import type { DeckFileFormat } from "./deck-import";
import { writeJsonFile } from "./deck-json";

export interface ExportDeps {
  describe(ids: string[]): Promise<Map<string, ImageInfo>>;
  file(id: string): Promise<ImageFile | null>;
  /** PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
}

export interface DeckFile {
  body: Buffer;
  contentType: string;
  extension: DeckFileFormat;
}

/** Room left in an import request for what is not an image (headers, the deck's own growth). */
const MARGIN = 64 * 1024;
const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

/**
 * The export file of `deck`. JSON embeds each stored image while the file stays
 * under the import's body limit (IMPORT_BODY_LIMIT, so that it imports back);
 * images past that budget are written as absolute URLs, as in CSV.
 */
export async function exportDeck(deck: Deck, format: DeckFileFormat, deps: ExportDeps): Promise<DeckFile> {
  const absolute = (url: string) => (isStoredImagePath(url) ? `${deps.publicUrl}${url}` : url);
  if (format === "csv") {
    return {
      body: Buffer.from(writeDeckCsv(deck, absolute), "utf8"),
      contentType: "text/csv; charset=utf-8",
      extension: "csv",
    };
  }
  const embedded = await embeddable(deck, deps, Buffer.byteLength(writeJsonFile(deck, absolute)));
  const json = writeJsonFile(deck, (url, index) => embedded.get(index) ?? absolute(url));
  return { body: Buffer.from(json, "utf8"), contentType: "application/json; charset=utf-8", extension: "json" };
}

/** data: URLs of the deck's stored images, by question index, in question order while they fit the budget. */
async function embeddable(deck: Deck, deps: ExportDeps, baseBytes: number): Promise<Map<number, string>> {
  const idOf = (url: string | null) => (url && isStoredImagePath(url) ? url.slice(IMAGE_PATH_PREFIX.length) : null);
  const stored = await deps.describe(deck.questions.flatMap((q) => idOf(q.imageUrl) ?? []));
  const byId = new Map<string, string>();
  const byQuestion = new Map<number, string>();
  let budget = IMPORT_BODY_LIMIT - MARGIN - baseBytes;
  // Every question that shows an image carries its own copy: each one costs.
  for (const [index, question] of deck.questions.entries()) {
    const id = idOf(question.imageUrl);
    const info = id === null ? undefined : stored.get(id);
    if (id === null || !info) continue;
    const cost = base64Length(info.byteLength) + info.contentType.length + 20;
    if (cost > budget) break;
    budget -= cost;
    if (!byId.has(id)) {
      const file = await deps.file(id);
      if (!file) continue;
      byId.set(id, encodeDataUrl(file.contentType, file.bytes));
    }
    byQuestion.set(index, byId.get(id) ?? "");
  }
  return byQuestion;
}
