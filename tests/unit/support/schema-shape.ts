// What a set of migrations builds, read back from a real database: tables, columns
// (type family, nullability, default), primary keys, indexes and foreign keys, in a
// form that SQLite and PostgreSQL share. R-SCHEMA-SYNC compares the two shapes, so
// the migrations are judged by what their SQL does, not by their folder names.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export interface ColumnShape {
  type: string;
  nullable: boolean;
  default: string | null;
}
export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  /** "unique? col1,col2" per index, sorted; the primary key's own index left out. */
  indexes: string[];
  /** "col1,col2 -> table(col1,col2) on delete X on update Y", sorted. */
  foreignKeys: string[];
}
export type SchemaShape = Record<string, TableShape>;

/** Each migration's SQL, in the order `prisma migrate deploy` applies them. */
export function migrationScripts(folder: string): { name: string; sql: string }[] {
  return readdirSync(folder)
    .filter((name) => /^\d/.test(name))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(folder, name, "migration.sql"), "utf8") }));
}

/** The family a column's declared type belongs to, named alike for both databases. */
export function typeFamily(declared: string): string {
  const type = declared
    .toUpperCase()
    .replace(/\(.*\)/, "")
    .trim();
  const families: Record<string, string> = {
    TEXT: "text",
    VARCHAR: "text",
    "CHARACTER VARYING": "text",
    INTEGER: "int",
    INT: "int",
    INT4: "int",
    BIGINT: "bigint",
    INT8: "bigint",
    BOOLEAN: "bool",
    BOOL: "bool",
    DATETIME: "datetime",
    TIMESTAMP: "datetime",
    "TIMESTAMP WITHOUT TIME ZONE": "datetime",
    REAL: "float",
    "DOUBLE PRECISION": "float",
    FLOAT8: "float",
    DECIMAL: "decimal",
    NUMERIC: "decimal",
    BLOB: "bytes",
    BYTEA: "bytes",
    JSONB: "json",
    JSON: "json",
  };
  return families[type] ?? `unknown:${type}`;
}

/** Defaults as both databases print them: PostgreSQL's casts and quoting removed. */
export function normaliseDefault(value: string | null): string | null {
  if (value === null) return null;
  const bare = value.replace(/::[\w ]+(\(\d+\))?$/, "").trim();
  if (/^current_timestamp/i.test(bare)) return "now";
  // PostgreSQL quotes a negative number: '-1'::integer.
  const quotedNumber = /^'(-?\d+(?:\.\d+)?)'$/.exec(bare)?.[1];
  if (quotedNumber !== undefined) return quotedNumber;
  return bare.toLowerCase() === "true" || bare.toLowerCase() === "false" ? bare.toLowerCase() : bare;
}

const sortedEntries = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/** Applies the migrations to a fresh in-memory SQLite database and reads back its shape. */
export function sqliteShape(scripts: { sql: string }[]): SchemaShape {
  const db = new Database(":memory:");
  try {
    for (const { sql } of scripts) db.exec(sql);
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'",
      )
      .all() as { name: string }[];
    const shape: SchemaShape = {};
    for (const { name } of tables) {
      const columns = db.prepare(`PRAGMA table_info("${name}")`).all() as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }[];
      const indexes = db.prepare(`PRAGMA index_list("${name}")`).all() as {
        name: string;
        unique: number;
        origin: string;
      }[];
      const foreignKeys = db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as {
        id: number;
        table: string;
        from: string;
        to: string;
        on_update: string;
        on_delete: string;
      }[];
      shape[name] = {
        columns: sortedEntries(
          Object.fromEntries(
            columns.map((c) => [
              c.name,
              {
                type: typeFamily(c.type),
                nullable: c.notnull === 0 && c.pk === 0,
                default: normaliseDefault(c.dflt_value),
              },
            ]),
          ),
        ),
        primaryKey: columns
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
        indexes: indexes
          .filter((i) => i.origin !== "pk")
          .map((i) => {
            const cols = db.prepare(`PRAGMA index_info("${i.name}")`).all() as { seqno: number; name: string }[];
            const list = cols.sort((a, b) => a.seqno - b.seqno).map((c) => c.name);
            return `${i.unique ? "unique " : ""}${list.join(",")}`;
          })
          .sort(),
        foreignKeys: Object.values(
          foreignKeys.reduce<Record<number, typeof foreignKeys>>((groups, fk) => {
            (groups[fk.id] ??= []).push(fk);
            return groups;
          }, {}),
        )
          .map((parts) => {
            const first = parts[0];
            const from = parts.map((p) => p.from).join(",");
            const to = parts.map((p) => p.to).join(",");
            return `${from} -> ${first?.table}(${to}) on delete ${first?.on_delete.toLowerCase()} on update ${first?.on_update.toLowerCase()}`;
          })
          .sort(),
      };
    }
    return sortedEntries(shape);
  } finally {
    db.close();
  }
}

