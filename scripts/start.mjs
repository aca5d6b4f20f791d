// `npm start`: builds what is missing (the pages with `next build`, the server with
// scripts/build-server.mjs), then runs the compiled custom server, dist/server/index.js,
// in production mode (it applies migrations and seeds the built-in decks itself).
// After changing the sources, `npm run build` rebuilds both.
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { buildServer, SERVER_OUTFILE, SERVER_OUTPUTS } from "./build-server.mjs";

const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
if (!existsSync(".next/BUILD_ID")) {
  console.log("[quizroom] no build yet: running next build (about a minute)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!SERVER_OUTPUTS.every((file) => existsSync(file))) {
  console.log("[quizroom] no compiled server yet: compiling it (a few seconds)…");
  await buildServer();
}
// Source maps: a stack trace in the log names the TypeScript file and line.
const server = spawn(process.execPath, ["--enable-source-maps", SERVER_OUTFILE], { stdio: "inherit", env });
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
