// A rate limiter that every server of a scale-out counts alike: rate-limiter-flexible's
// Redis limiter on the shared connection, or its memory limiter on one server.
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { Redis } from "./redis";

/** Where the shared limiters keep their counters in Redis: `quizroom:rl:<limiter>:<key>`. */
export const REDIS_KEY_PREFIX = "quizroom:rl";

/**
 * A limiter counted by every server alike: in Redis when given (keys under
 * REDIS_KEY_PREFIX:name), with an in-memory limiter of the same size as insurance, so
 * a Redis outage falls back to per-server counting instead of refusing every event;
 * in memory without Redis.
 */
export function sharedLimiter(name: string, options: IRateLimiterOptions, redis?: Redis): RateLimiterAbstract {
  if (!redis) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    useRedisPackage: true,
    keyPrefix: `${REDIS_KEY_PREFIX}:${name}`,
    // A disconnected client goes straight to the insurance instead of failing each call.
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}
