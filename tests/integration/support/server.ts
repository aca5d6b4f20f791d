// Starts the real server on a free port with its own database (a fresh SQLite file,
// or a fresh PostgreSQL database when `postgres` is asked for and TEST_POSTGRES_URL
// is set): the compiled server that `npm start` runs (dist/server/index.js, rebuilt
// once per test run by the global setup), in production mode with the built pages.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SERVER_OUTFILE } from "../../../scripts/build-server.mjs";
import { createScratchDatabase, freePort } from "./scratch";

export const ADMIN = { email: "teacher@example.com", password: "correct-horse-42" };
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL;

export type DatabaseKind = "sqlite" | "postgres";
/** SQLite always; PostgreSQL too when TEST_POSTGRES_URL is set (CI sets it). */
export const DATABASES: DatabaseKind[] = POSTGRES_URL ? ["sqlite", "postgres"] : ["sqlite"];
if (!POSTGRES_URL) console.warn("TEST_POSTGRES_URL is not set: PostgreSQL integration tests are skipped.");

export interface TestServer {
  url: string;
  port: number;
  databaseUrl: string;
  dataDir: string;
  output: () => string;
  /** SIGKILL (a crash) or SIGTERM (a clean stop); resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Starts the server again on the same port, database and data folder. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * What runs the server: in production (the default) the compiled file that ships, as
 * scripts/start.mjs runs it; in development (TEST_SERVER_NODE_ENV=development, to
 * iterate without a build) the TypeScript sources under tsx, as `npm run dev` does.
 */
function serverCommand(nodeEnv: string): string[] {
  return nodeEnv === "production" ? ["--enable-source-maps", SERVER_OUTFILE] : ["--import", "tsx", "server/index.ts"];
}

export async function startServer(
  options: {
    database?: DatabaseKind;
    env?: Record<string, string>;
    /** Put the SQLite file in a folder that does not exist yet, as on a fresh install. */
    freshDatabaseFolder?: boolean;
    /** The database of another test server (a scale-out's second server); left for its owner to drop. */
    sharedDatabaseUrl?: string;
  } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "quizroom-test-"));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const postgres =
    options.database === "postgres" && !options.sharedDatabaseUrl
      ? await createScratchDatabase(POSTGRES_URL ?? "", "quizroom_test")
      : null;
  const sqliteFile = options.freshDatabaseFolder
    ? join(dataDir, "not", "yet", "there", "quizroom.db")
    : join(dataDir, "quizroom.db");
  const databaseUrl = options.sharedDatabaseUrl ?? postgres?.url ?? `file:${sqliteFile}`;
  let child: ChildProcess | null = null;
  let log = "";

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      // REDIS_URL makes a server one of several (and refuses SQLite): a server gets it
      // only from a test that passes it, never from the shell that runs the tests.
      const { REDIS_URL: _inherited, ...inherited } = process.env;
      const env = {
        ...inherited,
        // TEST_SERVER_NODE_ENV=development runs the tests without a build, while iterating.
        NODE_ENV: (process.env.TEST_SERVER_NODE_ENV ?? "production") as "production",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
        HOST: "127.0.0.1",
        PUBLIC_URL: url,
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        ...options.env,
      };
      const proc = spawn(process.execPath, serverCommand(env.NODE_ENV), {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = proc;
      // A ceiling for a busy machine (see vitest.config.ts), not a speed check.
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 150_000);
      const startedAt = log.length;
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        if (log.slice(startedAt).includes(`QUIZROOM_LISTENING port=${port}`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout.on("data", onData);
      proc.stderr.on("data", onData);
      proc.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${log}`));
      });
    });

  const stop = (signal: NodeJS.Signals = "SIGKILL") =>
    new Promise<number | null>((resolve) => {
      const proc = child as ChildProcess | null;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve(proc?.exitCode ?? null);
      proc.once("exit", (code) => resolve(code));
      proc.kill(signal);
    });

  try {
    await launch();
  } catch (error) {
    // A server that refused to start (a test of its refusals) leaves nothing behind.
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    port,
    databaseUrl,
    dataDir,
    output: () => log,
    stop,
    restart: launch,
    async dispose() {
      await stop("SIGKILL");
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
