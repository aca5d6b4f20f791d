// Decks and their questions. Visibility: an instructor sees their own decks and
// the built-in ones (ownerId null); anything else is "not found". Built-in decks
// are never changed here: they are duplicated into an owned copy.
import { z } from "zod";
import { LOCALES, POINTS_KINDS, QUESTION_KINDS, type Locale } from "../../lib/contract";
import type { Deck, DeckSummary, StoredDeck } from "../../lib/deck";
import type { Db } from "./client";
import { numberList, parseJson, stringList } from "./json";

/** What a game is created from: the deck as saved, without the editor's `updatedAt`. */
export type PlayableDeck = Omit<StoredDeck, "updatedAt">;

/** What a change to a deck came to; "builtin" decks are read-only (403), others not found (404). */
export type DeckChange<T> = { ok: true; value: T } | { ok: false; reason: "not-found" | "builtin" };

const visibleTo = (userId: string) => ({ OR: [{ ownerId: userId }, { ownerId: null }] });

/** Case-insensitive title search, the same on both databases (SQLite's LIKE folds ASCII only). */
const fold = (text: string) => text.normalize("NFKC").toLowerCase();

/** What a copy's title gets, in the deck's own language. */
const COPY_SUFFIX: Record<Locale, string> = { en: " (copy)", ko: " (사본)" };
const MAX_TITLE = 200;

