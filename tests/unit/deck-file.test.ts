// What every imported deck file goes through: its size, its encoding, its JSON
// syntax, each refused with the line a person finds in their editor. Pure.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DeckProblem } from "../../lib/deck";
import {
  capProblems,
  countedBytes,
  decodeUtf8,
  DECK_FILE_LIMIT,
  lineLocator,
  MAX_PROBLEMS,
  sizeProblem,
} from "../../server/decks/deck-file";
import type { DeckImageDeps } from "../../server/decks/deck-images";
import { importDeckFile } from "../../server/decks/deck-import";
import { jsonSyntaxProblem, readJsonFile, writeJsonFile } from "../../server/decks/deck-json";

const noImages: DeckImageDeps = {
  describe: async () => new Map(),
  save: async () => {
    throw new Error("nothing should be stored");
  },
  verify: async () => ({ ok: false, reason: "invalid", message: "not an image" }),
  publicOrigin: "https://quiz.example",
};

const lineOfSyntaxError = (text: string) => {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonSyntaxProblem(text, error).line;
  }
  throw new Error("expected a syntax error");
};

describe("deck files", () => {
  it("finds the line of the first byte that is not UTF-8; a BOM is fine", () => {
    const text = Buffer.from("첫 줄\r\n둘째 줄\n셋째 ", "utf8");
    const bad = Buffer.concat([text, Buffer.from([0xc7, 0xd1]), Buffer.from("\n넷째", "utf8")]);
    expect(decodeUtf8(bad)).toEqual({ ok: false, line: 3 });
    // A multi-byte character cut short at the end of a line.
    expect(decodeUtf8(Buffer.from([0x61, 0x0a, 0xed, 0x95, 0x0a]))).toEqual({ ok: false, line: 2 });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]);
    expect(decodeUtf8(bom)).toEqual({ ok: true, text: text.toString("utf8") });
  });

  it("counts a JSON file's bytes without its embedded data: images; a CSV's in full", () => {
    const image = `"data:image/png;base64,${"A".repeat(3000)}"`;
    const json = Buffer.from(`{"imageUrl": ${image}}`);
    expect(countedBytes(json, "json")).toBe(json.length - image.length);
    expect(countedBytes(json, "csv")).toBe(json.length);
  });

  it("a 2 MB file is refused with its size and the limit", () => {
    const big = Buffer.alloc(2 * DECK_FILE_LIMIT, 0x20);
    expect(sizeProblem(big, "csv")).toEqual({
      question: null,
      line: null,
      path: "",
      message: "The file is 2.0 MB; the limit is 1 MB. Split the deck into smaller ones.",
    });
    expect(sizeProblem(big, "json")?.message).toMatch(/^The file is 2\.0 MB \(embedded images not counted\)/);
    expect(sizeProblem(Buffer.alloc(DECK_FILE_LIMIT, 0x20), "csv")).toBeNull();
  });

  it("turns offsets into lines for CRLF, LF and lone CR", () => {
    const at = lineLocator("a\r\nb\nc\rd");
    expect([0, 2, 3, 5, 7, 8].map(at)).toEqual([1, 1, 2, 3, 4, 4]);
    const bytes = lineLocator(Buffer.from("가\n나"));
    expect([0, 3, 4].map(bytes)).toEqual([1, 1, 2]);
  });

  it("locates JSON syntax errors, whichever way V8 words them", () => {
    const padding = '"padding": "long enough for V8 to quote only around the error"';
    expect(lineOfSyntaxError(`{\n  ${padding},\n  "b": [1, 2,, 3],\n  ${padding}\n}`)).toBe(3);
    expect(lineOfSyntaxError(`{,\n ${padding}}`)).toBe(1);
    expect(lineOfSyntaxError(`{${padding},\n"b": tru}`)).toBe(2);
    expect(lineOfSyntaxError('{\n"a": 1,\n}')).toBe(3);
    expect(lineOfSyntaxError('{\n"a": \n\n')).toBe(2);
    expect(lineOfSyntaxError('{"a": 1}\n\nx')).toBe(3);
    expect(lineOfSyntaxError('{"a": 1,\n"b": 01}')).toBe(2);
  });

  it("says what was wrong without V8's quotation", () => {
    const result = readJsonFile('{\n  "title": "x",\n  "questions": [,]\n}');
    expect(result).toEqual({
      ok: false,
      problem: {
        question: null,
        line: 3,
        path: "",
        message: "The file is not valid JSON (line 3): Unexpected token ','.",
      },
    });
  });

  it("lists at most MAX_PROBLEMS problems, the last saying how many more", () => {
    const problems: DeckProblem[] = Array.from({ length: MAX_PROBLEMS + 5 }, (_, i) => ({
      question: i + 1,
      line: null,
      path: "text",
      message: "x",
    }));
    const capped = capProblems(problems);
    expect(capped).toHaveLength(MAX_PROBLEMS);
    expect(capped.at(-1)?.message).toBe("…and 6 more problems.");
    expect(capProblems(problems.slice(0, 3))).toHaveLength(3);
  });
});

