// Live games as stored: the game row (phase, clock at the last heartbeat), its
// players, every accepted answer (UNIQUE per player and question) and a standings
// snapshot per closed question. Enough to rebuild a running game after a restart.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { LOCALES, PHASES, POINTS_KINDS, QUESTION_KINDS } from "../../lib/contract";
import type { Phase } from "../../lib/contract";
import type { ClosedQuestion } from "../game/engine";
import type { QuestionDef } from "../game/types";
import type { Db } from "./client";
import { parseJson, stringList } from "./json";
import { hashReviewToken, reviewTokenFor } from "../reviews/review-token";
import { sqliteTimestamp } from "./live-writes-messages";
import type { SqliteLiveWrites } from "./sqlite-live-writes";

/** The deck snapshot stored on a game row (Game.questions). */
export const questionList = z.array(
  z
    .object({
      kind: z.enum(QUESTION_KINDS),
      text: z.string(),
      options: z.array(z.string()),
      correct: z.array(z.number().int()),
      timeLimitSec: z.number().int(),
      points: z.enum(POINTS_KINDS),
      explanation: z.string(),
      // absent from games stored before rationales existed
      rationales: z.array(z.string()).default([]),
      tags: z.array(z.string()),
      imageUrl: z.string().nullable(),
    })
    .transform((q) => ({ ...q, rationales: q.options.map((_, i) => q.rationales[i] ?? "") })),
);

export interface NewGame {
  id: string;
  pin: string;
  ownerId: string;
  deckId: string;
  deckTitle: string;
  language: (typeof LOCALES)[number];
  questions: QuestionDef[];
}

export interface PhaseSnapshot {
  phase: Phase;
  questionIndex: number;
  paused: boolean;
  locked: boolean;
  skipped: boolean;
  timeLeftMs: number | null;
}

/** A player as the room stores it at join: the rejoin token only as its hash. */
export interface PlayerRow {
  id: string;
  gameId: string;
  nickname: string;
  nicknameKey: string;
  tokenHash: string;
}

export interface AnswerRow {
  gameId: string;
  playerId: string;
  questionIndex: number;
  optionIds: string[];
  timeMs: number;
}

export interface StandingRow {
  playerId: string;
  score: number;
  rank: number | null;
  streak: number;
  correct: boolean;
  points: number;
  bonus: number;
}

export interface StoredGame extends NewGame, PhaseSnapshot {
  players: { id: string; nickname: string; nicknameKey: string; kicked: boolean }[];
  answers: AnswerRow[];
  closedQuestions: ClosedQuestion[];
}

/** The stored standings of a closed question: who was in the game then. */
const standingPlayers = z.array(z.looseObject({ playerId: z.string() }));

export interface GameRepositoryOptions {
  /**
   * The server's session secret: each player's review-token hash is derived from it
   * when the player is stored (server/reviews/review-token.ts).
   */
  reviewSecret: string;
  /**
   * On SQLite, the worker thread that writes running games (players, answers, phase,
   * clock, standings, kicks), so neither a commit's wait for the disk nor a wait for
   * the write lock blocks the event loop; absent on PostgreSQL, whose writes already
   * wait off the main thread.
   */
  liveWrites?: SqliteLiveWrites;
}

