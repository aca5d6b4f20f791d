// What several Quizroom servers behind one address need from their environment.
// Checked at start (parseEnv) so a misconfigured server refuses to run instead of
// running on its own beside the others.
// A cycle with env.ts, harmless: only functions cross it, called after both load.
import { isPostgresUrl } from "../env";

/** The part of the environment that decides whether scale-out is possible. */
export interface ScaleOutSettings {
  REDIS_URL?: string | undefined;
  DATABASE_URL: string;
  BETTER_AUTH_SECRET?: string | undefined;
}

/**
 * Why these settings cannot run as one of several servers, one line each
 * (`VARIABLE: reason`); empty when they can, or when REDIS_URL is not set (one server).
 */
export function scaleOutProblems(settings: ScaleOutSettings): string[] {
  if (!settings.REDIS_URL) return [];
  const problems: string[] = [];
  if (!isPostgresUrl(settings.DATABASE_URL)) {
    problems.push(
      "DATABASE_URL: several servers need PostgreSQL: SQLite is one machine's file; " +
        "set DATABASE_URL=postgresql://… or unset REDIS_URL",
    );
  }
  if (!settings.BETTER_AUTH_SECRET) {
    problems.push(
      "BETTER_AUTH_SECRET: several servers must sign sessions with the same secret " +
        "(a generated one would differ per server); set it to the same value (32+ characters) on every server " +
        "or unset REDIS_URL",
    );
  }
  return problems;
}
