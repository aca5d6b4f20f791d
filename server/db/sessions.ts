// Sessions: every game as stored, read back for the history, the report, the
// dashboard's running games and a student's review. Owner-scoped in one place:
// another instructor's session is simply not found. The numbers themselves are
// computed by the pure builder (server/reports/session-report.ts).
import { z } from "zod";
import { LOCALES, PHASES } from "../../lib/contract";
import type { Review, RunningGame, SessionListQuery, SessionReport, SessionSummary } from "../../lib/reports";
import {
  buildReview,
  buildSessionReport,
  lastActivityAt,
  sessionStatus,
  summarizeSession,
  type StoredGame,
  type StoredSession,
} from "../reports/session-report";
import { hashReviewToken, reviewExpiresAt } from "../reviews/review-token";
import type { Db } from "./client";
import { questionList } from "./games";
import { parseJson, stringList } from "./json";

const standingEntries = z.array(
  z.object({
    playerId: z.string(),
    score: z.number().int(),
    rank: z.number().int().nullable(),
    correct: z.boolean(),
    points: z.number().int(),
    bonus: z.number().int(),
  }),
);

const gameColumns = {
  id: true,
  deckTitle: true,
  language: true,
  questions: true,
  phase: true,
  questionIndex: true,
  createdAt: true,
  startedAt: true,
  endedAt: true,
} as const;

interface GameColumns {
  id: string;
  deckTitle: string;
  language: string;
  questions: string;
  phase: string;
  questionIndex: number;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
}

function toStoredGame(row: GameColumns): StoredGame {
  return {
    ...row,
    language: z.enum(LOCALES).parse(row.language),
    phase: z.enum(PHASES).parse(row.phase),
    questions: parseJson(questionList, row.questions),
  };
}

/** Case-insensitive matching the same on both databases (SQLite's LIKE folds ASCII only). */
const fold = (text: string) => text.normalize("NFKC").toLowerCase();

/**
 * Ended games' reports, kept briefly: a whole class opens its review links at once,
 * and each would otherwise rebuild the same report. Few entries: a big game's report is large.
 */
const REVIEW_CACHE_MS = 60_000;
const REVIEW_CACHE_SIZE = 4;

function byGame<T extends { gameId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.gameId);
    if (group) group.push(row);
    else groups.set(row.gameId, [row]);
  }
  return groups;
}

