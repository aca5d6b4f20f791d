// The JSON API under /api (docs/protocol.md, "HTTP"). Served by the custom server,
// not by Next route handlers, so it shares one copy of the database and auth with
// the live rooms. 401 without a session; another instructor's deck or session is
// 404. Open to anyone: a student's review link (R-REVIEW-PRIVATE) and an image by
// its id. Decks and images have files of their own (deck-routes.ts, image-routes.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { PAGE_HEADER, PAGE_SIZE_HEADER, sessionListQuery, TOTAL_COUNT_HEADER } from "../../lib/reports";
import { createInstructor, sessionUser, type Auth, type Instructor } from "../auth";
import type { DeckRepository } from "../db/decks";
import type { ImageRepository } from "../db/images";
import type { SessionRepository } from "../db/sessions";
import type { UserRepository } from "../db/users";
import { csvContentDisposition, sessionCsv } from "../reports/session-csv";
import { REVIEW_TOKEN_PATTERN } from "../reviews/review-token";
import { allow, type RateLimits } from "../realtime/rate-limits";
import { sharedLimiter } from "../scale/limiter";
import type { ClientAddress } from "../scale/client-address";
import type { Redis } from "../scale/redis";
import { deckRoutes } from "./deck-routes";
import { imageRoutes } from "./image-routes";
import { HttpError, readJson, sendError, sendJson, type Route } from "./respond";

export interface ApiDeps {
  auth: Auth;
  decks: DeckRepository;
  images: ImageRepository;
  users: UserRepository;
  sessions: SessionRepository;
  publicUrl: string;
  limits: RateLimits;
  log: (message: string, error?: unknown) => void;
  /** The client's address (the peer, or what a trusted proxy says). */
  clientAddress: ClientAddress;
  /** The scale-out connection: review links per address and uploads per instructor are counted for every server. */
  redis?: Redis | undefined;
}

const SMALL_BODY = 16 * 1024;
/** Stands for "no session" on the setup routes, which use no user. */
const NOBODY: Instructor = { id: "", name: "", email: "" };

const newInstructor = z.strictObject({
  name: z.string().trim().min(1).max(100),
  email: z.email().max(200),
  password: z.string().min(8).max(128),
});

/** A session id (a UUID; any short word-and-dash id is looked up, and is 404 if unknown). */
const SESSION_ID = "([\\w-]{1,64})";
/** Review links: generous for a class behind one address, a wall for anyone sweeping tokens. */
const REVIEWS_PER_IP = { points: 300, duration: 60 };

const notFound = (what: string) => new HttpError(404, "NOT_FOUND", `No such ${what}.`);

export function createApi(deps: ApiDeps) {
  const appOrigin = new URL(deps.publicUrl).origin;
  const reviewsPerIp = sharedLimiter("reviews-ip", REVIEWS_PER_IP, deps.redis);

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
    ...deckRoutes({ ...deps, importPerUser: deps.limits.importPerUser }),
    ...imageRoutes(deps),
    {
      method: "GET",
      pattern: /^\/api\/sessions$/,
      handler: async ({ res, query, user }) => {
        const parsed = sessionListQuery.safeParse(Object.fromEntries(query));
        if (!parsed.success) {
          throw new HttpError(400, "INVALID_QUERY", "q ≤ 200 characters, page ≥ 1, pageSize 1–100.");
        }
        const { total, sessions } = await deps.sessions.list(user.id, parsed.data);
        // The body stays the contract's array; the page is told in headers.
        res.setHeader(TOTAL_COUNT_HEADER, String(total));
        res.setHeader(PAGE_HEADER, String(parsed.data.page));
        res.setHeader(PAGE_SIZE_HEADER, String(parsed.data.pageSize));
        sendJson(res, 200, sessions);
      },
    },
    {
      method: "GET",
      pattern: new RegExp(`^/api/sessions/${SESSION_ID}$`),
      handler: async ({ res, params, user }) => {
        const report = await deps.sessions.report(user.id, params[0] ?? "");
        if (!report) throw notFound("session");
        sendJson(res, 200, report);
      },
    },
    {
      method: "GET",
      pattern: new RegExp(`^/api/sessions/${SESSION_ID}/export\\.csv$`),
      handler: async ({ res, params, user }) => {
        const report = await deps.sessions.report(user.id, params[0] ?? "");
        if (!report) throw notFound("session");
        const csv = Buffer.from(sessionCsv(report), "utf8");
        res.writeHead(200, {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": csvContentDisposition(report),
          "cache-control": "no-store",
          "content-length": csv.length,
        });
        res.end(csv);
      },
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^/api/sessions/${SESSION_ID}$`),
      handler: async ({ res, params, user }) => {
        const outcome = await deps.sessions.remove(user.id, params[0] ?? "");
        if (outcome === "not-found") throw notFound("session");
        if (outcome === "running") {
          throw new HttpError(409, "GAME_RUNNING", "The game is still running: end it before deleting it.");
        }
        res.writeHead(204, { "cache-control": "no-store" });
        res.end();
      },
    },
    {
      method: "GET",
      pattern: /^\/api\/running-games$/,
      handler: async ({ res, user }) => sendJson(res, 200, await deps.sessions.running(user.id)),
    },
    {
      method: "GET",
      pattern: /^\/api\/review\/([^/]+)$/,
      open: "always",
      handler: async ({ req, res, params }) => {
        if (!(await allow(reviewsPerIp, deps.clientAddress(req.socket.remoteAddress, req.headers)))) {
          throw new HttpError(429, "RATE_LIMITED", "Too many requests: wait a minute.");
        }
        // Malformed, unknown, kicked, not ended yet, expired: all the same 404, so a
        // link tells nothing about a game before its end (R-REVIEW-PRIVATE).
        const token = params[0] ?? "";
        const review = REVIEW_TOKEN_PATTERN.test(token) ? await deps.sessions.review(token) : null;
        if (!review) throw notFound("review");
        sendJson(res, 200, review);
      },
    },
  ];

  /** Handles /api/* except /api/auth/*; answers false for a path it does not own. */
  return async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    const matching = routes.filter((r) => r.pattern.test(path));
    try {
      // R-AUTH: no session is 401 on every route, known or not, before anything else,
      // but the review link (R-REVIEW-PRIVATE) and, until an instructor exists, the setup.
      const alwaysOpen = matching.some((r) => r.open === "always" && r.method === req.method);
      const setupOpen =
        !alwaysOpen && matching.some((r) => r.open === "while-no-instructor") && (await deps.users.count()) === 0;
      const user = alwaysOpen || setupOpen ? NOBODY : await requireUser(req);
      if (matching.length === 0) throw new HttpError(404, "NOT_FOUND", "No such API route.");
      const route = matching.find((r) => r.method === req.method);
      if (!route) throw new HttpError(405, "METHOD_NOT_ALLOWED", "Method not allowed.");
      if (req.method !== "GET" && req.headers.origin !== appOrigin) {
        throw new HttpError(403, "INVALID_ORIGIN", "State-changing requests need this app's Origin header.");
      }
      await route.handler({
        req,
        res,
        user,
        query: url.searchParams,
        params: route.pattern.exec(path)?.slice(1) ?? [],
      });
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
