// Rate limits (R-RATE-LIMIT) with rate-limiter-flexible: in memory on one server; with
// REDIS_URL the per-address and per-instructor ones are counted in Redis, shared by
// every server. Sized so that a whole game behind one NAT address (a campus, a company
// event) gets in within seconds, while a flood does not: floods are cut per socket,
// and PIN guessing by the wrong PINs per address.
import { RateLimiterMemory, type RateLimiterAbstract } from "rate-limiter-flexible";
import { sharedLimiter } from "../scale/limiter";
import type { Redis } from "../scale/redis";

/** The window of the join limits, in seconds. */
export const JOIN_WINDOW_SEC = 10;
/**
 * Joining costs one address up to this many counted events per student: the PIN
 * `check` before the nickname step, the `join`, and one retry (a taken nickname).
 */
export const JOIN_EVENTS_PER_STUDENT = 3;
/** The per-address join limit never drops below this (a small MAX_PLAYERS_PER_GAME still fits a lecture hall). */
export const MIN_JOINS_PER_IP = 500;

export interface RateLimitOptions {
  /** MAX_PLAYERS_PER_GAME: the largest game one address may have to fill. */
  maxPlayersPerGame: number;
  /** The scale-out connection (REDIS_URL): the limits every server must share are counted there. */
  redis?: Redis;
}

/**
 * How many `check`/`join` events one address may send per JOIN_WINDOW_SEC: enough
 * for a full game to join from one address inside one window (every student's
 * check, join and a retry), and never less than MIN_JOINS_PER_IP. With the default
 * 2,000 players: 6,000 per 10 s.
 */
export function joinsPerIpWindow(maxPlayersPerGame: number): number {
  return Math.max(MIN_JOINS_PER_IP, JOIN_EVENTS_PER_STUDENT * maxPlayersPerGame);
}

/**
 * Every limit of the sockets and the deck import. The per-address and per-instructor
 * limits are shared through `redis` when given (one address may reach any server); the
 * per-socket ones stay in memory either way: a socket lives on one server, and an
 * answer should not wait for a Redis round trip.
 */
export function createRateLimits({ maxPlayersPerGame, redis }: RateLimitOptions) {
  return {
    // Sized to the game's capacity: a whole game may share one address. Floods are
    // cut per socket and wrong PINs per address below.
    joinPerIp: sharedLimiter(
      "join-ip",
      { points: joinsPerIpWindow(maxPlayersPerGame), duration: JOIN_WINDOW_SEC },
      redis,
    ),
    joinPerSocket: new RateLimiterMemory({ points: 8, duration: JOIN_WINDOW_SEC }),
    /**
     * Wrong PINs per address: high enough that a classroom's typos (or one prankster)
     * do not lock the room out, low enough that sweeping a million PINs takes a week.
     */
    pinMissPerIp: sharedLimiter("pin-miss-ip", { points: 100, duration: 60, blockDuration: 60 }, redis),
    answerPerSocket: new RateLimiterMemory({ points: 10, duration: 5 }),
    hostPerSocket: new RateLimiterMemory({ points: 30, duration: 5 }),
    importPerUser: sharedLimiter("import-user", { points: 20, duration: 60 }, redis),
  };
}
export type RateLimits = ReturnType<typeof createRateLimits>;

/**
 * true when the key still had `cost` points left (and now has them spent); false when
 * over the limit, or when a store without insurance failed.
 */
export async function allow(limiter: RateLimiterAbstract, key: string, cost = 1): Promise<boolean> {
  try {
    await limiter.consume(key, cost);
    return true;
  } catch {
    return false;
  }
}