export function createSessionRepository(db: Db) {
  const reviewCache = new Map<string, { report: SessionReport; at: number }>();

  /** Every stored row of one game, or null. */
  async function loadSession(where: { id: string; ownerId?: string }): Promise<StoredSession | null> {
    const game = await db.game.findFirst({ where, select: gameColumns });
    if (!game) return null;
    const [players, answers, standings] = await Promise.all([
      db.player.findMany({
        where: { gameId: game.id },
        select: { id: true, nickname: true, kicked: true, joinedAt: true },
        orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
      }),
      db.answer.findMany({
        where: { gameId: game.id },
        select: { playerId: true, questionIndex: true, optionIds: true, timeMs: true, createdAt: true },
      }),
      db.leaderboard.findMany({
        where: { gameId: game.id },
        select: { questionIndex: true, skipped: true, createdAt: true, entries: true },
      }),
    ]);
    return {
      game: toStoredGame(game),
      players,
      answers: answers.map((a) => ({ ...a, optionIds: parseJson(stringList, a.optionIds) })),
      standings: standings.map((s) => ({ ...s, entries: parseJson(standingEntries, s.entries) })),
    };
  }

  /** Summaries of these games, in the order of `ids`. */
  async function summaries(ids: string[], now: Date): Promise<SessionSummary[]> {
    if (ids.length === 0) return [];
    const where = { gameId: { in: ids } };
    const [games, players, answers, standings] = await Promise.all([
      db.game.findMany({ where: { id: { in: ids } }, select: gameColumns }),
      db.player.findMany({ where, select: { gameId: true, id: true, kicked: true, joinedAt: true } }),
      db.answer.findMany({
        where,
        select: { gameId: true, playerId: true, questionIndex: true, optionIds: true, createdAt: true },
      }),
      db.leaderboard.findMany({ where, select: { gameId: true, questionIndex: true, createdAt: true } }),
    ]);
    const byId = new Map(games.map((g) => [g.id, g]));
    const [playersOf, answersOf, standingsOf] = [byGame(players), byGame(answers), byGame(standings)];
    return ids.flatMap((id) => {
      const game = byId.get(id);
      if (!game) return [];
      const activity = {
        game: toStoredGame(game),
        players: playersOf.get(id) ?? [],
        answers: (answersOf.get(id) ?? []).map((a) => ({ ...a, optionIds: parseJson(stringList, a.optionIds) })),
        standings: standingsOf.get(id) ?? [],
      };
      return [summarizeSession(activity, now)];
    });
  }

  return {
    /**
     * The owner's sessions (every game, running or not), newest first (by creation),
     * one page of them, and how many match in all. `q` matches a part of the deck
     * title, case-insensitively (Unicode, NFKC) on both databases.
     */
    async list(
      ownerId: string,
      query: SessionListQuery,
      now = new Date(),
    ): Promise<{ total: number; sessions: SessionSummary[] }> {
      const skip = (query.page - 1) * query.pageSize;
      const orderBy = [{ createdAt: "desc" as const }, { id: "desc" as const }];
      if (!query.q) {
        const [total, page] = await Promise.all([
          db.game.count({ where: { ownerId } }),
          db.game.findMany({ where: { ownerId }, select: { id: true }, orderBy, skip, take: query.pageSize }),
        ]);
        return {
          total,
          sessions: await summaries(
            page.map((g) => g.id),
            now,
          ),
        };
      }
      // One instructor's titles are few (a game a lesson): folding them here is what
      // makes the search case-insensitive beyond ASCII on SQLite too.
      const needle = fold(query.q);
      const all = await db.game.findMany({ where: { ownerId }, select: { id: true, deckTitle: true }, orderBy });
      const matching = all.filter((g) => fold(g.deckTitle).includes(needle));
      const page = matching.slice(skip, skip + query.pageSize).map((g) => g.id);
      return { total: matching.length, sessions: await summaries(page, now) };
    },

    /** The owner's games that have not ended, newest first: the dashboard's "resume" list. */
    async running(ownerId: string, now = new Date()): Promise<RunningGame[]> {
      const games = await db.game.findMany({
        where: { ownerId, phase: { not: "ended" } },
        select: { ...gameColumns, pin: true, paused: true },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      });
      if (games.length === 0) return [];
      const where = { gameId: { in: games.map((g) => g.id) } };
      const [players, answers, standings] = await Promise.all([
        db.player.findMany({ where, select: { gameId: true, id: true, kicked: true, joinedAt: true } }),
        db.answer.groupBy({ by: ["gameId"], where, _max: { createdAt: true } }),
        db.leaderboard.groupBy({ by: ["gameId"], where, _max: { createdAt: true } }),
      ]);
      const latest = (date: Date | null | undefined) => (date ? [{ createdAt: date }] : []);
      return games.flatMap((row): RunningGame[] => {
        const game = toStoredGame(row);
        const phase = game.phase;
        if (phase === "ended") return [];
        const own = players.filter((p) => p.gameId === row.id);
        const last = lastActivityAt({
          game,
          players: own,
          answers: latest(answers.find((a) => a.gameId === row.id)?._max.createdAt),
          standings: latest(standings.find((s) => s.gameId === row.id)?._max.createdAt),
        });
        const status = sessionStatus(game, { lastActivityAt: last, revealed: [] }, now);
        return [
          {
            id: row.id,
            deckTitle: row.deckTitle,
            pin: row.pin,
            phase,
            paused: row.paused,
            questionIndex: row.questionIndex,
            questionCount: game.questions.length,
            playerCount: own.filter((p) => !p.kicked).length,
            language: game.language,
            createdAt: row.createdAt.toISOString(),
            startedAt: row.startedAt?.toISOString() ?? null,
            lastActivityAt: last.toISOString(),
            status: status === "interrupted" ? "interrupted" : "running",
          },
        ];
      });
    },

    /** The owner's session as a full report; null when there is none (or it is another's). */
    async report(ownerId: string, gameId: string, now = new Date()): Promise<SessionReport | null> {
      const rows = await loadSession({ id: gameId, ownerId });
      return rows ? buildSessionReport(rows, now) : null;
    },

    /**
     * Deletes an ended session with its players, answers and standings (the foreign
     * keys cascade). "running" for a game not ended: its live room still writes to it.
     */
    async remove(ownerId: string, gameId: string): Promise<"deleted" | "not-found" | "running"> {
      const deleted = await db.game.deleteMany({ where: { id: gameId, ownerId, phase: "ended" } });
      reviewCache.delete(gameId);
      if (deleted.count > 0) return "deleted";
      const exists = await db.game.count({ where: { id: gameId, ownerId } });
      return exists > 0 ? "running" : "not-found";
    },

    /**
     * A student's review by the token of their link: null (→ 404) for an unknown
     * token, a kicked player, a game not ended, or REVIEW_LINK_DAYS after its end.
     */
    async review(token: string, now = new Date()): Promise<Review | null> {
      const player = await db.player.findUnique({
        where: { reviewTokenHash: hashReviewToken(token) },
        select: { id: true, gameId: true, kicked: true, game: { select: { phase: true, endedAt: true } } },
      });
      if (!player || player.kicked || player.game.phase !== "ended" || !player.game.endedAt) return null;
      const expiresAt = reviewExpiresAt(player.game.endedAt);
      if (now >= expiresAt) return null;
      const cached = reviewCache.get(player.gameId);
      let report = cached && now.getTime() - cached.at < REVIEW_CACHE_MS ? cached.report : null;
      if (!report) {
        const rows = await loadSession({ id: player.gameId });
        if (!rows) return null;
        report = buildSessionReport(rows, now);
        if (reviewCache.size >= REVIEW_CACHE_SIZE) reviewCache.delete(reviewCache.keys().next().value ?? "");
        reviewCache.set(player.gameId, { report, at: now.getTime() });
      }
      return buildReview(report, player.id, expiresAt);
    },
  };
}
export type SessionRepository = ReturnType<typeof createSessionRepository>;
