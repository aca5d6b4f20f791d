// The unit tests alone, for StrykerJS (stryker.config.mjs): the integration and
// browser tests start real servers and cannot run against Stryker's sandbox.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    // Each mutant reruns the properties: a fifth of their runs, from a fixed seed (tests/unit/helpers.ts).
    env: { QUIZROOM_PROPERTY_RUNS: "0.2" },
  },
});
