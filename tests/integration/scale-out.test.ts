// Scale-out groundwork (issue 18): two real servers on one PostgreSQL database and one
// Redis (Socket.IO's Redis Streams adapter, shared sessions and limits) behind a real
// nginx configured from deploy/nginx/quizroom.conf; the start-up refusals; /healthz
// while Redis is down and once it is back. Game ownership, forwarding and failover are
// not part of this yet: a game lives on the server that created it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createClient } from "redis";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlayerView } from "../../lib/contract";
import { STREAM_NAME } from "../../server/scale/adapter";
import {
  api,
  call,
  codeOf,
  connectHost,
  connectPlayer,
  expectOk,
  nextState,
  WAIT_MS,
  type PlayClient,
} from "./support/clients";
import { hostGame } from "./support/game";
import { nginxBinary, startNginx, type TestNginx } from "./support/nginx";
import { freePort } from "./support/scratch";
import { ADMIN, POSTGRES_URL, startServer, type TestServer } from "./support/server";

const REDIS_URL = process.env.TEST_REDIS_URL;
const NGINX = nginxBinary();
const missing = [!NGINX && "nginx", !REDIS_URL && "TEST_REDIS_URL", !POSTGRES_URL && "TEST_POSTGRES_URL"].filter(
  Boolean,
);
if (missing.length > 0) console.warn(`scale-out tests skipped: no ${missing.join(", ")}`);

/** One secret for every server of the scale-out (32+ characters). */
const SECRET = randomBytes(36).toString("base64url");

