// Game ownership leases: while several servers share one database, one server at a
// time runs a game. A lease is held until `expiresAt` and renewed before then; a
// lease past its time (or released) is free for any server to take. Every new owner
// gets the next `epoch`, a fencing token: a write that carries an older epoch comes
// from a server that lost the game (paused, cut off) and must be refused.
//
// Each operation that decides ownership is one conditional statement (an INSERT
// on the primary key, or an UPDATE … WHERE on the expiry), so two servers racing for
// the same game can never both win, on SQLite or PostgreSQL. Rows are never deleted:
// the epoch of a game only ever grows.
import type { Db } from "./client";

export interface GameLease {
  gameId: string;
  /** The owning server's id. */
  ownerId: string;
  /** 1 for the first owner, +1 for each new owner since. */
  epoch: number;
  expiresAt: Date;
}

/** Prisma's unique-constraint violation: the row was created by someone else first. */
const isUniqueViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";

export function createLeaseRepository(db: Db, clock: { now: () => number } = { now: () => Date.now() }) {
  const until = (ttlMs: number) => new Date(clock.now() + ttlMs);

  return {
    /**
     * Takes the game for `ownerId` for `ttlMs` when its lease is free (never held,
     * released, or expired).
     * @returns the new epoch, or null when another server (or this one) holds it now.
     */
    async acquire(gameId: string, ownerId: string, ttlMs: number): Promise<{ epoch: number } | null> {
      try {
        await db.gameLease.create({ data: { gameId, ownerId, epoch: 1, expiresAt: until(ttlMs) } });
        return { epoch: 1 };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      // The row exists: take it only if it is free, in one UPDATE … WHERE (Prisma's
      // updateManyAndReturn is a transaction on SQLite, which deadlocks between connections).
      const expiresAt = until(ttlMs);
      const { count } = await db.gameLease.updateMany({
        where: { gameId, expiresAt: { lte: new Date(clock.now()) } },
        data: { ownerId, epoch: { increment: 1 }, expiresAt },
      });
      if (count !== 1) return null;
      // Ours until expiresAt: nobody else can change the row before then, so this reads
      // our epoch (unless the lease has already run out and been taken: then not ours).
      const row = await db.gameLease.findUnique({ where: { gameId } });
      return row && row.ownerId === ownerId && row.expiresAt.getTime() === expiresAt.getTime()
        ? { epoch: row.epoch }
        : null;
    },

    /**
     * Extends the lease by `ttlMs` from now, if `ownerId` still holds it under `epoch`
     * and it has not expired (an expired lease is acquired again, with a new epoch).
     * @returns false when the lease was lost: stop running the game.
     */
    async renew(gameId: string, ownerId: string, epoch: number, ttlMs: number): Promise<boolean> {
      const { count } = await db.gameLease.updateMany({
        where: { gameId, ownerId, epoch, expiresAt: { gt: new Date(clock.now()) } },
        data: { expiresAt: until(ttlMs) },
      });
      return count === 1;
    },

    /**
     * Frees the lease at once (a clean shutdown handing games over), if `ownerId`
     * still holds it under `epoch`. The row stays, so the next owner's epoch is higher.
     * @returns whether it was released (false: it had already been lost).
     */
    async release(gameId: string, ownerId: string, epoch: number): Promise<boolean> {
      const { count } = await db.gameLease.updateMany({
        where: { gameId, ownerId, epoch },
        data: { expiresAt: new Date(0) },
      });
      return count === 1;
    },

    /** The lease of a game as stored, or null when it never had one. */
    async get(gameId: string): Promise<GameLease | null> {
      return db.gameLease.findUnique({ where: { gameId } });
    },

    /**
     * The running games (not ended) whose lease is free: never held, released or
     * expired, oldest expiry first; the candidates for a server to take over. Only
     * advisory: `acquire` decides.
     * @param limit at most this many ids (default 100).
     */
    async expiredOrFree(limit = 100): Promise<string[]> {
      const now = new Date(clock.now());
      const expired = await db.gameLease.findMany({
        where: { expiresAt: { lte: now } },
        orderBy: { expiresAt: "asc" },
        select: { gameId: true },
      });
      const running = await db.game.findMany({ where: { phase: { not: "ended" } }, select: { id: true } });
      const runningIds = new Set(running.map((g) => g.id));
      const leased = await db.gameLease.findMany({
        where: { gameId: { in: [...runningIds] } },
        select: { gameId: true },
      });
      const everLeased = new Set(leased.map((l) => l.gameId));
      const neverLeased = [...runningIds].filter((id) => !everLeased.has(id));
      const expiredRunning = expired.map((l) => l.gameId).filter((id) => runningIds.has(id));
      return [...neverLeased, ...expiredRunning].slice(0, limit);
    },
  };
}
export type LeaseRepository = ReturnType<typeof createLeaseRepository>;
