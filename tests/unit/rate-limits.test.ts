// R-RATE-LIMIT: the per-address join limit is sized to the game's capacity, while the
// per-socket and wrong-PIN limits stay as they were.
import { describe, expect, it } from "vitest";
import {
  allow,
  createRateLimits,
  JOIN_EVENTS_PER_STUDENT,
  joinsPerIpWindow,
  MIN_JOINS_PER_IP,
} from "../../server/realtime/rate-limits";

/** How many of `attempts` consumptions of one key the limiter lets through at once. */
async function passed(limiter: Parameters<typeof allow>[0], key: string, attempts: number): Promise<number> {
  let ok = 0;
  for (let i = 0; i < attempts; i += 1) if (await allow(limiter, key)) ok += 1;
  return ok;
}

describe("rate limits", () => {
  it("R-RATE-LIMIT: one address may check and join a whole game (with a retry each) in one window, and not one more", async () => {
    const limits = createRateLimits({ maxPlayersPerGame: 2000 });
    expect(joinsPerIpWindow(2000)).toBe(6000);
    expect(await passed(limits.joinPerIp, "10.0.0.1", 6001)).toBe(2000 * JOIN_EVENTS_PER_STUDENT);
    // Another address has its own budget.
    expect(await allow(limits.joinPerIp, "10.0.0.2")).toBe(true);
  });

  it("R-RATE-LIMIT: the per-address join limit follows MAX_PLAYERS_PER_GAME, never below the lecture-hall floor", () => {
    expect(joinsPerIpWindow(10_000)).toBe(30_000);
    expect(joinsPerIpWindow(300)).toBe(900);
    expect(joinsPerIpWindow(100)).toBe(MIN_JOINS_PER_IP);
    expect(joinsPerIpWindow(1)).toBe(MIN_JOINS_PER_IP);
  });

  it("R-RATE-LIMIT: floods are still cut per socket (8 joins per 10 s) and by wrong PINs per address (100 a minute)", async () => {
    const limits = createRateLimits({ maxPlayersPerGame: 10_000 });
    expect(await passed(limits.joinPerSocket, "socket-1", 20)).toBe(8);
    expect(await passed(limits.pinMissPerIp, "10.0.0.1", 150)).toBe(100);
  });
});
