// `npm start`: builds the pages when no build exists, then runs the custom server
// in production mode (it applies migrations and seeds the built-in decks itself).
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
if (!existsSync(".next/BUILD_ID")) {
  console.log("[quizroom] no build yet: running next build (about a minute)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { stdio: "inherit", env });
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
