// Instructor accounts: Better Auth's sign-up endpoint is open only to the server's
// own call; from outside, an instructor is added by a signed-in instructor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson, signIn } from "./support/clients";
import { startServer, type TestServer } from "./support/server";

describe("instructor accounts", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.dispose());

  it("R-AUTH: public sign-up is closed, with or without a session, and creates no account", async () => {
    const credentials = { name: "Mallory", email: "mallory@example.com", password: "mallory-password" };
    const anonymous = await postJson(server.url, "/api/auth/sign-up/email", credentials);
    expect(anonymous.status).toBe(403);
    expect(JSON.stringify(await anonymous.json())).toMatch(/SIGN_UP_DISABLED/);
    const signedIn = await postJson(server.url, "/api/auth/sign-up/email", credentials, await signIn(server.url));
    expect(signedIn.status).toBe(403);
    await expect(signIn(server.url, credentials)).rejects.toThrow(/401/);
  });

  it("R-AUTH: an instructor added by another signs in with the password given; the email cannot be taken twice", async () => {
    const admin = await signIn(server.url);
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
  });
});
