// The SQLite live writer (server/db/sqlite-live-writes.ts): players and answers
// written by a worker thread on its own connection to a real, migrated SQLite file,
// read back through Prisma as a restart reads them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, openLiveWrites, type Db } from "../../server/db/client";
import { createGameRepository, type GameRepository } from "../../server/db/games";
import { applyMigrations } from "../../server/db/migrate";
import type { SqliteLiveWrites } from "../../server/db/sqlite-live-writes";

const OWNER = "owner-1";

describe("SQLite live writes (worker thread)", () => {
  let dir: string;
  let db: Db;
  let liveWrites: SqliteLiveWrites;
  let games: GameRepository;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "quizroom-live-writes-"));
    const url = `file:${join(dir, "live.db")}`;
    await applyMigrations(url);
    db = await openDatabase(url);
    const opened = openLiveWrites(url);
    if (!opened) throw new Error("SQLite must have a live writer");
    liveWrites = opened;
    games = createGameRepository(db, { reviewSecret: "s".repeat(48), liveWrites });
    await db.user.create({ data: { id: OWNER, name: "Owner", email: "owner@example.com" } });
    for (const id of ["g1", "g2"]) {
      await games.create({
        id,
        pin: id === "g1" ? "111111" : "222222",
        ownerId: OWNER,
        deckId: "deck",
        deckTitle: "Deck",
        language: "en",
        questions: [],
      });
    }
  }, 60_000);

  afterAll(async () => {
    await liveWrites?.close();
    await db?.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  const player = (gameId: string, n: number) => ({
    id: `${gameId}-p${n}`,
    gameId,
    nickname: `Player ${n}`,
    nicknameKey: `player ${n}`,
    tokenHash: `${gameId}-hash-${n}`,
  });

  it("R-PERSIST-BEFORE-ACK: rows are stored when the promise resolves, and Prisma reads them back whole", async () => {
    const before = Date.now();
    await games.insertPlayers([player("g1", 1), player("g1", 2)]);
    await games.insertAnswers([
      { gameId: "g1", playerId: "g1-p1", questionIndex: 0, optionIds: ["b", "a"], timeMs: 1234 },
    ]);

    const [running] = (await games.loadRunning()).filter((g) => g.id === "g1");
    expect(running?.players).toEqual([
      { id: "g1-p1", nickname: "Player 1", nicknameKey: "player 1", kicked: false },
      { id: "g1-p2", nickname: "Player 2", nicknameKey: "player 2", kicked: false },
    ]);
    expect(running?.answers).toEqual([
      { gameId: "g1", playerId: "g1-p1", questionIndex: 0, optionIds: ["b", "a"], timeMs: 1234 },
    ]);
    const stored = await db.player.findUniqueOrThrow({ where: { id: "g1-p1" } });
    expect(stored.joinedAt).toBeInstanceOf(Date);
    expect(stored.joinedAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(stored.reviewTokenHash).toMatch(/^[0-9a-f]{64}$/);
    const answer = await db.answer.findFirstOrThrow({ where: { playerId: "g1-p1" } });
    expect(answer.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1);
  });

  it("a caller's failing rows fail alone: the other games' rows in the same batch are stored", async () => {
    await games.insertPlayers([player("g2", 1)]);
    await games.insertAnswers([{ gameId: "g2", playerId: "g2-p1", questionIndex: 0, optionIds: ["a"], timeMs: 10 }]);

    // Asked in the same turn: the first goes to the idle worker at once, the other
    // three wait and share the next transaction. Among them a second answer to the
    // same question (UNIQUE) and an answer from a player who does not exist (FOREIGN KEY).
    const results = await Promise.allSettled([
      games.insertAnswers([{ gameId: "g2", playerId: "g2-p1", questionIndex: 0, optionIds: ["c"], timeMs: 20 }]),
      games.insertAnswers([{ gameId: "g1", playerId: "g1-p2", questionIndex: 0, optionIds: ["a"], timeMs: 30 }]),
      games.insertAnswers([{ gameId: "g2", playerId: "nobody", questionIndex: 0, optionIds: ["a"], timeMs: 40 }]),
      games.insertPlayers([player("g2", 2), { ...player("g2", 3), nicknameKey: "player 1" }]),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "rejected", "rejected"]);
    expect(String((results[0] as PromiseRejectedResult).reason)).toContain("UNIQUE");
    expect(String((results[2] as PromiseRejectedResult).reason)).toContain("FOREIGN KEY");

    const answers = await db.answer.findMany({ orderBy: { timeMs: "asc" } });
    expect(answers.map((a) => [a.playerId, a.questionIndex, a.optionIds])).toEqual([
      ["g2-p1", 0, '["a"]'],
      ["g1-p2", 0, '["a"]'],
      ["g1-p1", 0, '["b","a"]'],
    ]);
    // The players' job was one caller: its valid row is not stored without the other.
    expect(await db.player.count({ where: { gameId: "g2" } })).toBe(1);
  });

  it("R-RESTART: the phase, the clock, the standings and a kick are written as a restart reads them", async () => {
    const snapshot = { questionIndex: 0, paused: false, locked: true, skipped: false };
    await games.savePhase(
      "g1",
      { ...snapshot, phase: "question", timeLeftMs: 9_000 },
      new Date("2026-01-01T10:00:00Z"),
    );
    await games.heartbeat("g1", 7_500, new Date("2026-01-01T10:00:01.5Z"));
    const opened = await db.game.findUniqueOrThrow({ where: { id: "g1" } });
    expect(opened).toMatchObject({
      phase: "question",
      questionIndex: 0,
      locked: true,
      paused: false,
      timeLeftMs: 7_500,
    });
    expect(opened.heartbeatAt.toISOString()).toBe("2026-01-01T10:00:01.500Z");
    expect(opened.startedAt?.toISOString()).toBe("2026-01-01T10:00:00.000Z");

    // Saved again (a pause): the start time stays.
    await games.savePhase(
      "g1",
      { ...snapshot, phase: "question", paused: true, timeLeftMs: 7_000 },
      new Date("2026-01-01T10:00:02Z"),
    );
    const standing = { playerId: "g1-p1", score: 900, rank: 1, streak: 1, correct: true, points: 900, bonus: 0 };
    await games.saveStandings("g1", 0, false, [standing]);
    await games.saveStandings("g1", 0, true, [{ ...standing, score: 0, points: 0 }]);
    await games.kickPlayer("g1-p2");
    await games.savePhase("g1", { ...snapshot, phase: "ended", timeLeftMs: null }, new Date("2026-01-01T10:05:00Z"));
    await games.savePhase("g1", { ...snapshot, phase: "ended", timeLeftMs: null }, new Date("2026-01-01T10:06:00Z"));

    const ended = await games.loadEnded("g1", new Date("2026-01-01T00:00:00Z"));
    expect(ended).toMatchObject({ phase: "ended", paused: false, locked: true, skipped: false, timeLeftMs: null });
    expect(ended?.players.map((p) => [p.id, p.kicked])).toEqual([
      ["g1-p1", false],
      ["g1-p2", true],
    ]);
    expect(ended?.closedQuestions).toHaveLength(1);
    const row = await db.game.findUniqueOrThrow({ where: { id: "g1" } });
    expect(row.startedAt?.toISOString()).toBe("2026-01-01T10:00:00.000Z");
    expect(row.endedAt?.toISOString()).toBe("2026-01-01T10:05:00.000Z");
    const boards = await db.leaderboard.findMany({ where: { gameId: "g1" } });
    expect(boards.map((b) => [b.questionIndex, b.skipped, JSON.parse(b.entries)[0].score])).toEqual([[0, true, 0]]);

    // As Prisma's update: a game or a player that is not there is an error.
    await expect(games.heartbeat("nope", 1, new Date())).rejects.toThrow("not found");
    await expect(games.kickPlayer("nobody")).rejects.toThrow("not found");
  });

  it("many games writing at once: every row stored once, and close() waits for what is queued", async () => {
    const writes: Promise<void>[] = [];
    for (let n = 10; n < 210; n++) {
      writes.push(games.insertPlayers([player(n % 2 ? "g1" : "g2", n)]));
    }
    const closing = liveWrites.close();
    await Promise.all(writes);
    await closing;
    expect(await db.player.count()).toBe(3 + 200);
    await expect(games.insertPlayers([player("g1", 999)])).rejects.toThrow("closed");
  });
});
