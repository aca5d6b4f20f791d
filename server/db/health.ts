// Whether the database answers: the health check's one query.
import type { Db } from "./client";

/** Resolves when the database answered a trivial query; rejects with its error otherwise. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRawUnsafe("SELECT 1");
}
