import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// Debian's Chromium here (Playwright cannot download its own browser on these
// machines); Playwright's own browser elsewhere.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  // The compiled server that `npm start` runs, rebuilt once per run (tests/integration/support/server.ts starts it).
  globalSetup: "./tests/integration/support/build-server.ts",
  timeout: 180_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    screenshot: "only-on-failure",
  },
});
