// Writes the next migration for both databases: `npm run db:migration -- NAME`.
// Edit prisma/sqlite/schema.prisma only; this derives prisma/pg/schema.prisma from
// it, then diffs each schema against its last committed version (or against an
// empty database for the first migration). `migrate diff` needs no database, which
// matters here: the WebAssembly schema engine cannot diff from a live database.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: npm run db:migration -- NAME");
  process.exit(2);
}

export function derivePostgresSchema(sqliteSchema) {
  return sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace("generated/sqlite", "generated/pg");
}

writeFileSync("prisma/pg/schema.prisma", derivePostgresSchema(readFileSync("prisma/sqlite/schema.prisma", "utf8")));

// prisma.config.ts resolves the SQLite URL under data/, which a fresh clone lacks.
mkdirSync("data", { recursive: true });
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const [folder, url] of [
  ["prisma/sqlite", "file:./data/migration-scratch.db"],
  ["prisma/pg", process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres"],
]) {
  const migrations = join(folder, "migrations");
  const hasMigrations = existsSync(migrations) && readdirSync(migrations).some((f) => /^\d/.test(f));
  const from = ["--from-empty"];
  if (hasMigrations) {
    const previous = join(mkdtempSync(join(tmpdir(), "quizroom-")), "schema.prisma");
    writeFileSync(previous, execFileSync("git", ["show", `HEAD:${folder}/schema.prisma`]));
    from.splice(0, 1, "--from-schema-datamodel", previous);
  }
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", `${folder}/schema.prisma`, "--script"],
    { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" },
  );
  const target = join(migrations, `${stamp}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, "migration.sql"), sql);
  const lock = join(migrations, "migration_lock.toml");
  if (!existsSync(lock)) {
    const provider = folder.endsWith("pg") ? "postgresql" : "sqlite";
    writeFileSync(lock, `# Written by scripts/new-migration.mjs\nprovider = "${provider}"\n`);
  }
  console.log(`wrote ${target}/migration.sql`);
}
