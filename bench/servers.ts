// Starts the two servers under test on a free loopback port: Quizroom as `npm start`
// runs it in production (scripts/start.mjs, the built pages, a fresh database), and the
// floor (bench/floor-server.ts). Both carry bench/probe.cjs through NODE_OPTIONS.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildServer } from "../scripts/build-server.mjs";
import { childrenOf, commandLine } from "./proc";
import { createScratchDatabase, freePort } from "../tests/integration/support/scratch";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const PROBE = join(ROOT, "bench", "probe.cjs");
export const ADMIN = { email: "bench@example.com", password: "bench-password-42" };

export type DatabaseKind = "sqlite" | "postgres";

export interface RunningServer {
  kind: "product" | "floor";
  url: string;
  /** The process that serves (the one measured): for Quizroom, start.mjs's child. */
  pid: number;
  /** Where the probe writes its summaries (<pid>.json). */
  probeDir: string;
  /** The database the product writes to (null for the floor). */
  databaseUrl: string | null;
  output(): string;
  /** SIGTERM, then SIGKILL to the whole process group after `graceMs`; removes the temporary files. */
  stop(graceMs?: number): Promise<void>;
}

/** Every process group the bench started, so that an exit for any reason kills them all. */
const groups = new Set<number>();
/** Every temporary folder not yet removed (data, probe files). */
const folders = new Set<string>();

/**
 * Kills every server's process group at once (SIGKILL) and removes their temporary
 * folders: for exits, Ctrl-C and timeouts. (A PostgreSQL database is dropped only by a
 * server's own stop(); one left by a kill is named quizroom_bench_*.)
 */
export function killAllServers(): void {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  groups.clear();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders.clear();
}

/**
 * `npm run build` when there is no production build yet (what `npm start` would do
 * itself). A build that fails because another one is running in this tree (a shared
 * work tree) is waited for: up to `waitMs` for its BUILD_ID. With the pages built, the
 * server is compiled again from the sources as they are (a second or two), so that a
 * stale dist/server never stands in for the code being measured.
 */
export async function ensureBuild(log: (line: string) => void, waitMs = 300_000): Promise<void> {
  const buildId = join(ROOT, ".next", "BUILD_ID");
  if (existsSync(buildId)) return buildServer();
  log("no production build (.next/BUILD_ID): running npm run build first (a minute or two)…");
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status === 0) return;
  log(`npm run build failed; if another build is running in this tree, waiting up to ${waitMs / 1000} s for it…`);
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 2_000));
    if (existsSync(buildId)) return;
  }
  throw new Error(`npm run build failed (${build.status ?? build.signal}) and no build appeared`);
}

interface Launch {
  kind: "product" | "floor";
  command: string[];
  env: NodeJS.ProcessEnv;
  /** The line the server prints once it listens. */
  ready: RegExp;
  timeoutMs: number;
  /** Finds the measured process once ready (the floor is the spawned process itself). */
  servingPid: (child: ChildProcess) => number;
  cleanup: () => Promise<void>;
  databaseUrl: string | null;
  probeDir: string;
  url: string;
}

