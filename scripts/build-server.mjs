// Compiles the custom server (server/index.ts and everything it imports from server/
// and lib/, the generated Prisma clients and the built-in decks included) into one
// ES module, dist/server/index.js, so that production runs JavaScript and transpiles
// nothing at start. `npm run build` runs it after `next build`; `npm start` runs it
// when the output is missing (scripts/start.mjs).
//
// Packages stay external: they are loaded from node_modules at run time as they are
// under tsx (native modules such as better-sqlite3 and sharp, Next itself, and the
// Prisma runtime with its WebAssembly query compiler, which the generated client
// imports by package name). The output sits two folders below the repository root,
// so `createRequire(import.meta.url)` in server/db/migrate.ts still finds the Prisma
// CLI in node_modules, and the process runs from the root (Next and prisma.config.ts
// are found from the working directory).
import { build } from "esbuild";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root: the paths below are relative to it, wherever the build is started from. */
const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const SERVER_ENTRY = "server/index.ts";
export const SERVER_OUTFILE = "dist/server/index.js";
/**
 * Worker threads, each its own entry beside index.js: the server starts them by
 * their URL relative to its own (server/db/sqlite-live-writes.ts).
 */
const WORKER_ENTRIES = { "sqlite-live-worker": "server/db/sqlite-live-worker.ts" };
/** Every file the server needs at run time: a build missing any of them is rebuilt. */
export const SERVER_OUTPUTS = [
  SERVER_OUTFILE,
  ...Object.keys(WORKER_ENTRIES).map((name) => `${dirname(SERVER_OUTFILE)}/${name}.js`),
];

/** Builds dist/server/index.js and its workers (with source maps); throws when esbuild reports an error. */
export async function buildServer() {
  await build({
    absWorkingDir: ROOT,
    entryPoints: { index: SERVER_ENTRY, ...WORKER_ENTRIES },
    outdir: dirname(SERVER_OUTFILE),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // Stack traces point at the TypeScript sources (start.mjs runs node --enable-source-maps).
    sourcemap: true,
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer();
  console.log(`[quizroom] compiled the server into ${SERVER_OUTFILE}`);
}
