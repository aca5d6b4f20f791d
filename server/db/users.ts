// Instructor accounts as the rest of the server needs them. Sign-in itself is
// Better Auth's (server/auth.ts); this only counts and looks up.
import type { Db } from "./client";

export function createUserRepository(db: Db) {
  return {
    count: () => db.user.count(),
    findByEmail: (email: string) =>
      db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, email: true } }),
  };
}
export type UserRepository = ReturnType<typeof createUserRepository>;
