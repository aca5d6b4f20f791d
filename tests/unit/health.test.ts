// GET /healthz: 200 `ok` when healthy (the public contract), 503 naming what is down,
// JSON with ?detail=1; a dependency that hangs counts as down after the timeout.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { HEALTH_CHECK_TIMEOUT_MS, healthHandler, type HealthDeps } from "../../server/http/health";

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(deps: HealthDeps): Promise<string> {
  const handle = healthHandler(deps);
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
}

const up = () => Promise.resolve();
const hangs = () => new Promise<never>(() => {});

describe("/healthz", () => {
  it("answers 200 `ok` when the database answers and there is no Redis; detail says redis off", async () => {
    const url = await serve({ pingDatabase: up });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
    const detail = await fetch(`${url}?detail=1`);
    expect(detail.status).toBe(200);
    expect(await detail.json()).toEqual({ ok: true, database: "ok", redis: "off" });
  });

  it("answers 503 naming the database when its query fails", async () => {
    const url = await serve({
      pingDatabase: () => Promise.reject(new Error("ECONNREFUSED")),
      pingRedis: async () => true,
    });
    const res = await fetch(url);
    expect(res.status).toBe(503);
    expect(await res.text()).toBe("database unreachable");
    expect(await (await fetch(`${url}?detail=1`)).json()).toEqual({ ok: false, database: "down", redis: "ok" });
  });

  it("gives up on a hanging database after the timeout, and names Redis when it does not answer", async () => {
    const url = await serve({ pingDatabase: hangs, pingRedis: async () => false });
    const started = Date.now();
    const res = await fetch(url);
    const took = Date.now() - started;
    expect(res.status).toBe(503);
    expect(await res.text()).toBe("database unreachable, redis unreachable");
    expect(took).toBeGreaterThanOrEqual(HEALTH_CHECK_TIMEOUT_MS - 50);
    expect(took).toBeLessThan(HEALTH_CHECK_TIMEOUT_MS + 1_500);
  });

  it("is 503 `redis unreachable` when only Redis is down", async () => {
    const url = await serve({ pingDatabase: up, pingRedis: hangs });
    const res = await fetch(url);
    expect([res.status, await res.text()]).toEqual([503, "redis unreachable"]);
    expect(await (await fetch(`${url}?detail=1`)).json()).toEqual({ ok: false, database: "ok", redis: "down" });
  });
});