/** `title` + the copy suffix, the title cut (never inside a surrogate pair) so the whole fits 200. */
export function copyTitle(title: string, language: Locale): string {
  const suffix = COPY_SUFFIX[language];
  let kept = title.slice(0, MAX_TITLE - suffix.length);
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}${suffix}`;
}

function questionRows(deck: Deck) {
  return deck.questions.map((q, position) => ({
    position,
    kind: q.kind,
    text: q.text,
    options: JSON.stringify(q.options),
    correct: JSON.stringify(q.correct),
    timeLimitSec: q.timeLimitSec,
    points: q.points,
    explanation: q.explanation,
    rationales: JSON.stringify(q.rationales),
    tags: JSON.stringify(q.tags),
    imageUrl: q.imageUrl,
  }));
}

interface QuestionRow {
  kind: string;
  text: string;
  options: string;
  correct: string;
  timeLimitSec: number;
  points: string;
  explanation: string;
  rationales: string;
  tags: string;
  imageUrl: string | null;
}

const toQuestion = (q: QuestionRow): StoredDeck["questions"][number] => {
  const options = parseJson(stringList, q.options);
  const rationales = parseJson(stringList, q.rationales);
  return {
    kind: z.enum(QUESTION_KINDS).parse(q.kind),
    text: q.text,
    options,
    correct: parseJson(numberList, q.correct),
    timeLimitSec: q.timeLimitSec,
    points: z.enum(POINTS_KINDS).parse(q.points),
    explanation: q.explanation,
    // Rows written before rationales existed hold "[]": parallel to options all the same.
    rationales: options.map((_, i) => rationales[i] ?? ""),
    tags: parseJson(stringList, q.tags),
    imageUrl: q.imageUrl,
  };
};

export function createDeckRepository(db: Db) {
  async function get(userId: string, deckId: string): Promise<StoredDeck | null> {
    const deck = await db.deck.findFirst({
      where: { id: deckId, ...visibleTo(userId) },
      include: { questions: { orderBy: { position: "asc" } } },
    });
    if (!deck) return null;
    return {
      id: deck.id,
      title: deck.title,
      language: z.enum(LOCALES).parse(deck.language),
      description: deck.description,
      builtin: deck.ownerId === null,
      updatedAt: deck.updatedAt.toISOString(),
      questions: deck.questions.map(toQuestion),
    };
  }

  /** "builtin" when the deck is a built-in one (visible to all), "not-found" otherwise (missing, or another's). */
  async function whyNotOwned(deckId: string): Promise<"builtin" | "not-found"> {
    const builtin = await db.deck.count({ where: { id: deckId, ownerId: null } });
    return builtin > 0 ? "builtin" : "not-found";
  }

  async function create(ownerId: string | null, deck: Deck, builtinKey?: string): Promise<string> {
    // One nested create: the deck and all its questions land together or not at all.
    const created = await db.deck.create({
      data: {
        ownerId,
        builtinKey: builtinKey ?? null,
        title: deck.title,
        description: deck.description,
        language: deck.language,
        questions: { create: questionRows(deck) },
      },
      select: { id: true },
    });
    return created.id;
  }

  return {
    /**
     * The decks `userId` may see: built-in first (Korean, the course's language,
     * before English), then their own by last edit, newest first. `q` keeps the
     * titles containing it, case-insensitively (NFKC, Unicode lower case).
     * `timesPlayed` counts this instructor's games of each deck.
     */
    async list(userId: string, q = ""): Promise<DeckSummary[]> {
      const decks = await db.deck.findMany({
        where: visibleTo(userId),
        orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
        include: { _count: { select: { questions: true } } },
      });
      const needle = fold(q.trim());
      const shown = needle ? decks.filter((d) => fold(d.title).includes(needle)) : decks;
      const builtinRank = (d: { ownerId: string | null; language: string }) =>
        d.ownerId === null ? (d.language === "ko" ? 0 : 1) : 2;
      // A stable sort keeps the own decks' newest-first order from the query.
      shown.sort((a, b) => builtinRank(a) - builtinRank(b));
      const played = shown.length
        ? await db.game.groupBy({
            by: ["deckId"],
            where: { ownerId: userId, deckId: { in: shown.map((d) => d.id) } },
            _count: { _all: true },
          })
        : [];
      const timesPlayed = new Map(played.map((p) => [p.deckId, p._count._all]));
      return shown.map((d) => ({
        id: d.id,
        title: d.title,
        language: z.enum(LOCALES).parse(d.language),
        description: d.description,
        questionCount: d._count.questions,
        builtin: d.ownerId === null,
        createdAt: d.createdAt.toISOString(),
        updatedAt: d.updatedAt.toISOString(),
        timesPlayed: timesPlayed.get(d.id) ?? 0,
      }));
    },

    /** The deck with its questions (rationales parallel to options), if `userId` may see it. */
    get,

    /** The deck a game snapshots when it is created (the same read as `get`). */
    findVisible: (userId: string, deckId: string): Promise<PlayableDeck | null> => get(userId, deckId),

    /** Whether `userId` may change the deck: ok when it is theirs. */
    async access(userId: string, deckId: string): Promise<DeckChange<null>> {
      const owned = await db.deck.count({ where: { id: deckId, ownerId: userId } });
      return owned > 0 ? { ok: true, value: null } : { ok: false, reason: await whyNotOwned(deckId) };
    },

    /** Stores a new deck owned by `ownerId` (null and a key: a built-in deck); its id. */
    create,

    /**
     * Replaces an owned deck's fields and all its questions in one transaction: a
     * failure changes nothing. Games already created keep their own copy of the
     * questions, so past sessions are untouched.
     */
    async replace(userId: string, deckId: string, deck: Deck): Promise<DeckChange<StoredDeck>> {
      const owned = await db.deck.count({ where: { id: deckId, ownerId: userId } });
      if (owned === 0) return { ok: false, reason: await whyNotOwned(deckId) };
      // One batch transaction, every input already validated, so that only a database
      // fault can roll it back (on SQLite the one connection is shared with the live
      // games: keep what runs inside it short and certain).
      await db.$transaction([
        db.deck.update({
          where: { id: deckId, ownerId: userId },
          data: { title: deck.title, description: deck.description, language: deck.language },
        }),
        db.question.deleteMany({ where: { deckId } }),
        db.question.createMany({ data: questionRows(deck).map((row) => ({ ...row, deckId })) }),
      ]);
      const saved = await get(userId, deckId);
      return saved ? { ok: true, value: saved } : { ok: false, reason: "not-found" };
    },

    /** An owned copy of a visible deck (built-in ones too), titled "… (copy)"; its id. */
    async duplicate(userId: string, deckId: string): Promise<DeckChange<string>> {
      const source = await get(userId, deckId);
      if (!source) return { ok: false, reason: "not-found" };
      // Image ids are immutable, so the copy shares the original's images.
      const { title, language, description, questions } = source;
      return {
        ok: true,
        value: await create(userId, { title: copyTitle(title, language), language, description, questions }),
      };
    },

    /** Deletes an owned deck and its questions; games keep their snapshot (Game.deckId has no foreign key). */
    async remove(userId: string, deckId: string): Promise<DeckChange<null>> {
      const { count } = await db.deck.deleteMany({ where: { id: deckId, ownerId: userId } });
      return count > 0 ? { ok: true, value: null } : { ok: false, reason: await whyNotOwned(deckId) };
    },

    async hasBuiltin(builtinKey: string): Promise<boolean> {
      return (await db.deck.count({ where: { builtinKey } })) > 0;
    },
  };
}
export type DeckRepository = ReturnType<typeof createDeckRepository>;

/** The name tests/unit/game-directory.test.ts uses for a deck fake; prefer PlayableDeck. */
export type { PlayableDeck as StoredDeck };