export function createGameRepository(db: Db, options: GameRepositoryOptions) {
  // Players are read back in join order (`joinedAt`): each stored player gets a time
  // strictly after the last one's, so joins of the same tick never tie (a tie would
  // come back in index order after a restart). Ahead of the clock by at most 1 ms a join.
  let lastJoinedAt = 0;
  const nextJoinedAt = () => (lastJoinedAt = Math.max(Date.now(), lastJoinedAt + 1));
  /** Games matching `where`, whole: players in join order, every answer, every closed question's standings. */
  async function loadGames(where: NonNullable<Parameters<Db["game"]["findMany"]>[0]>["where"]): Promise<StoredGame[]> {
    const games = await db.game.findMany({
      where,
      include: {
        players: { orderBy: { joinedAt: "asc" } },
        answers: true,
        leaderboards: { select: { questionIndex: true, skipped: true, entries: true } },
      },
    });
    return games.map((g) => ({
      id: g.id,
      pin: g.pin,
      ownerId: g.ownerId,
      deckId: g.deckId ?? "",
      deckTitle: g.deckTitle,
      language: z.enum(LOCALES).parse(g.language),
      questions: parseJson(questionList, g.questions),
      phase: z.enum(PHASES).parse(g.phase),
      questionIndex: g.questionIndex,
      paused: g.paused,
      locked: g.locked,
      skipped: g.skipped,
      timeLeftMs: g.timeLeftMs,
      players: g.players.map((p) => ({
        id: p.id,
        nickname: p.nickname,
        nicknameKey: p.nicknameKey,
        kicked: p.kicked,
      })),
      answers: g.answers.map((a) => ({
        gameId: a.gameId,
        playerId: a.playerId,
        questionIndex: a.questionIndex,
        optionIds: parseJson(stringList, a.optionIds),
        timeMs: a.timeMs,
      })),
      closedQuestions: g.leaderboards.map((l) => ({
        index: l.questionIndex,
        skipped: l.skipped,
        playerIds: parseJson(standingPlayers, l.entries).map((e) => e.playerId),
      })),
    }));
  }

  return {
    async create(game: NewGame): Promise<void> {
      await db.game.create({
        data: {
          id: game.id,
          pin: game.pin,
          ownerId: game.ownerId,
          deckId: game.deckId,
          deckTitle: game.deckTitle,
          language: game.language,
          questions: JSON.stringify(game.questions),
          phase: "lobby",
        },
      });
    },

    /** Whether a game with this PIN ended at or after `since` (a PIN is reused only once its game has ended). */
    async endedWithPinSince(pin: string, since: Date): Promise<boolean> {
      return (await db.game.count({ where: { pin, phase: "ended", endedAt: { gte: since } } })) > 0;
    },

    async pinInUse(pin: string): Promise<boolean> {
      return (await db.game.count({ where: { pin, phase: { not: "ended" } } })) > 0;
    },

    async ownerOf(gameId: string): Promise<string | null> {
      const game = await db.game.findUnique({ where: { id: gameId }, select: { ownerId: true } });
      return game?.ownerId ?? null;
    },

    async savePhase(gameId: string, snapshot: PhaseSnapshot, now: Date): Promise<void> {
      if (options.liveWrites) {
        const started = snapshot.phase === "question" && snapshot.questionIndex === 0;
        const row = { gameId, ...snapshot, at: sqliteTimestamp(now), started, ended: snapshot.phase === "ended" };
        return options.liveWrites.write({ kind: "phase", row });
      }
      await db.game.update({ where: { id: gameId }, data: { ...snapshot, heartbeatAt: now } });
      // The first save of the start and of the end sets their times; later saves of
      // the same phase (a pause, a restore, a shutdown) must not move them.
      if (snapshot.phase === "question" && snapshot.questionIndex === 0) {
        await db.game.updateMany({ where: { id: gameId, startedAt: null }, data: { startedAt: now } });
      }
      if (snapshot.phase === "ended") {
        await db.game.updateMany({ where: { id: gameId, endedAt: null }, data: { endedAt: now } });
      }
    },

    /** The open question's clock, so a crash loses at most one beat of it. */
    async heartbeat(gameId: string, timeLeftMs: number, now: Date): Promise<void> {
      if (options.liveWrites) {
        return options.liveWrites.write({ kind: "heartbeat", row: { gameId, timeLeftMs, at: sqliteTimestamp(now) } });
      }
      await db.game.update({ where: { id: gameId }, data: { timeLeftMs, heartbeatAt: now } });
    },

    /** Players who joined in the same tick, in one insert: all stored or none. */
    async insertPlayers(players: PlayerRow[]): Promise<void> {
      if (players.length === 0) return;
      // The review token is bound to the player's id, so its hash is known now; the
      // token itself is derived again when the game ends (never stored).
      const rows = players.map((player) => ({
        ...player,
        reviewTokenHash: hashReviewToken(reviewTokenFor(options.reviewSecret, player.id)),
      }));
      if (options.liveWrites) {
        const stamped = rows.map((row) => ({ ...row, joinedAt: sqliteTimestamp(new Date(nextJoinedAt())) }));
        return options.liveWrites.write({ kind: "players", rows: stamped });
      }
      await db.player.createMany({ data: rows });
    },

    async kickPlayer(playerId: string): Promise<void> {
      if (options.liveWrites) return options.liveWrites.write({ kind: "kick", row: { playerId } });
      await db.player.update({ where: { id: playerId }, data: { kicked: true } });
    },

    async findPlayerByTokenHash(tokenHash: string) {
      return db.player.findUnique({
        where: { tokenHash },
        select: { id: true, gameId: true, kicked: true },
      });
    },

    /** One statement for a whole batch of answers: written before any of them is acknowledged. */
    async insertAnswers(rows: AnswerRow[]): Promise<void> {
      if (rows.length === 0) return;
      const data = rows.map((r) => ({ ...r, optionIds: JSON.stringify(r.optionIds) }));
      if (options.liveWrites) {
        const createdAt = sqliteTimestamp(new Date());
        return options.liveWrites.write({
          kind: "answers",
          rows: data.map((row) => ({ ...row, id: randomUUID(), createdAt })),
        });
      }
      await db.answer.createMany({ data });
    },

    async saveStandings(gameId: string, questionIndex: number, skipped: boolean, entries: StandingRow[]) {
      if (options.liveWrites) {
        const row = { id: randomUUID(), gameId, questionIndex, skipped, entries: JSON.stringify(entries) };
        return options.liveWrites.write({ kind: "standings", row: { ...row, at: sqliteTimestamp(new Date()) } });
      }
      await db.leaderboard.upsert({
        where: { gameId_questionIndex: { gameId, questionIndex } },
        create: { gameId, questionIndex, skipped, entries: JSON.stringify(entries) },
        update: { skipped, entries: JSON.stringify(entries) },
      });
    },

    /** Every game that was not ended: the ones a restarted server must bring back. */
    async loadRunning(): Promise<StoredGame[]> {
      return loadGames({ phase: { not: "ended" } });
    },

    /**
     * One game that ended at or after `since`, whole (players, answers, standings),
     * to rebuild its final screens once its room has been released; null for a game
     * that is unknown, not ended, or ended before `since`.
     */
    async loadEnded(gameId: string, since: Date): Promise<StoredGame | null> {
      const [game] = await loadGames({ id: gameId, phase: "ended", endedAt: { gte: since } });
      return game ?? null;
    },
  };
}
export type GameRepository = ReturnType<typeof createGameRepository>;
