// Instructor accounts with Better Auth: email + password, hashed by the library,
// HTTP-only SameSite session cookies. Public sign-up is closed: the first account
// comes from the setup page or ADMIN_EMAIL/ADMIN_PASSWORD, the others from a
// signed-in instructor (POST /api/instructors). The account page uses Better Auth's
// own routes as they come, with no extra option: POST /api/auth/change-password
// (revokeOtherSessions ends the other devices' sessions) and /api/auth/revoke-sessions
// (every session, this one too); both need a session and this app's Origin.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { fromNodeHeaders } from "better-auth/node";
import type { IncomingHttpHeaders } from "node:http";
import type { Db } from "./db/client";
import type { UserRepository } from "./db/users";
import { sharedLimiter } from "./scale/limiter";
import type { Redis } from "./scale/redis";

export const CLIENT_IP_HEADER = "x-quizroom-client-ip";
const SIGN_UP_CLOSED = "Sign-up is closed: an instructor adds instructors.";

export interface AuthOptions {
  db: Db;
  postgres: boolean;
  secret: string;
  publicUrl: string;
  /** The scale-out connection (REDIS_URL): failed sign-ins per account are counted there, for every server. */
  redis?: Redis | undefined;
}

export function createAuth({ db, postgres, secret, publicUrl, redis }: AuthOptions) {
  // Better Auth limits sign-in per IP address; this adds failures per account, so
  // guessing one instructor's password from many addresses is slowed too, while
  // the instructor's own successful sign-ins cost nothing.
  const failuresPerAccount = sharedLimiter("signin-failures-account", { points: 10, duration: 600 }, redis);
  const accountOf = (body: unknown) => String((body as { email?: unknown } | undefined)?.email ?? "").toLowerCase();
  return betterAuth({
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // Sign-up is closed to the public: only the server's own call (no request)
        // creates an account, from the setup page or a signed-in instructor.
        if (ctx.path === "/sign-up/email" && ctx.request) {
          throw new APIError("FORBIDDEN", { message: SIGN_UP_CLOSED, code: "EMAIL_PASSWORD_SIGN_UP_DISABLED" });
        }
        if (ctx.path !== "/sign-in/email") return;
        const used = await failuresPerAccount.get(accountOf(ctx.body));
        if (used && used.remainingPoints <= 0) {
          throw new APIError("TOO_MANY_REQUESTS", { message: "Too many failed sign-ins: wait a few minutes." });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email" || !(ctx.context.returned instanceof APIError)) return;
        await failuresPerAccount.consume(accountOf(ctx.body)).catch(() => undefined);
      }),
    },
    database: prismaAdapter(db, { provider: postgres ? "postgresql" : "sqlite" }),
    secret,
    baseURL: publicUrl,
    trustedOrigins: [new URL(publicUrl).origin],
    // autoSignIn off: creating an instructor must not open a session for them.
    emailAndPassword: { enabled: true, autoSignIn: false, minPasswordLength: 8, maxPasswordLength: 128 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "memory",
      customRules: { "/sign-in/email": { window: 60, max: 20 } },
    },
    advanced: {
      // Better Auth turns its Origin (CSRF) check off by itself when NODE_ENV=test or
      // TEST=true, which Vitest sets and the servers it starts inherit: a cookie-carrying
      // POST (change-password, revoke-sessions, sign-out) from another site would then
      // pass. The check stays on whatever the environment says.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      useSecureCookies: publicUrl.startsWith("https://"),
      // The client's address as the server saw it (server/app.ts sets this header,
      // overwriting any sent); X-Forwarded-For from a client would be a free pass.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
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

/**
 * Creates an instructor through Better Auth's own sign-up endpoint, called from the
 * server (the public route is closed in the hook above): the library hashes the
 * password and writes the user and credential account. Returns null when the email
 * is taken (checked first: with autoSignIn off the endpoint answers a taken email
 * with a look-alike success, so as not to reveal which emails exist).
 */
export async function createInstructor(
  auth: Auth,
  users: Pick<UserRepository, "findByEmail">,
  input: { name: string; email: string; password: string },
): Promise<Instructor | null> {
  const email = input.email.toLowerCase();
  if (await users.findByEmail(email)) return null;
  const { user } = await auth.api.signUpEmail({ body: { name: input.name, email, password: input.password } });
  return { id: user.id, name: user.name, email: user.email };
}
