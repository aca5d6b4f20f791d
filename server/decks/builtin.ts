// The built-in course decks: shared read-only with every instructor (ownerId null),
// seeded at start, idempotently by their builtinKey.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseDeck, type Deck } from "../../lib/deck";

export const BUILTIN_DECKS = [
  { key: "aws-bigdata-day1-ko", file: "aws-bigdata-day1.ko.json" },
  { key: "aws-bigdata-day1-en", file: "aws-bigdata-day1.en.json" },
] as const;

export function loadBuiltinDeck(file: string): Deck {
  const path = fileURLToPath(new URL(`./builtin/${file}`, import.meta.url));
  const parsed = parseDeck(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.ok) throw new Error(`built-in deck ${file} is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.deck;
}