const PG_ACTIONS: Record<string, string> = {
  a: "no action",
  r: "restrict",
  c: "cascade",
  n: "set null",
  d: "set default",
};

/**
 * Applies the migrations to a new PostgreSQL database (created beside `adminUrl`'s,
 * dropped afterwards) and reads back its shape from the catalogue.
 */
export async function postgresShape(adminUrl: string, scripts: { sql: string }[]): Promise<SchemaShape> {
  const name = `quizroom_schema_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = new pg.Client({ connectionString: url.toString() });
  try {
    await db.connect();
    for (const { sql } of scripts) await db.query(sql);
    const rows = async <T>(sql: string): Promise<T[]> => (await db.query(sql)).rows as T[];
    const columns = await rows<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
    }>(
      "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\\_prisma%'",
    );
    const keys = await rows<{ table: string; column: string; position: number }>(`
      SELECT t.relname::text AS table, a.attname::text AS column, array_position(c.conkey, a.attnum) AS position
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'p' AND t.relnamespace = 'public'::regnamespace`);
    const indexes = await rows<{ table: string; unique: boolean; columns: string[] }>(`
      SELECT t.relname::text AS table, ix.indisunique AS unique,
        array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, n)
              JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
      FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid
      WHERE NOT ix.indisprimary AND t.relnamespace = 'public'::regnamespace AND t.relname NOT LIKE '\\_prisma%'`);
    const foreignKeys = await rows<{
      table: string;
      ref: string;
      from: string[];
      to: string[];
      on_delete: string;
      on_update: string;
    }>(`
      SELECT t.relname::text AS table, r.relname::text AS ref, c.confdeltype AS on_delete, c.confupdtype AS on_update,
        array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
              JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS from,
        array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n)
              JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS to
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
      WHERE c.contype = 'f' AND t.relnamespace = 'public'::regnamespace`);

    const shape: SchemaShape = {};
    const table = (name: string): TableShape =>
      (shape[name] ??= { columns: {}, primaryKey: [], indexes: [], foreignKeys: [] });
    for (const c of columns) {
      table(c.table_name).columns[c.column_name] = {
        type: typeFamily(c.data_type),
        nullable: c.is_nullable === "YES",
        default: normaliseDefault(c.column_default),
      };
    }
    for (const key of keys.sort((a, b) => a.position - b.position)) table(key.table).primaryKey.push(key.column);
    for (const index of indexes) {
      table(index.table).indexes.push(`${index.unique ? "unique " : ""}${index.columns.join(",")}`);
    }
    for (const fk of foreignKeys) {
      const action = (code: string) => PG_ACTIONS[code] ?? code;
      table(fk.table).foreignKeys.push(
        `${fk.from.join(",")} -> ${fk.ref}(${fk.to.join(",")}) on delete ${action(fk.on_delete)} on update ${action(fk.on_update)}`,
      );
    }
    for (const t of Object.values(shape)) {
      t.columns = sortedEntries(t.columns);
      t.indexes.sort();
      t.foreignKeys.sort();
    }
    return sortedEntries(shape);
  } finally {
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** The tables and scalar columns a Prisma schema declares (relation fields left out). */
export function prismaModelColumns(schema: string): Record<string, string[]> {
  const scalars = new Set(["String", "Int", "BigInt", "Boolean", "DateTime", "Float", "Decimal", "Json", "Bytes"]);
  const models: Record<string, string[]> = {};
  for (const [, model = "", body = ""] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? model;
    models[table] = body
      .split("\n")
      .map((line) => line.replace(/\/\/.*$/, "").trim())
      .filter((line) => /^\w+\s+\w+/.test(line))
      .map((line) => line.split(/\s+/))
      .filter(([, type = ""]) => scalars.has(type.replace(/[?[\]]/g, "")))
      .map(([field = "", , ...attributes]) => /@map\("([^"]+)"\)/.exec(attributes.join(" "))?.[1] ?? field)
      .sort();
  }
  return sortedEntries(models);
}
