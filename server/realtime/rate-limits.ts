// Rate limits (R-RATE-LIMIT) with rate-limiter-flexible, in memory. Sized so that a
// whole game behind one NAT address (a campus, a company event) gets in within
// seconds, while a flood does not: floods are cut per socket, and PIN guessing by
// the wrong PINs per address.
import { RateLimiterMemory } from "rate-limiter-flexible";

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

export function createRateLimits({ maxPlayersPerGame }: RateLimitOptions) {
  return {
    // Sized to the game's capacity: a whole game may share one address. Floods are
    // cut per socket and wrong PINs per address below.
    joinPerIp: new RateLimiterMemory({ points: joinsPerIpWindow(maxPlayersPerGame), duration: JOIN_WINDOW_SEC }),
    joinPerSocket: new RateLimiterMemory({ points: 8, duration: JOIN_WINDOW_SEC }),
    /**
     * Wrong PINs per address: high enough that a classroom's typos (or one prankster)
     * do not lock the room out, low enough that sweeping a million PINs takes a week.
     */
    pinMissPerIp: new RateLimiterMemory({ points: 100, duration: 60, blockDuration: 60 }),
    answerPerSocket: new RateLimiterMemory({ points: 10, duration: 5 }),
    hostPerSocket: new RateLimiterMemory({ points: 30, duration: 5 }),
    importPerUser: new RateLimiterMemory({ points: 20, duration: 60 }),
  };
}
export type RateLimits = ReturnType<typeof createRateLimits>;

/** true when the key still has points left. */
export async function allow(limiter: RateLimiterMemory, key: string, cost = 1): Promise<boolean> {
  try {
    await limiter.consume(key, cost);
    return true;
  } catch {
    return false;
  }
}
