// From a deck file's bytes (or the editor's JSON) to a deck ready to store, with
// every problem located, or nothing: images embedded in a file are stored only
// once the whole deck has passed (docs/protocol.md "Decks, import and export").
import { DECK_LIMITS, parseDeck, type Deck, type DeckProblem } from "../../lib/deck";
import { readDeckCsv } from "./deck-csv";
import { capProblems, decodeUtf8, fileProblem, notUtf8Problem, sizeProblem, withoutBom } from "./deck-file";
import { resolveImages, storePending, type DeckImageDeps } from "./deck-images";
import { readJsonFile } from "./deck-json";

export type DeckFileFormat = "json" | "csv";
export type DeckCheck = { ok: true; deck: Deck } | { ok: false; problems: DeckProblem[] };

/** Deck-level problems first, then by question and line, each list in the order found. */
function ordered(problems: DeckProblem[]): DeckProblem[] {
  const key = (p: DeckProblem) => [p.question ?? 0, p.line ?? 0] as const;
  const sorted = [...problems].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
  return capProblems(sorted);
}

/** The rules' "too big" for a deck over 500 questions, said the way a person counts. */
function withCountSaid(input: unknown, problems: DeckProblem[]): DeckProblem[] {
  const questions = (input as { questions?: unknown } | null)?.questions;
  const count = Array.isArray(questions) ? questions.length : 0;
  if (count <= DECK_LIMITS.questions) return problems;
  const message = `The deck has ${count} questions; the limit is ${DECK_LIMITS.questions}. Split it into smaller decks.`;
  return problems.map((p) => (p.path === "questions" ? { ...p, message } : p));
}

/**
 * Checks Deck JSON input against the deck rules and its images, then stores the
 * embedded ones. `locate` places a problem in the file (CSV lines), or drops it
 * (null) when the file's own reading reported that cell already.
 */
async function check(
  input: unknown,
  ownerId: string,
  deps: DeckImageDeps,
  options: { acceptDataUrls: boolean; locate?: (p: DeckProblem) => DeckProblem | null; problems?: DeckProblem[] },
): Promise<DeckCheck> {
  const images = await resolveImages(input, deps, options.acceptDataUrls);
  const parsed = parseDeck(images.input);
  const found = [...images.problems, ...(parsed.ok ? [] : withCountSaid(input, parsed.problems))];
  const locate = options.locate ?? ((p: DeckProblem) => ({ ...p, line: p.line ?? null }));
  const problems = [...(options.problems ?? []), ...found.flatMap((p) => locate(p) ?? [])];
  if (problems.length > 0 || !parsed.ok) return { ok: false, problems: ordered(problems) };
  return { ok: true, deck: await storePending(parsed.deck, images.pending, ownerId, deps) };
}

/**
 * An imported file, JSON (Deck JSON) or CSV (deck-csv-columns.ts), as bytes.
 * Refuses with located problems: a file over 1 MB (a JSON file's embedded images
 * not counted), one that is not UTF-8 (a BOM is fine), a syntax error, every
 * broken deck rule, and any embedded image that is not a whole PNG, JPEG, WebP
 * or GIF of at most 2 MB. On success the embedded images are stored as the
 * importer's and the deck points at them; the deck itself is not stored here.
 */
export function importDeckFile(
  bytes: Buffer,
  format: DeckFileFormat,
  ownerId: string,
  deps: DeckImageDeps,
): Promise<DeckCheck> {
  return readDeckFile(bytes, format, ownerId, deps, true);
}

/**
 * The editor's deck (a POST or PUT body, JSON bytes): the same limits and rules
 * as an imported file, but images must be uploaded first (no data: URLs), and
 * every stored image it names must exist.
 */
export function checkEditedDeck(bytes: Buffer, ownerId: string, deps: DeckImageDeps): Promise<DeckCheck> {
  return readDeckFile(bytes, "json", ownerId, deps, false);
}

async function readDeckFile(
  bytes: Buffer,
  format: DeckFileFormat,
  ownerId: string,
  deps: DeckImageDeps,
  acceptDataUrls: boolean,
): Promise<DeckCheck> {
  const tooBig = sizeProblem(bytes, format);
  if (tooBig) return { ok: false, problems: [tooBig] };
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, problems: [notUtf8Problem(decoded.line)] };
  if (decoded.text.trim() === "") return { ok: false, problems: [fileProblem("The file is empty.")] };

  if (format === "json") {
    const file = readJsonFile(decoded.text);
    if (!file.ok) return { ok: false, problems: [file.problem] };
    return check(file.value, ownerId, deps, { acceptDataUrls });
  }
  const csv = readDeckCsv(withoutBom(bytes));
  if (!csv.rulesApply) return { ok: false, problems: ordered(csv.problems) };
  return check(csv.input, ownerId, deps, { acceptDataUrls, locate: csv.locate, problems: csv.problems });
}
