// The unit tests alone, for StrykerJS (stryker.config.mjs): the integration and
// browser tests start real servers and cannot run against Stryker's sandbox.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["tests/unit/**/*.test.ts"], environment: "node" },
});
