import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("database schemas", () => {
  it("R-SCHEMA-SYNC: the PostgreSQL schema is the SQLite one with only the provider and output changed", () => {
    const sqlite = readFileSync("prisma/sqlite/schema.prisma", "utf8");
    const postgres = readFileSync("prisma/pg/schema.prisma", "utf8");
    const derived = sqlite
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace("generated/sqlite", "generated/pg");
    expect(postgres).toBe(derived);
  });

  it("R-SCHEMA-SYNC: both migration folders hold the same migrations", () => {
    const list = (db: string) => {
      expect(existsSync(`prisma/${db}/migrations/migration_lock.toml`)).toBe(true);
      return readdirSync(`prisma/${db}/migrations`).filter((f) => /^\d/.test(f));
    };
    expect(list("sqlite")).toEqual(list("pg"));
  });
});
