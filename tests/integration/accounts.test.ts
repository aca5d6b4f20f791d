// Instructor accounts: Better Auth's sign-up endpoint is open only to the server's
// own call; from outside, an instructor is added by a signed-in instructor. Each
// instructor changes their own password and can end every session of theirs
// (Better Auth's change-password and revoke-sessions, through this server's
// Origin check and cookie). Pages that only a visitor needs send an instructor on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, connectHost, postJson, signIn } from "./support/clients";
import { ADMIN, DATABASES, startServer, type TestServer } from "./support/server";

/** The cookie pair a Set-Cookie header sets for the session, e.g. to replace a rotated one. */
function sessionCookieOf(response: Response): string | null {
  const set = response.headers.getSetCookie().find((c) => c.includes("session_token="));
  return set ? (set.split(";")[0] ?? null) : null;
}

describe.each(DATABASES)("instructor accounts (%s)", (database) => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startServer({ database });
    admin = await signIn(server.url);
  });
  afterAll(async () => server?.dispose());

  /** Adds an instructor as the admin; resolves with their credentials. */
  async function addInstructor(name: string) {
    const credentials = { email: `${name.toLowerCase()}@example.com`, password: `${name.toLowerCase()}-password-1` };
    const created = await postJson(server.url, "/api/instructors", { name, ...credentials }, admin);
    expect(created.status).toBe(201);
    return credentials;
  }
  const me = (cookie: string) => api(server.url, "/api/me", { cookie });

  it("R-AUTH: public sign-up is closed, with or without a session, and creates no account", async () => {
    const credentials = { name: "Mallory", email: "mallory@example.com", password: "mallory-password" };
    const anonymous = await postJson(server.url, "/api/auth/sign-up/email", credentials);
    expect(anonymous.status).toBe(403);
    expect(JSON.stringify(await anonymous.json())).toMatch(/SIGN_UP_DISABLED/);
    const signedIn = await postJson(server.url, "/api/auth/sign-up/email", credentials, admin);
    expect(signedIn.status).toBe(403);
    await expect(signIn(server.url, credentials)).rejects.toThrow(/401/);
  });

  it("R-AUTH: an instructor added by another signs in with the password given; the email cannot be taken twice", async () => {
    const credentials = { email: "Min.Park@Example.com", password: "min-park-password" };
    const created = await postJson(server.url, "/api/instructors", { name: "박민", ...credentials }, admin);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: "박민", email: "min.park@example.com" });
    // Creating the account opens no session for it: the response sets no cookie.
    expect(created.headers.getSetCookie()).toEqual([]);
    expect(await signIn(server.url, { ...credentials, email: "min.park@example.com" })).toMatch(/session_token=/);
    await expect(signIn(server.url, { ...credentials, password: "wrong-password" })).rejects.toThrow(/401/);
    const again = await postJson(server.url, "/api/instructors", { name: "Twin", ...credentials }, admin);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: "EMAIL_TAKEN" } });
    // The same address in other letter case is the same account.
    const upper = await postJson(
      server.url,
      "/api/instructors",
      { name: "Twin", ...credentials, email: ADMIN.email.toUpperCase() },
      admin,
    );
    expect(upper.status).toBe(409);
  });

  it("R-AUTH: adding an instructor takes a session and this app's Origin; a refused request creates nobody", async () => {
    const body = JSON.stringify({ name: "Eve", email: "eve@example.com", password: "eve-password-1" });
    const headers = { "content-type": "application/json" };
    const anonymous = await api(server.url, "/api/instructors", { method: "POST", headers, body });
    expect(anonymous.status).toBe(401);
    const foreign = await api(server.url, "/api/instructors", {
      method: "POST",
      cookie: admin,
      headers: { ...headers, origin: "https://evil.example" },
      body,
    });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: "INVALID_ORIGIN" } });
    // A form posted from another site by a browser that sends no Origin at all.
    const noOrigin = await fetch(`${server.url}/api/instructors`, {
      method: "POST",
      headers: { ...headers, cookie: admin },
      body,
    });
    expect(noOrigin.status).toBe(403);
    await expect(signIn(server.url, { email: "eve@example.com", password: "eve-password-1" })).rejects.toThrow(/401/);
  });

  it("R-AUTH: change password — the old one stops working, the new one works, other devices are signed out", async () => {
    const credentials = await addInstructor("Changer");
    const laptop = await signIn(server.url, credentials);
    const classroomPc = await signIn(server.url, credentials);
    const change = (cookie: string, body: object, origin = server.url) =>
      api(server.url, "/api/auth/change-password", {
        method: "POST",
        cookie,
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify(body),
      });
    const newPassword = "a-brand-new-password";

    const wrongCurrent = await change(laptop, { currentPassword: "not-my-password", newPassword });
    expect(wrongCurrent.status).toBe(400);
    expect(await wrongCurrent.json()).toMatchObject({ code: "INVALID_PASSWORD" });
    // Another site cannot make a signed-in browser change its password.
    const foreign = await change(
      laptop,
      { currentPassword: credentials.password, newPassword },
      "https://evil.example",
    );
    expect(foreign.status).toBe(403);

    const changed = await change(laptop, {
      currentPassword: credentials.password,
      newPassword,
      revokeOtherSessions: true,
    });
    expect(changed.status).toBe(200);
    // This browser carries on with the session Better Auth issued in place of its old one.
    const renewed = sessionCookieOf(changed);
    expect(renewed).toMatch(/session_token=/);
    expect((await me(renewed ?? "")).status).toBe(200);
    expect((await me(laptop)).status).toBe(401);
    expect((await me(classroomPc)).status).toBe(401);

    await expect(signIn(server.url, credentials)).rejects.toThrow(/401/);
    expect(await signIn(server.url, { ...credentials, password: newPassword })).toMatch(/session_token=/);
  });

  it("R-AUTH: sign out everywhere ends every session of that instructor, sockets included, and only theirs", async () => {
    const credentials = await addInstructor("Leaver");
    const here = await signIn(server.url, credentials);
    const elsewhere = await signIn(server.url, credentials);
    const bystander = await signIn(server.url);
    const notFromHere = await api(server.url, "/api/auth/revoke-sessions", {
      method: "POST",
      cookie: here,
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: "{}",
    });
    expect(notFromHere.status).toBe(403);
    expect((await me(elsewhere)).status).toBe(200);

    const revoked = await postJson(server.url, "/api/auth/revoke-sessions", {}, here);
    expect(revoked.status).toBe(200);
    // This browser's cookie is cleared in the same answer.
    expect(revoked.headers.getSetCookie().join("\n")).toMatch(/session_token=;/);
    expect((await me(here)).status).toBe(401);
    expect((await me(elsewhere)).status).toBe(401);
    await expect(connectHost(server.url, elsewhere)).rejects.toThrow();
    expect((await me(bystander)).status).toBe(200);
    // The password still works: signing in again opens a new session.
    expect((await me(await signIn(server.url, credentials))).status).toBe(200);
  });

  it("R-AUTH: /setup and /sign-in send a signed-in instructor on; /account sends a visitor to sign in", async () => {
    const page = (path: string, cookie?: string) =>
      api(server.url, path, { redirect: "manual", ...(cookie ? { cookie } : {}) });
    const expectRedirect = async (response: Response, to: string) => {
      expect(response.status).toBe(307);
      const location = new URL(response.headers.get("location") ?? "", server.url);
      expect(location.pathname + location.search).toBe(to);
    };
    await expectRedirect(await page("/setup", admin), "/host");
    await expectRedirect(await page("/sign-in", admin), "/host");
    await expectRedirect(await page("/sign-in?next=/sessions", admin), "/sessions");
    // Not a way out of the site.
    await expectRedirect(await page("/sign-in?next=//evil.example", admin), "/host");
    expect((await page("/account", admin)).status).toBe(200);

    // A visitor, and a browser whose session was ended, see the pages themselves.
    const ended = await signIn(server.url);
    expect((await postJson(server.url, "/api/auth/sign-out", {}, ended)).status).toBe(200);
    for (const cookie of [undefined, ended]) {
      expect((await page("/sign-in", cookie)).status).toBe(200);
      await expectRedirect(await page("/account", cookie), "/sign-in?next=/account");
    }
  });
});
