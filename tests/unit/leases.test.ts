// Game ownership leases (server/db/leases.ts) against real databases: a fresh SQLite
// file always, a scratch PostgreSQL database when TEST_POSTGRES_URL is set. Time is
// the test's clock (the repository compares stored expiries with the time it is
// given), the races are real: many acquirers at once on several connections.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../server/db/client";
import { createLeaseRepository } from "../../server/db/leases";
import { applyMigrations } from "../../server/db/migrate";
import { createScratchDatabase } from "../integration/support/scratch";

const POSTGRES_URL = process.env.TEST_POSTGRES_URL;
if (!POSTGRES_URL) console.warn("TEST_POSTGRES_URL is not set: the leases are tested on SQLite only.");

const TTL = 10_000;
const RACERS = 24;

interface Database {
  url: string;
  drop(): Promise<void>;
}

/**
 * Connections racing each other: separate clients on PostgreSQL, as separate servers
 * would be. SQLite is one server's file (a scale-out refuses it): one connection, as
 * the server has, with the racers' statements interleaving on it.
 */
const CONNECTIONS: Record<string, number> = { sqlite: 1, postgres: 4 };

async function sqlite(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), "quizroom-leases-"));
  return { url: `file:${join(dir, "leases.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function postgres(): Promise<Database> {
  return createScratchDatabase(POSTGRES_URL ?? "", "quizroom_leases");
}

const kinds: [string, () => Promise<Database>][] = [["sqlite", sqlite]];
if (POSTGRES_URL) kinds.push(["postgres", postgres]);

describe.each(kinds)("game leases on %s", (kind, make) => {
  let database: Database;
  let clients: Db[];
  let now = Date.parse("2026-11-30T09:00:00Z");
  const clock = { now: () => now };
  const repo = (i = 0) => createLeaseRepository(clients[i % clients.length] as Db, clock);

  beforeAll(async () => {
    database = await make();
    await applyMigrations(database.url);
    clients = await Promise.all(Array.from({ length: CONNECTIONS[kind] ?? 1 }, () => openDatabase(database.url)));
  }, 120_000);
  afterAll(async () => {
    await Promise.all((clients ?? []).map((c) => c.$disconnect()));
    await database?.drop();
  });

  it("the first acquirer gets epoch 1; a held lease cannot be acquired, even by its owner", async () => {
    const game = randomUUID();
    expect(await repo().acquire(game, "server-a", TTL)).toEqual({ epoch: 1 });
    expect(await repo(1).acquire(game, "server-b", TTL)).toBeNull();
    expect(await repo().acquire(game, "server-a", TTL)).toBeNull();
    expect(await repo().get(game)).toMatchObject({ ownerId: "server-a", epoch: 1, expiresAt: new Date(now + TTL) });
  });

  it("renew extends only the holder's unexpired lease under its epoch", async () => {
    const game = randomUUID();
    const { epoch } = (await repo().acquire(game, "server-a", TTL)) ?? { epoch: -1 };
    now += TTL - 1;
    expect(await repo().renew(game, "server-a", epoch, TTL)).toBe(true);
    expect((await repo().get(game))?.expiresAt).toEqual(new Date(now + TTL));
    expect(await repo().renew(game, "server-b", epoch, TTL)).toBe(false);
    expect(await repo().renew(game, "server-a", epoch + 1, TTL)).toBe(false);
    now += TTL; // expired now: the owner must acquire again, under a new epoch
    expect(await repo().renew(game, "server-a", epoch, TTL)).toBe(false);
    expect(await repo().acquire(game, "server-a", TTL)).toEqual({ epoch: epoch + 1 });
  });

  it("an expired lease goes to a new owner with the next epoch; the former owner is fenced off", async () => {
    const game = randomUUID();
    await repo().acquire(game, "server-a", TTL);
    now += TTL; // expiresAt == now: free
    expect(await repo(1).acquire(game, "server-b", TTL)).toEqual({ epoch: 2 });
    expect(await repo().renew(game, "server-a", 1, TTL)).toBe(false);
    expect(await repo().release(game, "server-a", 1)).toBe(false);
    expect(await repo().get(game)).toMatchObject({ ownerId: "server-b", epoch: 2 });
  });

  it("release frees the lease at once and keeps the epoch growing", async () => {
    const game = randomUUID();
    await repo().acquire(game, "server-a", TTL);
    expect(await repo().release(game, "server-a", 1)).toBe(true);
    expect(await repo().renew(game, "server-a", 1, TTL)).toBe(false);
    expect(await repo(2).acquire(game, "server-c", TTL)).toEqual({ epoch: 2 });
  });

  it(`a race of ${RACERS} acquirers has exactly one winner, for a new game and for an expired one`, async () => {
    const game = randomUUID();
    const race = () =>
      Promise.all(
        Array.from({ length: RACERS }, (_, i) =>
          repo(i)
            .acquire(game, `server-${i}`, TTL)
            .then((won) => ({ i, won })),
        ),
      );
    const first = (await race()).filter((r) => r.won);
    expect(first).toHaveLength(1);
    expect(first[0]?.won).toEqual({ epoch: 1 });
    expect((await repo().get(game))?.ownerId).toBe(`server-${first[0]?.i}`);

    now += TTL + 1;
    const second = (await race()).filter((r) => r.won);
    expect(second).toHaveLength(1);
    expect(second[0]?.won).toEqual({ epoch: 2 });
    expect((await repo().get(game))?.ownerId).toBe(`server-${second[0]?.i}`);
  });

  it("expiredOrFree lists the running games that are never leased, released or expired, not those held or ended", async () => {
    const db = clients[0] as Db;
    const owner = await db.user.create({
      data: { id: randomUUID(), name: "Owner", email: `${randomUUID()}@example.com` },
    });
    const newGame = async (phase: string) => {
      const id = randomUUID();
      await db.game.create({
        data: { id, pin: "123456", ownerId: owner.id, deckTitle: "Deck", language: "en", questions: "[]", phase },
      });
      return id;
    };
    const [never, held, expired, released, ended] = [
      await newGame("lobby"),
      await newGame("question"),
      await newGame("reveal"),
      await newGame("leaderboard"),
      await newGame("ended"),
    ];
    await repo().acquire(held, "server-a", TTL * 10);
    await repo().acquire(expired, "server-a", 1);
    await repo().release(released, "server-a", (await repo().acquire(released, "server-a", TTL))?.epoch ?? -1);
    await repo().acquire(ended, "server-a", 1);
    now += 2;
    const free = await repo().expiredOrFree(1_000);
    expect(free).toEqual(expect.arrayContaining([never, expired, released]));
    expect(free).not.toContain(held);
    expect(free).not.toContain(ended);
    expect(await repo().expiredOrFree(1)).toHaveLength(1);
  });
});
