// Decks and their questions. Visibility: an instructor sees their own decks and
// the built-in ones (ownerId null); anything else is "not found".
import type { Deck } from "../../lib/deck";
import type { QuestionDef } from "../game/types";
import type { Db } from "./client";
import { numberList, parseJson, stringList } from "./json";
import { QUESTION_KINDS, POINTS_KINDS, LOCALES } from "../../lib/contract";
import { z } from "zod";

export interface DeckSummary {
  id: string;
  title: string;
  language: string;
  description: string;
  questionCount: number;
  builtin: boolean;
}

export interface StoredDeck {
  id: string;
  title: string;
  language: (typeof LOCALES)[number];
  description: string;
  builtin: boolean;
  questions: QuestionDef[];
}

const visibleTo = (userId: string) => ({ OR: [{ ownerId: userId }, { ownerId: null }] });

export function createDeckRepository(db: Db) {
  return {
    async list(userId: string): Promise<DeckSummary[]> {
      const decks = await db.deck.findMany({
        where: visibleTo(userId),
        orderBy: { createdAt: "desc" },
        include: { _count: { select: { questions: true } } },
      });
      // Built-in course decks first (Korean, the course's language, before English),
      // then the instructor's own, newest first; the same order on both databases.
      const builtinRank = (d: { ownerId: string | null; language: string }) =>
        d.ownerId === null ? (d.language === "ko" ? 0 : 1) : 2;
      decks.sort((a, b) => builtinRank(a) - builtinRank(b));
      return decks.map((d) => ({
        id: d.id,
        title: d.title,
        language: d.language,
        description: d.description,
        questionCount: d._count.questions,
        builtin: d.ownerId === null,
      }));
    },

    async findVisible(userId: string, deckId: string): Promise<StoredDeck | null> {
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
        questions: deck.questions.map((q) => ({
          kind: z.enum(QUESTION_KINDS).parse(q.kind),
          text: q.text,
          options: parseJson(stringList, q.options),
          correct: parseJson(numberList, q.correct),
          timeLimitSec: q.timeLimitSec,
          points: z.enum(POINTS_KINDS).parse(q.points),
          explanation: q.explanation,
          rationales: parseJson(stringList, q.rationales),
          tags: parseJson(stringList, q.tags),
          imageUrl: q.imageUrl,
        })),
      };
    },

    /** One nested create: the deck and all its questions land together or not at all. */
    async create(ownerId: string | null, deck: Deck, builtinKey?: string): Promise<string> {
      const created = await db.deck.create({
        data: {
          ownerId,
          builtinKey: builtinKey ?? null,
          title: deck.title,
          description: deck.description,
          language: deck.language,
          questions: {
            create: deck.questions.map((q, position) => ({
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
            })),
          },
        },
        select: { id: true },
      });
      return created.id;
    },

    async hasBuiltin(builtinKey: string): Promise<boolean> {
      return (await db.deck.count({ where: { builtinKey } })) > 0;
    },
  };
}
export type DeckRepository = ReturnType<typeof createDeckRepository>;
