// What every imported deck file goes through before its format is read: the size
// limit, UTF-8 decoding, and turning an offset into the line a person sees in their
// editor. Pure functions over the file's bytes.
import { isUtf8 } from "node:buffer";
import type { DeckProblem } from "../../lib/deck";
import { megabytes } from "../images/verify-image";

/** A deck file's limit (1 MiB); a JSON file's embedded data: images do not count. */
export const DECK_FILE_LIMIT = 1024 * 1024;
/**
 * The most an import request may carry at all (embedded images included): past
 * this the body is not read (413), so memory stays bounded.
 */
export const IMPORT_BODY_LIMIT = 40 * 1024 * 1024;
/** The most problems one answer lists; a file wrong on every row says so in one more entry. */
export const MAX_PROBLEMS = 1000;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A problem with the file as a whole (`line` null) or at one line. */
export const fileProblem = (message: string, line: number | null = null): DeckProblem => ({
  question: null,
  line,
  path: "",
  message,
});

/**
 * How much of the file counts against DECK_FILE_LIMIT, in bytes: all of it, less
 * (for JSON) every `"data:…"` string, the images a JSON export embeds.
 */
export function countedBytes(bytes: Buffer, format: "json" | "csv"): number {
  if (format === "csv") return bytes.length;
  // latin1 gives one character per byte: the lengths below are byte counts.
  let embedded = 0;
  for (const match of bytes.toString("latin1").matchAll(/"data:[^"\\]*"/g)) embedded += match[0].length;
  return bytes.length - embedded;
}

/** The size problem of a file over the limit, or null. */
export function sizeProblem(bytes: Buffer, format: "json" | "csv"): DeckProblem | null {
  const counted = countedBytes(bytes, format);
  if (counted <= DECK_FILE_LIMIT) return null;
  const images = format === "json" ? " (embedded images not counted)" : "";
  return fileProblem(
    `The file is ${megabytes(counted)}${images}; the limit is 1 MB. Split the deck into smaller ones.`,
  );
}

/** The bytes after a leading UTF-8 byte order mark, if there is one. */
export const withoutBom = (bytes: Buffer): Buffer =>
  bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;

/**
 * The file's text (BOM removed), or the 1-based line holding its first byte that
 * is not UTF-8. A line ends at LF, which never occurs inside a multi-byte UTF-8
 * character, so each line can be checked on its own.
 */
export function decodeUtf8(bytes: Buffer): { ok: true; text: string } | { ok: false; line: number } {
  const body = withoutBom(bytes);
  if (isUtf8(body)) return { ok: true, text: body.toString("utf8") };
  let line = 1;
  for (let start = 0; start <= body.length; line += 1) {
    const found = body.indexOf(0x0a, start);
    const end = found === -1 ? body.length : found;
    if (!isUtf8(body.subarray(start, end))) return { ok: false, line };
    start = end + 1;
  }
  // Not reached: the bad byte is on some line.
  return { ok: false, line: line - 1 };
}

/** The problem for a file that is not UTF-8. */
export const notUtf8Problem = (line: number): DeckProblem =>
  fileProblem(
    `Line ${line} is not UTF-8 text. Save the file as UTF-8 (in Excel: "CSV UTF-8"; in other editors: encoding UTF-8).`,
    line,
  );

/**
 * A function from an offset in `text` to its 1-based line. Lines end at CRLF, LF
 * or a lone CR (as spreadsheets and editors write them). Offsets are in the
 * units of `text` (string: UTF-16 code units; Buffer: bytes).
 */
export function lineLocator(text: string | Buffer): (offset: number) => number {
  const starts = [0];
  const at = (i: number) => (typeof text === "string" ? text.charCodeAt(i) : text[i]);
  for (let i = 0; i < text.length; i += 1) {
    const c = at(i);
    if (c === 0x0a || (c === 0x0d && at(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/** At most MAX_PROBLEMS problems, the last one saying how many more there were. */
export function capProblems(problems: DeckProblem[]): DeckProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.length - (MAX_PROBLEMS - 1);
  return [...problems.slice(0, MAX_PROBLEMS - 1), fileProblem(`…and ${rest} more problems.`)];
}
