// A Redis outage under a running Socket.IO adapter (server/scale): the server stays
// responsive (the adapter's stream reader waits for the reconnection instead of
// retrying in a tight loop that would starve the event loop), broadcasts reach its
// own sockets, and all resumes once Redis is back. A private redis-server on a free
// port, killed and started again; the server runs in a child process, so a starved
// event loop fails this test (by its silence) instead of hanging it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createInterface, type Interface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../integration/support/scratch";

const REDIS_SERVER = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
if (!REDIS_SERVER) console.warn("redis-server is not installed: the Redis outage test is skipped.");

const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

describe.skipIf(!REDIS_SERVER)("a Redis outage under the Socket.IO adapter", () => {
  let port: number;
  let redis: ChildProcess | null = null;
  let child: ChildProcess;
  let lines: AsyncIterator<string>;
  let reader: Interface;

  const startRedis = async () => {
    redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    const until = Date.now() + 10_000;
    while (
      Date.now() < until &&
      spawnSync("redis-cli", ["-p", String(port), "ping"])
        .stdout?.toString()
        .trim() !== "PONG"
    )
      await sleep(50);
  };

  /** Sends a command to the server process; its JSON answer, or a failure after 5 s of silence. */
  const ask = async (command: string): Promise<Record<string, unknown>> => {
    child.stdin?.write(`${command}\n`);
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to ${command} in 5 s: event loop starved?`)), 5_000);
    });
    try {
      const next = await Promise.race([lines.next(), silent]);
      return JSON.parse(String(next.value)) as Record<string, unknown>;
    } finally {
      clearTimeout(timer);
    }
  };

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/unit/support/adapter-under-outage.ts", `redis://127.0.0.1:${port}`],
      {
        stdio: ["pipe", "pipe", "inherit"],
      },
    );
    reader = createInterface({ input: child.stdout ?? process.stdin });
    lines = reader[Symbol.asyncIterator]();
    expect(JSON.parse(String((await lines.next()).value))).toEqual({ ready: true });
  }, 30_000);
  afterAll(() => {
    reader?.close();
    child?.kill("SIGKILL");
    redis?.kill("SIGKILL");
  });

  it("keeps the event loop free and broadcasts local while Redis is gone, and resumes when it is back", async () => {
    expect(await ask("emit")).toMatchObject({ received: [1] });

    redis?.kill("SIGKILL");
    await sleep(300);
    expect(await ask("ping")).toEqual({ up: false });
    expect((await ask("ticks")).ticks).toBeGreaterThan(30);
    const during = await ask("emit");
    expect(during.received).toEqual([1, 2]);
    expect(during.ms).toBeLessThan(1_000);

    await startRedis();
    const until = Date.now() + 10_000;
    while ((await ask("ping")).up !== true && Date.now() < until) await sleep(100);
    expect(await ask("ping")).toEqual({ up: true });
    expect(await ask("emit")).toMatchObject({ received: [1, 2, 3] });
    expect((await ask("ticks")).ticks).toBeGreaterThan(30);
    child.stdin?.write("quit\n");
  }, 60_000);
});
