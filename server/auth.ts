// Instructor accounts with Better Auth: email + password, hashed by the library,
// HTTP-only SameSite session cookies. Public sign-up is closed: the first account
// comes from the setup page or ADMIN_EMAIL/ADMIN_PASSWORD, the others from a
// signed-in instructor.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { fromNodeHeaders } from "better-auth/node";
import type { IncomingHttpHeaders } from "node:http";
import type { Db } from "./db/client";

export interface AuthOptions {
  db: Db;
  postgres: boolean;
  secret: string;
  publicUrl: string;
}

export function createAuth({ db, postgres, secret, publicUrl }: AuthOptions) {
  // Better Auth limits sign-in per IP address; this adds a limit per account, so
  // guessing one instructor's password from many addresses is slowed too.
  const signInPerAccount = new RateLimiterMemory({ points: 20, duration: 300 });
  return betterAuth({
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? "").toLowerCase();
        try {
          await signInPerAccount.consume(email);
        } catch {
          throw new APIError("TOO_MANY_REQUESTS", { message: "Too many sign-in attempts: wait a few minutes." });
        }
      }),
    },
    database: prismaAdapter(db, { provider: postgres ? "postgresql" : "sqlite" }),
    secret,
    baseURL: publicUrl,
    trustedOrigins: [new URL(publicUrl).origin],
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 128 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "memory",
      customRules: { "/sign-in/email": { window: 60, max: 10 } },
    },
    advanced: { useSecureCookies: publicUrl.startsWith("https://") },
    telemetry: { enabled: false },
  });
}
export type Auth = ReturnType<typeof createAuth>;

export interface Instructor {
  id: string;
  name: string;
  email: string;
}

export async function sessionUser(auth: Auth, headers: IncomingHttpHeaders): Promise<Instructor | null> {
  const session = await auth.api.getSession({ headers: fromNodeHeaders(headers) });
  return session ? { id: session.user.id, name: session.user.name, email: session.user.email } : null;
}

/** Creates an instructor with a library-hashed password; null when the email is taken. */
export async function createInstructor(
  auth: Auth,
  input: { name: string; email: string; password: string },
): Promise<Instructor | null> {
  const ctx = await auth.$context;
  const email = input.email.toLowerCase();
  if (await ctx.internalAdapter.findUserByEmail(email)) return null;
  const user = await ctx.internalAdapter.createUser(
    { name: input.name, email, emailVerified: false },
    { method: "admin" },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await ctx.password.hash(input.password),
  });
  return { id: user.id, name: user.name, email: user.email };
}
