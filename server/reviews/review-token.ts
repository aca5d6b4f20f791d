// A student's review link: an unguessable token bound to one player. The token is
// derived, not drawn, so the server can hand it out again at the end of the game
// (and after a restart) without ever storing it; only its SHA-256 is stored
// (Player.reviewTokenHash), like the rejoin token's.
import { createHash, createHmac } from "node:crypto";

/** Keeps review tokens apart from anything else the same secret signs. */
const PURPOSE = "quizroom-review:";

/** How long after a game's end its review links open: long enough for a term's revision. */
export const REVIEW_LINK_DAYS = 90;
export const REVIEW_LINK_MS = REVIEW_LINK_DAYS * 24 * 60 * 60 * 1000;

/** What a review token looks like in a URL: base64url of a 32-byte HMAC is 43 characters. */
export const REVIEW_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The review token of a player: base64url(HMAC-SHA256(secret, "quizroom-review:" + playerId)),
 * 43 characters. `secret` is the server's session secret (BETTER_AUTH_SECRET or DATA_DIR/secret).
 */
export function reviewTokenFor(secret: string, playerId: string): string {
  return createHmac("sha256", secret)
    .update(PURPOSE + playerId)
    .digest("base64url");
}

/** What is stored and looked up: the token's SHA-256, as 64 hex characters. */
export function hashReviewToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The moment a game's review links stop opening (REVIEW_LINK_DAYS after its end). */
export function reviewExpiresAt(endedAt: Date): Date {
  return new Date(endedAt.getTime() + REVIEW_LINK_MS);
}

/** The review page's address for a token: what the phone's end screen links to. */
export function reviewUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, "")}/review/${token}`;
}
