// The Deck JSON file: read (a syntax error located by its line) and written (the
// export). Pure.
import type { Deck, DeckProblem } from "../../lib/deck";
import { fileProblem, lineLocator } from "./deck-file";

/** Characters V8 quotes on each side of an unexpected token (src/json/json-parser.cc). */
const V8_CONTEXT = 10;

/**
 * The offset in `text` where JSON.parse failed, read from V8's message: "at
 * position N", or the text it quotes around an unexpected token, or the end for
 * "Unexpected end of JSON input". null when the message says neither.
 */
export function jsonErrorOffset(text: string, message: string): number | null {
  const position = / at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/end of JSON input/.test(message)) return text.trimEnd().length;
  const token = /^Unexpected token '[\s\S]', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!token) return null;
  const [, before, context = "", after] = token;
  // Start of the text: context = text[0, pos + 10); end: text[pos - 10, end); middle: both.
  if (!before && after) return context.length - V8_CONTEXT;
  if (before && !after) return text.length - context.length + V8_CONTEXT;
  const found = text.indexOf(context);
  if (before) return found === -1 ? null : found + V8_CONTEXT;
  return found === -1 ? null : found; // a short text, quoted whole
}

/** The problem for a file that JSON.parse refused: its line, and what was wrong without V8's quote. */
export function jsonSyntaxProblem(text: string, error: unknown): DeckProblem {
  const message = error instanceof Error ? error.message : String(error);
  const newerV8Line = / \(line (\d+) column \d+\)/.exec(message)?.[1];
  const offset = jsonErrorOffset(text, message);
  const line = newerV8Line ? Number(newerV8Line) : offset === null ? null : lineLocator(text)(offset);
  const reason = message
    .replace(/ at position \d+[\s\S]*$/, "")
    .replace(/ (in|after) JSON$/, "")
    .replace(/, (\.\.\.)?"[\s\S]*$/, "")
    .replace(/^"[\s\S]*" is not valid JSON$/, "not JSON");
  return fileProblem(`The file is not valid JSON${line === null ? "" : ` (line ${line})`}: ${reason}.`, line);
}

/** The file's JSON value, or its syntax error located. */
export function readJsonFile(text: string): { ok: true; value: unknown } | { ok: false; problem: DeckProblem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: jsonSyntaxProblem(text, error) };
  }
}

/**
 * The Deck JSON of a deck (no ids), every field written out, indented for people
 * who read or edit it. `imageUrl` gives what the file holds for each question's image.
 */
export function writeJsonFile(deck: Deck, imageUrl: (url: string, questionIndex: number) => string): string {
  const file = {
    title: deck.title,
    language: deck.language,
    description: deck.description,
    questions: deck.questions.map((q, index) => ({
      kind: q.kind,
      text: q.text,
      options: q.options,
      correct: q.correct,
      timeLimitSec: q.timeLimitSec,
      points: q.points,
      explanation: q.explanation,
      rationales: q.rationales,
      tags: q.tags,
      imageUrl: q.imageUrl === null ? null : imageUrl(q.imageUrl, index),
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
