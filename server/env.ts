// Every environment variable, parsed once at start (docs/protocol.md, "Environment").
import { z } from "zod";
import { parseTrustedProxies } from "./scale/client-address";
import { scaleOutProblems } from "./scale/config";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().default("file:./data/quizroom.db"),
  PUBLIC_URL: z.string().url().optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  MAX_PLAYERS_PER_GAME: z.coerce.number().int().min(1).max(100_000).default(2000),
  /** How long an ended game's room stays in memory once written (ms); later, final screens come from the database. */
  ENDED_GAME_LINGER_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  DATA_DIR: z.string().default("data"),
  /** Set on every server of a scale-out (Socket.IO's Redis Streams adapter, shared rate limits). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, "must be a redis:// or rediss:// URL")
    .optional(),
  /** The reverse proxies (nginx) whose X-Forwarded-For names the client: comma-separated IP addresses. */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine((value) => {
      try {
        parseTrustedProxies(value);
        return true;
      } catch {
        return false;
      }
    }, "must be comma-separated IP addresses"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof schema> & { PUBLIC_URL: string };

/**
 * The environment, validated and with defaults.
 * @throws Error("Invalid environment: …") naming every bad variable, and the
 *   scale-out refusals (REDIS_URL with SQLite, or without BETTER_AUTH_SECRET).
 */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable means "not set" (as `ADMIN_EMAIL=` in a shell or a unit file).
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const env = parsed.data;
  const refusals = scaleOutProblems(env);
  if (refusals.length > 0) throw new Error(`Invalid environment:\n${refusals.map((p) => `  ${p}`).join("\n")}`);
  return { ...env, PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "") };
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}
