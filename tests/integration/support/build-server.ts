// Global setup of the integration tests and the browser tests: compiles the server
// once per run (a second or two), so that the tests run the compiled server that
// `npm start` runs, built from the sources as they are now (never a stale one).
// The pages are not built here (a minute or more): run `npm run build` first.
import { existsSync } from "node:fs";
import { buildServer } from "../../../scripts/build-server.mjs";

export default async function setup(): Promise<void> {
  if ((process.env.TEST_SERVER_NODE_ENV ?? "production") !== "production") return;
  if (!existsSync(".next/BUILD_ID"))
    console.warn("No production build of the pages (.next): run `npm run build` first.");
  await buildServer();
}
