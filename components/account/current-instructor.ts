// For server components only (next/headers): whether the page's request comes from
// a signed-in instructor. Pages never import server/ (an ESLint rule), so the
// custom server is asked over HTTP, as the browser would ask it: GET /api/me with
// the request's cookies, which checks the session with Better Auth's getSession.
import { headers } from "next/headers";

export interface CurrentInstructor {
  id: string;
  name: string;
  email: string;
}

export type SessionCheck =
  | { status: "signed-in"; instructor: CurrentInstructor }
  | { status: "signed-out" }
  /** The server could not be asked: the page renders as for a visitor and the browser's own checks decide. */
  | { status: "unknown" };

/** Better Auth's session cookie, plain or with the __Secure- prefix an https:// PUBLIC_URL gives it. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/;
const CHECK_TIMEOUT_MS = 3000;

/**
 * The custom server this page is rendered in, at its own listening address
 * (PORT/HOST as server/env.ts reads them), never through a proxy in front of it:
 * PUBLIC_URL may name a load balancer that this machine cannot or should not reach.
 */
function ownOrigin(): string {
  const port = process.env.PORT || "3000";
  const host = process.env.HOST;
  const address = !host || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
}

/**
 * Asks the server who is signed in with this request's cookies. No session cookie
 * at all is "signed-out" without a round trip; a 401 is "signed-out" (an expired or
 * revoked session too); an unreachable server or any other answer is "unknown".
 */
export async function checkSession(): Promise<SessionCheck> {
  const cookie = (await headers()).get("cookie") ?? "";
  if (!SESSION_COOKIE.test(cookie)) return { status: "signed-out" };
  try {
    const response = await fetch(`${ownOrigin()}/api/me`, {
      headers: { cookie, accept: "application/json" },
      cache: "no-store",
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    });
    if (response.status === 401) return { status: "signed-out" };
    if (!response.ok) return { status: "unknown" };
    const me = (await response.json()) as Partial<CurrentInstructor>;
    if (typeof me.id !== "string" || typeof me.email !== "string") return { status: "unknown" };
    return { status: "signed-in", instructor: { id: me.id, name: me.name ?? "", email: me.email } };
  } catch {
    return { status: "unknown" };
  }
}
