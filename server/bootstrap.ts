// What a fresh install needs before serving: the built-in decks (seeded once, by
// key) and, for unattended installs, the first instructor from the environment.
import { createInstructor, type Auth } from "./auth";
import type { DeckRepository } from "./db/decks";
import type { UserRepository } from "./db/users";
import { BUILTIN_DECKS, loadBuiltinDeck } from "./decks/builtin";

export async function seedBuiltinDecks(decks: DeckRepository): Promise<number> {
  let seeded = 0;
  for (const { key, file } of BUILTIN_DECKS) {
    if (await decks.hasBuiltin(key)) continue;
    try {
      await decks.create(null, loadBuiltinDeck(file), key);
      seeded += 1;
    } catch (error) {
      // Another process seeding at the same moment wins the UNIQUE key: fine.
      if (!(await decks.hasBuiltin(key))) throw error;
    }
  }
  return seeded;
}

export async function ensureAdmin(
  auth: Auth,
  users: UserRepository,
  email: string | undefined,
  password: string | undefined,
): Promise<boolean> {
  if (!email || !password || (await users.findByEmail(email))) return false;
  return (await createInstructor(auth, users, { name: email.split("@")[0] ?? "Instructor", email, password })) !== null;
}
