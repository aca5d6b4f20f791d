// Rate limits (R-RATE-LIMIT) with rate-limiter-flexible, in memory. Sized so that a
// classroom behind one NAT address (60 joins in 10 s, and far more) gets in while a flood does not.
import { RateLimiterMemory } from "rate-limiter-flexible";

export function createRateLimits() {
  return {
    // Generous: a whole lecture hall may share one address; floods are cut per socket
    // and wrong PINs per address below.
    joinPerIp: new RateLimiterMemory({ points: 500, duration: 10 }),
    joinPerSocket: new RateLimiterMemory({ points: 8, duration: 10 }),
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