async function launch(spec: Launch): Promise<RunningServer> {
  // Its own process group (detached), so that one kill reaches start.mjs and the server under it.
  const [command = "node", ...args] = spec.command;
  const child = spawn(command, args, { cwd: ROOT, env: spec.env, detached: true, stdio: ["pipe", "pipe", "pipe"] });
  if (child.pid) groups.add(child.pid);
  let log = "";
  const append = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  let exited = false;
  const exitedPromise = new Promise<void>((resolveExit) =>
    child.once("exit", () => {
      exited = true;
      resolveExit();
    }),
  );

  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${spec.kind} did not start in ${spec.timeoutMs / 1000} s:\n${log.slice(-4000)}`)),
      spec.timeoutMs,
    );
    const check = () => {
      if (spec.ready.test(log)) {
        clearTimeout(timer);
        child.stdout?.off("data", check);
        resolveReady();
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${spec.kind} exited (${code ?? signal}) before listening:\n${log.slice(-4000)}`));
    });
  });

  const pid = spec.servingPid(child);
  return {
    kind: spec.kind,
    url: spec.url,
    pid,
    probeDir: spec.probeDir,
    databaseUrl: spec.databaseUrl,
    output: () => log,
    async stop(graceMs = 6_000) {
      const pgid = child.pid;
      if (pgid && !exited) {
        try {
          // To the process started only: start.mjs passes it on to its server, and a second
          // SIGTERM straight from here would cut the server's clean shutdown short.
          process.kill(pgid, "SIGTERM");
        } catch {
          // already gone
        }
        await Promise.race([exitedPromise, new Promise((r) => setTimeout(r, graceMs))]);
        try {
          // start.mjs may be gone while its server is not: the group reaches both.
          process.kill(-pgid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      if (pgid) groups.delete(pgid);
      child.stdin?.destroy();
      await spec.cleanup();
    },
  };
}

/** The probe's environment: NODE_OPTIONS loads it, the directory tells it where to write. */
function probeEnv(
  probeDir: string,
  cpuProf: boolean,
): { NODE_OPTIONS: string; QUIZROOM_BENCH_PROBE_DIR: string; QUIZROOM_BENCH_CPU_PROF: string } {
  return {
    NODE_OPTIONS: `--require ${PROBE}`,
    QUIZROOM_BENCH_PROBE_DIR: probeDir,
    QUIZROOM_BENCH_CPU_PROF: cpuProf ? "1" : "",
  };
}

/** The CPU profile the probe wrote at the end of the load (QUIZROOM_BENCH_CPU_PROF), if any. */
export function profilePath(server: RunningServer): string | null {
  const path = join(server.probeDir, `${server.pid}.cpuprofile`);
  return existsSync(path) ? path : null;
}

export async function startProduct(options: {
  database: DatabaseKind;
  postgresUrl: string | undefined;
  maxPlayers: number;
  cpuProf: boolean;
}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "quizroom-bench-"));
  folders.add(dataDir);
  const probeDir = join(dataDir, "probe");
  mkdirSync(probeDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let postgres: { url: string; drop: () => Promise<void> } | null = null;
  if (options.database === "postgres") {
    if (!options.postgresUrl)
      throw new Error("--db postgres needs TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/test)");
    postgres = await createScratchDatabase(options.postgresUrl, "quizroom_bench");
  }
  const databaseUrl = postgres?.url ?? `file:${join(dataDir, "quizroom.db")}`;
  const { NODE_OPTIONS: _options, NODE_ENV: _mode, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: url,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    MAX_PLAYERS_PER_GAME: String(options.maxPlayers),
    LOG_LEVEL: "warn",
    ...probeEnv(probeDir, options.cpuProf),
  };
  return launch({
    kind: "product",
    command: [process.execPath, "scripts/start.mjs"],
    env,
    ready: new RegExp(`QUIZROOM_LISTENING port=${port}`),
    timeoutMs: 120_000,
    // start.mjs spawns the server: the child whose command line runs the server is measured.
    servingPid: (child) => {
      const startPid = child.pid ?? 0;
      const kids = childrenOf(startPid);
      const server = kids.find((pid) => /server/.test(commandLine(pid))) ?? kids[0];
      if (!server) throw new Error("could not find the server process under scripts/start.mjs");
      return server;
    },
    cleanup: async () => {
      await postgres?.drop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
      folders.delete(dataDir);
    },
    databaseUrl,
    probeDir,
    url,
  });
}

export async function startFloor(options: {
  questions: number;
  timeLimitSec: number;
  cpuProf: boolean;
}): Promise<RunningServer> {
  const probeDir = mkdtempSync(join(tmpdir(), "quizroom-bench-floor-"));
  folders.add(probeDir);
  const port = await freePort();
  const { NODE_OPTIONS: _options, NODE_ENV: _mode, ...inherited } = process.env;
  return launch({
    kind: "floor",
    command: [
      process.execPath,
      "--import",
      "tsx",
      "bench/floor-server.ts",
      "--questions",
      String(options.questions),
      "--time-limit",
      String(options.timeLimitSec),
      "--port",
      String(port),
    ],
    env: { ...inherited, NODE_ENV: "production", ...probeEnv(probeDir, options.cpuProf) },
    ready: /FLOOR_LISTENING port=\d+/,
    timeoutMs: 60_000,
    servingPid: (child) => child.pid ?? 0,
    cleanup: async () => {
      rmSync(probeDir, { recursive: true, force: true });
      folders.delete(probeDir);
    },
    databaseUrl: null,
    probeDir,
    url: `http://127.0.0.1:${port}`,
  });
}

export interface ProbeSummary {
  pid: number;
  seq: number;
  since: number;
  at: number;
  samples: number;
  delayMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  heapUsedKiB: number;
  externalKiB: number;
  rssKiB: number;
}

function readProbe(server: RunningServer): ProbeSummary | null {
  try {
    return JSON.parse(readFileSync(join(server.probeDir, `${server.pid}.json`), "utf8")) as ProbeSummary;
  } catch {
    return null;
  }
}

/**
 * Sends SIGUSR2 to the server (the probe writes what it measured since the last
 * signal, then starts again) and waits for that summary: null if it never comes.
 */
export async function probeMark(server: RunningServer, timeoutMs = 10_000): Promise<ProbeSummary | null> {
  const first = readProbe(server);
  // Without the probe, SIGUSR2's default action would end the server: signal only a probed process.
  if (!first) return null;
  const before = first.seq;
  try {
    process.kill(server.pid, "SIGUSR2");
  } catch {
    return null;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const summary = readProbe(server);
    if (summary && summary.seq > before) return summary;
    await new Promise((r) => setTimeout(r, 25));
  }
  return null;
}
