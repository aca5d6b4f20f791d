// R-RATE-LIMIT on a scale-out: the per-address and per-instructor limits are counted
// in the shared Redis (TEST_REDIS_URL), so an address gets one budget whichever server
// it reaches; when Redis is unreachable each server falls back to its in-memory
// insurance instead of refusing everything. Real Redis, two connections standing for
// two servers.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allow, createRateLimits, joinsPerIpWindow } from "../../server/realtime/rate-limits";
import { REDIS_KEY_PREFIX } from "../../server/scale/limiter";
import { connectRedis, type RedisConnection } from "../../server/scale/redis";
import { freePort } from "../integration/support/scratch";

const REDIS_URL = process.env.TEST_REDIS_URL;
if (!REDIS_URL) console.warn("TEST_REDIS_URL is not set: the shared rate limits are not tested against Redis.");

/** An address no other run uses: the counters live in the shared Redis for a minute. */
const freshIp = () => `203.0.113.${randomBytes(4).toString("hex")}`;
const quiet = () => {};

async function passed(limiter: Parameters<typeof allow>[0], key: string, attempts: number): Promise<number> {
  let ok = 0;
  for (let i = 0; i < attempts; i += 1) if (await allow(limiter, key)) ok += 1;
  return ok;
}

describe.skipIf(!REDIS_URL)("shared rate limits (real Redis)", () => {
  let serverA: RedisConnection;
  let serverB: RedisConnection;
  beforeAll(async () => {
    serverA = await connectRedis(REDIS_URL ?? "", quiet);
    serverB = await connectRedis(REDIS_URL ?? "", quiet);
    expect(await serverA.ping(1_000)).toBe(true);
  });
  afterAll(() => {
    serverA?.close();
    serverB?.close();
  });

  it("R-RATE-LIMIT: wrong PINs from one address are counted across servers (100 a minute in all), then blocked on both", async () => {
    const a = createRateLimits({ maxPlayersPerGame: 2000, redis: serverA.client });
    const b = createRateLimits({ maxPlayersPerGame: 2000, redis: serverB.client });
    const ip = freshIp();
    expect(await passed(a.pinMissPerIp, ip, 60)).toBe(60);
    expect(await passed(b.pinMissPerIp, ip, 60)).toBe(40);
    expect(await allow(a.pinMissPerIp, ip)).toBe(false);
    // The handler reads the remaining points before counting a miss: the same on both.
    expect((await a.pinMissPerIp.get(ip))?.remainingPoints).toBe(0);
    expect((await b.pinMissPerIp.get(ip))?.remainingPoints).toBe(0);
    // Another address has its own budget.
    expect(await allow(b.pinMissPerIp, freshIp())).toBe(true);
    // The counter is Redis's, under the limiter's own prefix.
    expect(await serverA.client.exists(`${REDIS_KEY_PREFIX}:pin-miss-ip:${ip}`)).toBe(1);
  });

  it("R-RATE-LIMIT: the per-address join budget and the per-instructor import budget are one across servers", async () => {
    const a = createRateLimits({ maxPlayersPerGame: 1, redis: serverA.client });
    const b = createRateLimits({ maxPlayersPerGame: 1, redis: serverB.client });
    const ip = freshIp();
    const window = joinsPerIpWindow(1);
    expect(await a.joinPerIp.consume(ip, window - 1).then((r) => r.remainingPoints)).toBe(1);
    expect(await passed(b.joinPerIp, ip, 3)).toBe(1);

    const instructor = `user-${randomBytes(6).toString("hex")}`;
    expect(await passed(a.importPerUser, instructor, 15)).toBe(15);
    expect(await passed(b.importPerUser, instructor, 15)).toBe(5);
  });

  it("keeps the per-socket limits in memory: a socket lives on one server", async () => {
    const a = createRateLimits({ maxPlayersPerGame: 2000, redis: serverA.client });
    const b = createRateLimits({ maxPlayersPerGame: 2000, redis: serverB.client });
    expect(await passed(a.answerPerSocket, "same-socket-id", 12)).toBe(10);
    expect(await passed(b.answerPerSocket, "same-socket-id", 12)).toBe(10);
  });

  it("falls back to the in-memory insurance when Redis is unreachable: joins go on, the limit still holds per server", async () => {
    const closed = await freePort(); // nothing listens there
    const gone = await connectRedis(`redis://127.0.0.1:${closed}`, quiet);
    try {
      expect(await gone.ping(500)).toBe(false);
      const limits = createRateLimits({ maxPlayersPerGame: 2000, redis: gone.client });
      const ip = freshIp();
      const started = Date.now();
      expect(await passed(limits.pinMissPerIp, ip, 150)).toBe(100);
      expect(await passed(limits.joinPerIp, ip, 10)).toBe(10);
      // Straight to the insurance, not one wait per call for a connection.
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      gone.close();
    }
  });
});
