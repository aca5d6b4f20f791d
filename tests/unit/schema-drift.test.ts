import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  migrationScripts,
  postgresShape,
  prismaModelColumns,
  sqliteShape,
  type SchemaShape,
} from "./support/schema-shape";

const POSTGRES_URL = process.env.TEST_POSTGRES_URL;
const sqliteScripts = migrationScripts("prisma/sqlite/migrations");
const pgScripts = migrationScripts("prisma/pg/migrations");

/** Table → its column names, for comparing a shape with the Prisma schema. */
const columnsOf = (shape: SchemaShape) =>
  Object.fromEntries(Object.entries(shape).map(([table, t]) => [table, Object.keys(t.columns).sort()]));

describe("database schemas", () => {
  it("R-SCHEMA-SYNC: the PostgreSQL schema is the SQLite one with only the provider and output changed", () => {
    const sqlite = readFileSync("prisma/sqlite/schema.prisma", "utf8");
    const postgres = readFileSync("prisma/pg/schema.prisma", "utf8");
    const derived = sqlite
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace("generated/sqlite", "generated/pg");
    expect(postgres).toBe(derived);
  });

  it("R-SCHEMA-SYNC: both databases have a migration for each step, under the same names", () => {
    expect(sqliteScripts.length).toBeGreaterThan(0);
    expect(sqliteScripts.map((m) => m.name)).toEqual(pgScripts.map((m) => m.name));
  });

  it("R-SCHEMA-SYNC: the SQLite migrations build exactly the tables and columns the schema declares", () => {
    const declared = prismaModelColumns(readFileSync("prisma/sqlite/schema.prisma", "utf8"));
    expect(columnsOf(sqliteShape(sqliteScripts))).toEqual(declared);
  });

  it("R-SCHEMA-SYNC: the comparison sees a change in one migration's SQL", () => {
    const original = sqliteShape(sqliteScripts);
    const [first, ...rest] = sqliteScripts;
    const altered = [{ sql: `${first?.sql ?? ""}\nALTER TABLE "Game" ADD COLUMN "extra" TEXT;` }, ...rest];
    expect(sqliteShape(altered)).not.toEqual(original);
    const dropped = [{ sql: (first?.sql ?? "").replace(/CREATE INDEX "Game_phase_idx"[^;]*;/, "") }, ...rest];
    expect(sqliteShape(dropped)).not.toEqual(original);
  });

  it.skipIf(!POSTGRES_URL)(
    "R-SCHEMA-SYNC: the PostgreSQL migrations build the same tables, columns, keys, indexes and foreign keys as the SQLite ones",
    async () => {
      const postgres = await postgresShape(POSTGRES_URL ?? "", pgScripts);
      expect(postgres).toEqual(sqliteShape(sqliteScripts));
    },
    60_000,
  );
});

if (!POSTGRES_URL) console.warn("TEST_POSTGRES_URL is not set: the PostgreSQL migrations are not compared.");
