// The browser's calls to Better Auth's own endpoints under /api/auth (server/auth.ts).
// Better Auth answers errors as { code?, message } at the top level, not as the
// app's { error: { code, message } }, so they are read here into the same ApiError.
import { ApiError } from "../api-client";

async function authPost<T>(path: string, body: object): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/auth${path}`, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "NETWORK", "network error");
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (data ?? {}) as { code?: unknown; message?: unknown };
    throw new ApiError(
      response.status,
      typeof error.code === "string" ? error.code : `HTTP_${response.status}`,
      typeof error.message === "string" ? error.message : response.statusText,
    );
  }
  return data as T;
}

/**
 * POST /api/auth/sign-in/email: sets the session cookie. Throws ApiError: 401
 * INVALID_EMAIL_OR_PASSWORD, 429 (Better Auth's per-address limit or the app's
 * per-account one), 403 for a foreign Origin, status 0 when the server is unreachable.
 */
export const signInWithEmail = (email: string, password: string) =>
  authPost<{ token: string }>("/sign-in/email", { email, password });

/**
 * POST /api/auth/change-password ({ currentPassword, newPassword, revokeOtherSessions }).
 * With revokeOtherSessions, Better Auth ends every session of the account and sets
 * a new cookie for this one. Throws ApiError: 400 INVALID_PASSWORD (wrong current
 * password), 400 PASSWORD_TOO_SHORT / PASSWORD_TOO_LONG, 401 without a session, 429.
 */
export const changePassword = (input: { currentPassword: string; newPassword: string; revokeOtherSessions: boolean }) =>
  authPost<{ token: string | null }>("/change-password", input);

/**
 * POST /api/auth/revoke-sessions: ends every session of the account, this one
 * included, and clears the cookie. Throws ApiError: 401 without a session.
 */
export const revokeAllSessions = () => authPost<{ status: boolean }>("/revoke-sessions", {});
