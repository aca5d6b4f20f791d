// The built-in course decks: shared read-only with every instructor (ownerId null),
// seeded at start, idempotently by their builtinKey. Imported rather than read from
// disk, so that the compiled server (dist/server, scripts/build-server.mjs) carries them.
import { parseDeck, type Deck } from "../../lib/deck";
import englishDeck from "./builtin/aws-bigdata-day1.en.json";
import koreanDeck from "./builtin/aws-bigdata-day1.ko.json";

export const BUILTIN_DECKS = [
  { key: "aws-bigdata-day1-ko", file: "aws-bigdata-day1.ko.json" },
  { key: "aws-bigdata-day1-en", file: "aws-bigdata-day1.en.json" },
] as const;

/** Each file of BUILTIN_DECKS (in server/decks/builtin/) as imported. */
const CONTENTS: Record<(typeof BUILTIN_DECKS)[number]["file"], unknown> = {
  "aws-bigdata-day1.ko.json": koreanDeck,
  "aws-bigdata-day1.en.json": englishDeck,
};

/**
 * A built-in deck by its file name, validated like an import.
 * @throws Error when the file is not one of BUILTIN_DECKS or its deck is invalid (a bug in the repository).
 */
export function loadBuiltinDeck(file: string): Deck {
  const content = Object.hasOwn(CONTENTS, file) ? CONTENTS[file as keyof typeof CONTENTS] : undefined;
  if (content === undefined) throw new Error(`no built-in deck ${file}`);
  // A deep copy: the parsed deck must not share objects with the module's JSON.
  const parsed = parseDeck(structuredClone(content));
  if (!parsed.ok) throw new Error(`built-in deck ${file} is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.deck;
}