/** Signs in on one server directly, as a browser on PUBLIC_URL would (its Origin). */
async function signInOn(serverUrl: string, publicUrl: string): Promise<string> {
  const res = await fetch(`${serverUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: publicUrl },
    body: JSON.stringify(ADMIN),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.includes("session_token"));
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0] ?? "";
}

/** A /play socket on one transport only (no upgrade), connected. */
function connectPlayerOn(url: string, transport: "websocket" | "polling"): Promise<PlayClient> {
  const socket: PlayClient = io(`${url}/play`, {
    transports: [transport],
    upgrade: false,
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

describe.skipIf(missing.length > 0)("scale-out: two servers behind nginx", () => {
  let a: TestServer;
  let b: TestServer;
  let nginx: TestNginx;
  let publicUrl: string;

  beforeAll(async () => {
    // PUBLIC_URL is nginx's address on every server: join links and the Origin check.
    const nginxPort = await freePort();
    publicUrl = `http://127.0.0.1:${nginxPort}`;
    // nginx runs on this machine: its X-Forwarded-For names the client.
    const env = {
      REDIS_URL: REDIS_URL ?? "",
      BETTER_AUTH_SECRET: SECRET,
      PUBLIC_URL: publicUrl,
      TRUSTED_PROXIES: "127.0.0.1",
    };
    a = await startServer({ database: "postgres", env });
    b = await startServer({ database: "postgres", sharedDatabaseUrl: a.databaseUrl, env });
    nginx = await startNginx([a.port, b.port], nginxPort);
  });
  afterAll(async () => {
    await nginx?.stop();
    await b?.dispose();
    await a?.dispose();
  });

  it("/healthz answers `ok` through nginx and on each server; the detail names the database and Redis", async () => {
    const res = await fetch(`${nginx.url}/healthz`);
    expect([res.status, await res.text()]).toEqual([200, "ok"]);
    for (const url of [nginx.url, a.url, b.url]) {
      const detail = await fetch(`${url}/healthz?detail=1`);
      expect(detail.status).toBe(200);
      expect(await detail.json()).toEqual({ ok: true, database: "ok", redis: "ok" });
    }
  });

  it("an instructor signed in through server A is signed in on server B (HTTP API and a /host socket)", async () => {
    const cookie = await signInOn(a.url, publicUrl);
    const decks = await api(b.url, "/api/decks", { cookie });
    expect(decks.status).toBe(200);
    expect(((await decks.json()) as unknown[]).length).toBeGreaterThan(0);
    const host = await connectHost(b.url, cookie, publicUrl);
    expect(host.connected).toBe(true);
    host.close();
    // Control: B refuses what it cannot verify, so the cookie is what opened it.
    const forged = `${cookie.slice(0, -4)}AAAA`;
    expect((await api(b.url, "/api/decks", { cookie: forged })).status).toBe(401);
    await expect(connectHost(b.url, forged, publicUrl)).rejects.toThrow(/FORBIDDEN/);
  });

  it("Socket.IO through nginx works over WebSocket and over long-polling (sticky), with a game's broadcasts on the shared stream", async () => {
    const redis = createClient({ url: REDIS_URL ?? "" });
    await redis.connect();
    try {
      const before = await redis.xLen(STREAM_NAME).catch(() => 0);
      const game = await hostGame(nginx.url); // signs in, imports and creates through nginx (WebSocket)

      // Long-polling only: every request of the session must reach the same server.
      const polling = await connectPlayerOn(nginx.url, "polling");
      expect(polling.io.engine.transport.name).toBe("polling");
      expect(codeOf(await call(polling, "check", { pin: game.pin }))).toBe("ok");
      const joined = expectOk(await call<{ state: PlayerView }>(polling, "join", { pin: game.pin, nickname: "Polly" }));
      expect(joined.state.phase).toBe("lobby");

      const websocket = await connectPlayerOn(nginx.url, "websocket");
      expect(websocket.io.engine.transport.name).toBe("websocket");
      expectOk(await call(websocket, "join", { pin: game.pin, nickname: "Wes" }));

      // A broadcast reaches the polling phone through nginx (several polls later).
      const started = new Promise<PlayerView>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no question over polling")), WAIT_MS);
        polling.on("state", (view: PlayerView) => {
          if (view.phase !== "question") return;
          clearTimeout(timer);
          resolve(view);
        });
      });
      expectOk(await call(game.host, "start", { gameId: game.gameId }));
      expect((await started).phase).toBe("question");

      // The room's broadcasts went through the adapter onto the stream every server reads.
      const entries = (await redis.xRange(STREAM_NAME, "-", "+")) ?? [];
      expect(entries.length).toBeGreaterThan(before);
      const namespaces = new Set(entries.slice(-50).map((entry) => entry.message.nsp));
      expect(namespaces).toContain("/play");
      expect(namespaces).toContain("/host");
      [polling, websocket, game.host].forEach((socket) => socket.close());
    } finally {
      redis.destroy();
    }
  });

  it("R-RATE-LIMIT: wrong PINs count per client address (X-Forwarded-For from the proxy) and across both servers", async () => {
    // Addresses no other run uses: the counters stay in the shared Redis for a minute.
    const address = () => `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;
    const from = async (url: string, forwardedFor: string) => {
      const socket: PlayClient = io(`${url}/play`, {
        transports: ["websocket"],
        extraHeaders: { "x-forwarded-for": forwardedFor },
        forceNew: true,
        reconnection: false,
      });
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      return socket;
    };
    /** `count` checks of a PIN no game has, 8 per socket (the per-socket limit); their codes. */
    const misses = async (url: string, forwardedFor: string, count: number) => {
      const codes: string[] = [];
      while (codes.length < count) {
        const socket = await from(url, forwardedFor);
        const batch = Math.min(8, count - codes.length);
        for (let i = 0; i < batch; i += 1) codes.push(codeOf(await call(socket, "check", { pin: "000000" })));
        socket.close();
      }
      return codes;
    };
    const prankster = address();
    // 100 wrong PINs a minute per address: 96 on A, 4 on B, then blocked on both.
    expect(new Set(await misses(a.url, prankster, 96))).toEqual(new Set(["NOT_FOUND"]));
    expect(await misses(b.url, prankster, 4)).toEqual(Array(4).fill("NOT_FOUND"));
    expect(await misses(a.url, prankster, 1)).toEqual(["RATE_LIMITED"]);
    expect(await misses(b.url, prankster, 1)).toEqual(["RATE_LIMITED"]);
    // Another student behind the same proxy is not blocked with them.
    expect(await misses(b.url, address(), 1)).toEqual(["NOT_FOUND"]);
    expect(await misses(a.url, `${address()}, ${address()}`, 1)).toEqual(["NOT_FOUND"]);
  });
});

describe.skipIf(!REDIS_URL)("scale-out: start-up refusals", () => {
  it("a server with REDIS_URL and a SQLite database exits non-zero, saying PostgreSQL is needed", async () => {
    const started = startServer({ env: { REDIS_URL: REDIS_URL ?? "", BETTER_AUTH_SECRET: SECRET } });
    const error = (await started.then(
      () => null,
      (e: unknown) => e,
    )) as Error | null;
    expect(error?.message).toMatch(/server exited with 1/);
    expect(error?.message).toContain(
      "several servers need PostgreSQL: SQLite is one machine's file; set DATABASE_URL=postgresql://… or unset REDIS_URL",
    );
  });

  it.skipIf(!POSTGRES_URL)(
    "a server with REDIS_URL and no BETTER_AUTH_SECRET exits non-zero, saying every server needs the same secret",
    async () => {
      const error = (await startServer({ database: "postgres", env: { REDIS_URL: REDIS_URL ?? "" } }).then(
        () => null,
        (e: unknown) => e,
      )) as Error | null;
      expect(error?.message).toMatch(/server exited with 1/);
      expect(error?.message).toContain("BETTER_AUTH_SECRET: several servers must sign sessions with the same secret");
    },
  );
});

const REDIS_SERVER = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;

describe.skipIf(!POSTGRES_URL || !REDIS_SERVER)("scale-out: Redis down", () => {
  let server: TestServer;
  let redisPort: number;
  let redis: ChildProcess | null = null;
  beforeAll(async () => {
    redisPort = await freePort(); // nothing listens there yet
    server = await startServer({
      database: "postgres",
      env: { REDIS_URL: `redis://127.0.0.1:${redisPort}`, BETTER_AUTH_SECRET: SECRET },
    });
  });
  afterAll(async () => {
    redis?.kill("SIGKILL");
    await server?.dispose();
  });

  it("starts anyway, answers 503 `redis unreachable` while players still get in, and 200 `ok` once Redis is up", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect([res.status, await res.text()]).toEqual([503, "redis unreachable"]);
    const detail = await fetch(`${server.url}/healthz?detail=1`);
    expect([detail.status, await detail.json()]).toEqual([503, { ok: false, database: "ok", redis: "down" }]);

    // The join limits fall back to memory: a phone is answered, not refused; and a
    // room's broadcasts reach this server's sockets without waiting for Redis.
    const stray = await connectPlayer(server.url);
    expect(codeOf(await call(stray, "check", { pin: "123456" }))).toBe("NOT_FOUND");
    stray.close();
    const game = await hostGame(server.url);
    const phone = await connectPlayer(server.url);
    expectOk(await call(phone, "join", { pin: game.pin, nickname: "Offline" }));
    const question = nextState<PlayerView>(phone, (view) => view.phase === "question", 10_000);
    expectOk(await call(game.host, "start", { gameId: game.gameId }));
    expect((await question).phase).toBe("question");
    // Without delay: a broadcast queued for Redis would wait for each reconnection
    // attempt (up to 2 s apart); six pauses and resumes seen by the phone take
    // milliseconds each when the broadcast goes straight to the local sockets.
    const toggled = Date.now();
    for (let i = 0; i < 6; i += 1) {
      const paused = i % 2 === 0;
      const seen = nextState<PlayerView>(phone, (view) => view.paused === paused, 10_000);
      expectOk(await call(game.host, paused ? "pause" : "resume", { gameId: game.gameId }));
      await seen;
    }
    expect(Date.now() - toggled).toBeLessThan(3_000);

    // A private Redis on that port (the shared one is left alone); the client reconnects.
    const child = spawn(
      "redis-server",
      ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    redis = child;
    const deadline = Date.now() + 20_000;
    let last = "";
    while (Date.now() < deadline) {
      const health = await fetch(`${server.url}/healthz`);
      last = `${health.status} ${await health.text()}`;
      if (last === "200 ok") break;
      await new Promise((wait) => setTimeout(wait, 250));
    }
    expect(last).toBe("200 ok");
    expect(server.output()).toContain("redis not reachable at start");

    // The adapter is back on the stream: the next broadcast is published there.
    const client = createClient({ url: `redis://127.0.0.1:${redisPort}` });
    await client.connect();
    try {
      const paused = nextState<PlayerView>(phone, (view) => view.paused, 10_000);
      expectOk(await call(game.host, "pause", { gameId: game.gameId }));
      await paused;
      const published = async () => (await client.xLen(STREAM_NAME)) > 0;
      const until = Date.now() + 10_000;
      while (!(await published()) && Date.now() < until) await new Promise((wait) => setTimeout(wait, 100));
      expect(await published()).toBe(true);
    } finally {
      client.destroy();
      phone.close();
      game.host.close();
    }
  });
});
