// Start-up only: env → database → Next → HTTP → realtime → listen; a clean
// shutdown on SIGTERM/SIGINT (stop accepting, flush writes, close, exit 0).
import next from "next";
import { createApp, log } from "./app";
import { parseEnv } from "./env";

/** R-SHUTDOWN allows 5 s from SIGTERM to the exit. */
const SHUTDOWN_DEADLINE_MS = 4_500;

const env = (() => {
  try {
    return parseEnv();
  } catch (error) {
    // A refusal is the operator's to fix: the message alone, no stack, and a failing exit.
    console.error(`[quizroom] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
})();
const dev = env.NODE_ENV !== "production";
const nextApp = next({ dev, hostname: "localhost", port: env.PORT });
await nextApp.prepare();
const handle = nextApp.getRequestHandler();

const app = await createApp(env, (req, res) => handle(req, res));
app.server.listen(env.PORT, env.HOST, () => {
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  log(`ready on port ${port} (${env.PUBLIC_URL}); database ${env.DATABASE_URL.split(":")[0]}`);
  // Tests read this line to learn the port when PORT=0.
  console.log(`QUIZROOM_LISTENING port=${port}`);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    log(`${signal}: shutting down`);
    // A write that hangs (a database gone mid-shutdown) must not keep the process
    // alive past what a supervisor waits for; failing to finish is not a clean exit.
    setTimeout(() => {
      log("shutdown did not finish in time");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    app
      .shutdown()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log("shutdown failed", error);
        process.exit(1);
      });
  });
}
