// Applies pending migrations at start with Prisma's own CLI (`migrate deploy`),
// which reads prisma.config.ts and picks the schema folder from DATABASE_URL.
import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { promisify } from "node:util";
import { isPostgresUrl } from "../env";
import { sqliteFilePath } from "./client";

const run = promisify(execFile);

export async function applyMigrations(databaseUrl: string): Promise<void> {
  // On a fresh install the SQLite file's folder (data/) does not exist yet.
  if (!isPostgresUrl(databaseUrl)) mkdirSync(dirname(sqliteFilePath(databaseUrl)), { recursive: true });
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  await run(process.execPath, [cli, "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    cwd: process.cwd(),
  });
}
