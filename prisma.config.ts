// Prisma CLI configuration. The machines reach no Prisma binary server, so the
// CLI runs its WebAssembly schema engine through a driver adapter (see
// docs/operations.md). DATABASE_URL picks the database and with it the schema:
// a postgresql:// URL selects prisma/pg, anything else prisma/sqlite.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The schema's env("DATABASE_URL") must resolve even when the variable is unset.
const url = (process.env.DATABASE_URL ??= "file:./data/quizroom.db");
const isPostgres = /^postgres(ql)?:\/\//.test(url);
const folder = isPostgres ? "prisma/pg" : "prisma/sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `${folder}/schema.prisma`,
  migrations: { path: `${folder}/migrations` },
  adapter: async () => (isPostgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url })),
});
