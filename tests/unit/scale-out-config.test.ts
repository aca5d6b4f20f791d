// Scale-out refusals at start: several servers behind one address need one shared
// database (PostgreSQL) and one session secret; parseEnv refuses otherwise.
import { describe, expect, it } from "vitest";
import { parseEnv } from "../../server/env";

const SECRET = "s".repeat(32);
const PG = "postgresql://quizroom@db.internal:5432/quizroom";
const REDIS = "redis://redis.internal:6379";

describe("scale-out configuration", () => {
  it("refuses REDIS_URL with a SQLite database, naming PostgreSQL and how to fix it", () => {
    expect(() => parseEnv({ REDIS_URL: REDIS, BETTER_AUTH_SECRET: SECRET })).toThrow(
      /DATABASE_URL: several servers need PostgreSQL: SQLite is one machine's file; set DATABASE_URL=postgresql:\/\/… or unset REDIS_URL/,
    );
    expect(() =>
      parseEnv({ REDIS_URL: REDIS, BETTER_AUTH_SECRET: SECRET, DATABASE_URL: "file:./data/quizroom.db" }),
    ).toThrow(/SQLite is one machine's file/);
  });

  it("refuses REDIS_URL without BETTER_AUTH_SECRET (a generated secret would differ per server)", () => {
    expect(() => parseEnv({ REDIS_URL: REDIS, DATABASE_URL: PG })).toThrow(
      /BETTER_AUTH_SECRET: several servers must sign sessions with the same secret/,
    );
    // An empty variable is no secret either.
    expect(() => parseEnv({ REDIS_URL: REDIS, DATABASE_URL: PG, BETTER_AUTH_SECRET: "" })).toThrow(
      /BETTER_AUTH_SECRET/,
    );
  });

  it("names both problems at once when both are wrong", () => {
    let message = "";
    try {
      parseEnv({ REDIS_URL: REDIS });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid environment:\n {2}DATABASE_URL: .*\n {2}BETTER_AUTH_SECRET: /);
  });

  it("accepts REDIS_URL with PostgreSQL and a shared secret", () => {
    const env = parseEnv({ REDIS_URL: REDIS, DATABASE_URL: PG, BETTER_AUTH_SECRET: SECRET });
    expect(env.REDIS_URL).toBe(REDIS);
    expect(parseEnv({ REDIS_URL: REDIS, DATABASE_URL: "postgres://h/db", BETTER_AUTH_SECRET: SECRET }).REDIS_URL).toBe(
      REDIS,
    );
  });

  it("without REDIS_URL one server runs as before: SQLite and a generated secret are fine", () => {
    const env = parseEnv({});
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.DATABASE_URL).toBe("file:./data/quizroom.db");
    expect(parseEnv({ REDIS_URL: "" }).REDIS_URL).toBeUndefined();
  });

  it("refuses a REDIS_URL that is not a URL", () => {
    expect(() => parseEnv({ REDIS_URL: "localhost:6379", DATABASE_URL: PG, BETTER_AUTH_SECRET: SECRET })).toThrow(
      /REDIS_URL/,
    );
  });
});
