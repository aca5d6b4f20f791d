import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // The compiled server that `npm start` runs, rebuilt once per run.
          globalSetup: ["tests/integration/support/build-server.ts"],
          // Ceilings, not speed checks: on a busy 2-core machine a server's start
          // alone (Next's config, migrations) has taken over a minute.
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // Each file starts its own server processes; two at a time fit 2 cores.
          maxWorkers: 2,
          fileParallelism: true,
        },
      },
    ],
  },
});
