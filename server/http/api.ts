// The JSON API under /api (docs/protocol.md, "HTTP"). Served by the custom server,
// not by Next route handlers, so it shares one copy of the database and auth with
// the live rooms. 401 without a session; another instructor's deck is 404.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { createInstructor, sessionUser, type Auth, type Instructor } from "../auth";
import type { DeckRepository } from "../db/decks";
import type { UserRepository } from "../db/users";
import { parseDeck } from "../decks/deck-schema";
import { HttpError, readBody, readJson, sendError, sendJson } from "./respond";
import { allow, type RateLimits } from "../realtime/rate-limits";

export interface ApiDeps {
  auth: Auth;
  decks: DeckRepository;
  users: UserRepository;
  publicUrl: string;
  limits: RateLimits;
  log: (message: string, error?: unknown) => void;
}

const SMALL_BODY = 16 * 1024;
/** Stands for "no session" on the setup routes, which use no user. */
const NOBODY: Instructor = { id: "", name: "", email: "" };
const DECK_BODY = 2 * 1024 * 1024;

const newInstructor = z.strictObject({
  name: z.string().trim().min(1).max(100),
  email: z.email().max(200),
  password: z.string().min(8).max(128),
});

type Handler = (ctx: {
  req: IncomingMessage;
  res: ServerResponse;
  params: string[];
  /** The signed-in instructor; checked before any handler runs (never null but on open routes). */
  user: Instructor;
}) => Promise<void>;
interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  /** The first-instructor setup is the one route open without a session, and only until then. */
  open?: "while-no-instructor";
}

export function createApi(deps: ApiDeps) {
  const appOrigin = new URL(deps.publicUrl).origin;

  const requireUser = async (req: IncomingMessage): Promise<Instructor> => {
    const user = await sessionUser(deps.auth, req.headers);
    if (!user) throw new HttpError(401, "UNAUTHORIZED", "Sign in first.");
    return user;
  };

  const parseInstructor = (body: unknown) => {
    const parsed = newInstructor.safeParse(body);
    if (!parsed.success) {
      throw new HttpError(400, "INVALID_PAYLOAD", "Name, a valid email and a password of 8+ characters are needed.");
    }
    return parsed.data;
  };

  const routes: Route[] = [
    {
      method: "GET",
      pattern: /^\/api\/setup$/,
      handler: async ({ res }) => sendJson(res, 200, { needed: (await deps.users.count()) === 0 }),
      open: "while-no-instructor",
    },
    {
      method: "POST",
      pattern: /^\/api\/setup$/,
      open: "while-no-instructor",
      handler: async ({ req, res }) => {
        if ((await deps.users.count()) > 0) {
          throw new HttpError(403, "SETUP_DONE", "The first instructor already exists.");
        }
        const input = parseInstructor(await readJson(req, SMALL_BODY));
        const user = await createInstructor(deps.auth, deps.users, input);
        if (!user) throw new HttpError(409, "EMAIL_TAKEN", "That email already has an account.");
        sendJson(res, 201, user);
      },
    },
    {
      method: "GET",
      pattern: /^\/api\/me$/,
      handler: async ({ res, user }) => sendJson(res, 200, user),
    },
    {
      method: "POST",
      pattern: /^\/api\/instructors$/,
      handler: async ({ req, res }) => {
        const user = await createInstructor(deps.auth, deps.users, parseInstructor(await readJson(req, SMALL_BODY)));
        if (!user) throw new HttpError(409, "EMAIL_TAKEN", "That email already has an account.");
        sendJson(res, 201, user);
      },
    },
    {
      method: "GET",
      pattern: /^\/api\/decks$/,
      handler: async ({ res, user }) => sendJson(res, 200, await deps.decks.list(user.id)),
    },
    {
      method: "GET",
      pattern: /^\/api\/decks\/([\w-]{1,64})$/,
      handler: async ({ res, params, user }) => {
        const deck = await deps.decks.findVisible(user.id, params[0] ?? "");
        if (!deck) throw new HttpError(404, "NOT_FOUND", "No such deck.");
        sendJson(res, 200, deck);
      },
    },
    {
      method: "POST",
      pattern: /^\/api\/decks\/import$/,
      handler: async ({ req, res, user }) => {
        if (!(await allow(deps.limits.importPerUser, user.id))) {
          throw new HttpError(429, "RATE_LIMITED", "Too many imports: wait a minute.");
        }
        const type = req.headers["content-type"] ?? "";
        if (type.startsWith("text/csv")) {
          await readBody(req, DECK_BODY);
          throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "CSV import is not available yet: send the deck as JSON.");
        }
        const parsed = parseDeck(await readJson(req, DECK_BODY));
        if (!parsed.ok) {
          throw new HttpError(400, "INVALID_DECK", "The deck has problems; nothing was stored.", parsed.problems);
        }
        sendJson(res, 201, { id: await deps.decks.create(user.id, parsed.deck) });
      },
    },
  ];

  /** Handles /api/* except /api/auth/*; answers false for a path it does not own. */
  return async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const matching = routes.filter((r) => r.pattern.test(path));
    try {
      // R-AUTH: no session is 401 on every route, known or not, before anything else.
      const setupOpen = matching.some((r) => r.open) && (await deps.users.count()) === 0;
      const user = setupOpen ? NOBODY : await requireUser(req);
      if (matching.length === 0) throw new HttpError(404, "NOT_FOUND", "No such API route.");
      const route = matching.find((r) => r.method === req.method);
      if (!route) throw new HttpError(405, "METHOD_NOT_ALLOWED", "Method not allowed.");
      if (req.method !== "GET" && req.headers.origin !== appOrigin) {
        throw new HttpError(403, "INVALID_ORIGIN", "State-changing requests need this app's Origin header.");
      }
      await route.handler({ req, res, user, params: route.pattern.exec(path)?.slice(1) ?? [] });
    } catch (error) {
      if (error instanceof HttpError) sendError(res, error);
      else {
        deps.log(`API ${req.method} ${path} failed`, error);
        sendError(res, new HttpError(500, "INTERNAL", "Something went wrong."));
      }
    }
    return true;
  };
}