describe("deck JSON files", () => {
  it("JSON problems carry their 1-based question number and a null line", async () => {
    const file = {
      title: "T",
      language: "ko",
      questions: [
        { kind: "single", text: "ok", options: ["a", "b"], correct: [0] },
        { kind: "single", text: "", options: ["a", "b"], correct: [0], timeLimitSec: 1000 },
      ],
    };
    const result = await importDeckFile(Buffer.from(JSON.stringify(file)), "json", "u1", noImages);
    expect(result.ok ? [] : result.problems.map((p) => [p.question, p.line, p.path])).toEqual([
      [2, null, "questions.1.text"],
      [2, null, "questions.1.timeLimitSec"],
    ]);
  });

  it('a tag holding "|" is refused with its place: CSV export would split it in two', async () => {
    const file = {
      title: "T",
      language: "en",
      questions: [{ kind: "single", text: "ok", options: ["a", "b"], correct: [0], tags: ["kinesis", "S3 | Glacier"] }],
    };
    const result = await importDeckFile(Buffer.from(JSON.stringify(file)), "json", "u1", noImages);
    expect(result.ok ? [] : result.problems.map((p) => [p.question, p.path, p.message])).toEqual([
      [1, "questions.0.tags.1", expect.stringContaining('a tag cannot contain "|"')],
    ]);
  });

  it("an empty file, a non-UTF-8 file and a syntax error are each one located problem", async () => {
    const check = (bytes: Buffer) => importDeckFile(bytes, "json", "u1", noImages);
    const messages = async (bytes: Buffer) => {
      const result = await check(bytes);
      return result.ok ? [] : result.problems.map((p) => [p.line, p.message]);
    };
    expect(await messages(Buffer.from(" \n"))).toEqual([[null, "The file is empty."]]);
    expect(await messages(Buffer.from([0x7b, 0x0a, 0xff, 0x7d]))).toEqual([
      [2, expect.stringMatching(/^Line 2 is not UTF-8 text/)],
    ]);
    expect(await messages(Buffer.from('{\n"title": "T",\n"questions": [}'))).toEqual([
      [3, expect.stringMatching(/not valid JSON \(line 3\)/)],
    ]);
  });

  it("export → import gives the same deck", async () => {
    const deck = JSON.parse(readFileSync("tests/fixtures/tricky-deck.ko.json", "utf8")) as Parameters<
      typeof writeJsonFile
    >[0];
    const text = writeJsonFile(deck, (url) => url);
    expect(JSON.parse(text)).not.toHaveProperty("id");
    const result = await importDeckFile(Buffer.from(text), "json", "u1", noImages);
    expect(result.ok && result.deck).toEqual(deck);
  });
});
