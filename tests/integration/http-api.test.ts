// The HTTP contract: sign-in, 401 without a session, decks, import, ownership; and
// the session secret, on servers of its own.
import { randomBytes } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, connectHost, signIn, signInOtherInstructor, postJson } from "./support/clients";
import { SHORT_DECK, importDeck } from "./support/game";
import { ADMIN, DATABASES, startServer, type TestServer } from "./support/server";

describe.each(DATABASES)("HTTP API (%s)", (database) => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startServer({ database });
    cookie = await signIn(server.url);
  });
  afterAll(async () => server?.dispose());

  it("R-AUTH: sign-in with the environment's admin; a wrong password is 401", async () => {
    const wrong = await postJson(server.url, "/api/auth/sign-in/email", {
      email: ADMIN.email,
      password: "not-the-password",
    });
    expect(wrong.status).toBe(401);
    const ok = await postJson(server.url, "/api/auth/sign-in/email", ADMIN);
    expect(ok.status).toBe(200);
    const setCookie = ok.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/session_token=.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it("R-RATE-LIMIT: ten failed sign-ins lock that account for a while, whatever the address claims", async () => {
    const attempt = (password: string, i: number) =>
      api(server.url, "/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `10.0.0.${i}` },
        body: JSON.stringify({ email: "locked@example.com", password }),
      });
    for (let i = 0; i < 10; i += 1) expect((await attempt("wrong-password", i)).status).toBe(401);
    const locked = await attempt("wrong-password", 99);
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain("failed sign-ins");
  });

  it("R-AUTH: every /api route answers 401 without a session", async () => {
    for (const path of ["/api/decks", "/api/me", "/api/decks/whatever", "/api/decks/whatever/export?format=csv"]) {
      expect((await api(server.url, path)).status, path).toBe(401);
    }
    const post = await postJson(server.url, "/api/decks/import", SHORT_DECK);
    expect(post.status).toBe(401);
    for (const path of ["/api/decks", "/api/images", "/api/decks/whatever/duplicate"]) {
      expect((await api(server.url, path, { method: "POST", body: "x" })).status, path).toBe(401);
    }
    // An image is open to anyone holding its id (phones have no account): unknown is 404, not 401.
    expect((await api(server.url, "/api/images/AAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404);
    // Setup is closed once an instructor exists: like any other route, and unknown ones.
    expect((await api(server.url, "/api/setup")).status).toBe(401);
    expect((await api(server.url, "/api/sessions")).status).toBe(401);
    expect((await api(server.url, "/api/no-such-route")).status).toBe(401);
    const setup = await postJson(server.url, "/api/setup", { name: "x", email: "x@example.com", password: "12345678" });
    expect(setup.status).toBe(401);
  });

  it("lists both built-in decks with 20+ questions", async () => {
    const decks = (await (await api(server.url, "/api/decks", { cookie })).json()) as {
      title: string;
      language: string;
      questionCount: number;
      builtin: boolean;
    }[];
    const builtin = decks.filter((d) => d.builtin);
    expect(builtin.map((d) => d.language).sort()).toEqual(["en", "ko"]);
    for (const deck of builtin) expect(deck.questionCount).toBeGreaterThanOrEqual(20);
  });

  it("R-DECK-STRICT: import answers 201 for a good deck, 400 with every located problem for a bad one", async () => {
    const id = await importDeck(server.url, cookie);
    const before = (await (await api(server.url, "/api/decks", { cookie })).json()) as { id: string }[];
    expect(before.some((d) => d.id === id)).toBe(true);
    const bad = await postJson(
      server.url,
      "/api/decks/import",
      {
        ...SHORT_DECK,
        questions: [{ kind: "single", text: "?", options: ["a"], correct: [3], extra: 1 }],
      },
      cookie,
    );
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { details: { question: number; path: string }[] } };
    expect(body.error.details.length).toBeGreaterThanOrEqual(2);
    expect(body.error.details.every((p) => p.question === 1)).toBe(true);
    const after = (await (await api(server.url, "/api/decks", { cookie })).json()) as unknown[];
    expect(after.length).toBe(before.length);
  });

  it("R-OWNER-ONLY: another instructor's deck is 404; state changes need the app's Origin", async () => {
    const id = await importDeck(server.url, cookie);
    const created = await postJson(
      server.url,
      "/api/instructors",
      { name: "Other", email: "other@example.com", password: "other-password" },
      cookie,
    );
    expect(created.status).toBe(201);
    const other = await signIn(server.url, { email: "other@example.com", password: "other-password" });
    expect((await api(server.url, `/api/decks/${id}`, { cookie: other })).status).toBe(404);
    expect((await api(server.url, `/api/decks/${id}`, { cookie })).status).toBe(200);
    const foreign = await api(server.url, "/api/decks/import", {
      method: "POST",
      cookie,
      headers: { "content-type": "application/json", origin: "http://evil.example" },
      body: JSON.stringify(SHORT_DECK),
    });
    expect(foreign.status).toBe(403);
  });

  it("R-CSP: pages carry a strict Content-Security-Policy whose nonce is on every script", async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    const policy = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("R-RATE-LIMIT: more than 20 deck imports a minute by one instructor get 429; another instructor still imports", async () => {
    const importer = await signInOtherInstructor(server.url, "Importer");
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      statuses.push((await postJson(server.url, "/api/decks/import", SHORT_DECK, importer)).status);
    }
    expect(statuses).toEqual(Array(20).fill(201));
    const over = await postJson(server.url, "/api/decks/import", SHORT_DECK, importer);
    expect(over.status).toBe(429);
    const body = (await over.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(body.error.message).toMatch(/import/i);
    const own = (await (await api(server.url, "/api/decks", { cookie: importer })).json()) as { builtin: boolean }[];
    expect(own.filter((d) => !d.builtin)).toHaveLength(20);
    // The limit is per instructor.
    expect((await postJson(server.url, "/api/decks/import", SHORT_DECK, cookie)).status).toBe(201);
  });
});

/**
 * The secret and its common encodings, cut into every 10-character piece: a log line
 * that shows part of it is caught too, and 10 random characters do not turn up by chance.
 */
function secretForms(secret: string): string[] {
  const forms = [
    secret,
    Buffer.from(secret).toString("base64"),
    Buffer.from(secret).toString("hex"),
    Buffer.from(secret, "base64url").toString("hex"),
    Buffer.from(secret, "base64url").toString("base64"),
  ];
  const PIECE = 10;
  return forms.flatMap((form) =>
    Array.from({ length: Math.max(1, form.length - PIECE + 1) }, (_, i) => form.slice(i, i + PIECE)),
  );
}

/** What makes a server log: failed sign-ins, refused handshakes, bad requests, its own start and stop. */
async function exerciseLogging(server: TestServer): Promise<string> {
  for (const password of ["wrong-password", ""]) {
    await postJson(server.url, "/api/auth/sign-in/email", { email: ADMIN.email, password });
  }
  await postJson(server.url, "/api/auth/sign-in/email", { email: "nobody@example.com", password: "x".repeat(12) });
  await api(server.url, "/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{not json",
  });
  await postJson(server.url, "/api/auth/sign-up/email", {
    name: "Eve",
    email: "eve@example.com",
    password: "12345678",
  });
  await expect(connectHost(server.url, "better-auth.session_token=forged.signature")).rejects.toThrow(/FORBIDDEN/);
  const cookie = await signIn(server.url);
  await postJson(server.url, "/api/decks/import", { title: "" }, cookie);
  await api(server.url, "/api/decks/import", {
    method: "POST",
    cookie,
    headers: { "content-type": "application/json" },
    body: "{not json",
  });
  await api(server.url, "/api/decks/not-a-deck", { cookie });
  return cookie;
}

describe("R-SECRET: the session secret", () => {
  it("R-SECRET: a generated secret is kept with mode 0600, reused after a restart, and never logged", async () => {
    // Empty counts as unset (server/env.ts): the server generates its own.
    const server = await startServer({ env: { BETTER_AUTH_SECRET: "" } });
    try {
      const cookie = await exerciseLogging(server);
      await server.stop("SIGTERM");
      await server.restart();
      await exerciseLogging(server);
      // The same secret after the restart: the session signed before it still holds.
      expect((await api(server.url, "/api/me", { cookie })).status).toBe(200);

      const file = join(server.dataDir, "secret");
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const secret = readFileSync(file, "utf8").trim();
      expect(secret.length).toBeGreaterThanOrEqual(32);
      const output = server.output();
      expect(output).toContain("QUIZROOM_LISTENING");
      expect(secretForms(secret).filter((piece) => output.includes(piece))).toEqual([]);
    } finally {
      await server.dispose();
    }
  }, 180_000);

  it("R-SECRET: a secret given in the environment is never logged either", async () => {
    const secret = randomBytes(36).toString("base64url");
    const server = await startServer({ env: { BETTER_AUTH_SECRET: secret } });
    try {
      await exerciseLogging(server);
      await server.stop("SIGTERM");
      await server.restart();
      await exerciseLogging(server);
      const output = server.output();
      expect(secretForms(secret).filter((piece) => output.includes(piece))).toEqual([]);
    } finally {
      await server.dispose();
    }
  }, 180_000);
});
