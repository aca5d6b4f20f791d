// GET /healthz: whether this server can serve, for a load balancer and a supervisor.
// Healthy is 200 `ok` (the public contract since the first version); otherwise 503
// with what is down. `?detail=1` answers JSON either way.
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "./respond";

/** Each dependency's check gives up after this long and counts as down. */
export const HEALTH_CHECK_TIMEOUT_MS = 1_000;

export interface HealthDeps {
  /** Resolves when the database answers; rejects (or hangs) when it does not. */
  pingDatabase: () => Promise<void>;
  /** Resolves true when Redis answers; absent without REDIS_URL. */
  pingRedis?: (timeoutMs: number) => Promise<boolean>;
}

export interface Health {
  ok: boolean;
  database: "ok" | "down";
  /** "off" without REDIS_URL (one server). */
  redis: "ok" | "down" | "off";
}

/** Whether `check` resolved (to anything but false) within `ms`: false on a rejection, false or a timeout; never throws. */
async function within(ms: number, check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([check().then((value) => value !== false), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Checks the database and Redis side by side, each bounded by HEALTH_CHECK_TIMEOUT_MS. */
export async function checkHealth(deps: HealthDeps): Promise<Health> {
  const { pingRedis } = deps;
  const [database, redis] = await Promise.all([
    within(HEALTH_CHECK_TIMEOUT_MS, deps.pingDatabase),
    pingRedis ? within(HEALTH_CHECK_TIMEOUT_MS, () => pingRedis(HEALTH_CHECK_TIMEOUT_MS)) : null,
  ]);
  return {
    ok: database && redis !== false,
    database: database ? "ok" : "down",
    redis: redis === null ? "off" : redis ? "ok" : "down",
  };
}

/** The /healthz handler: 200 `ok` or 503 `database unreachable, redis unreachable`; `?detail=1` → JSON Health. */
export function healthHandler(deps: HealthDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const health = await checkHealth(deps);
    const status = health.ok ? 200 : 503;
    const detail = new URL(req.url ?? "/", "http://localhost").searchParams.get("detail") === "1";
    if (detail) return sendJson(res, status, health);
    const down = [health.database === "down" && "database", health.redis === "down" && "redis"].filter(Boolean);
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end(health.ok ? "ok" : down.map((name) => `${name} unreachable`).join(", "));
  };
}
