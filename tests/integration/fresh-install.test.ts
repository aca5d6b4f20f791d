// A fresh install: no data folder, no instructor. The setup page's API creates the
// first instructor once, then closes; the built-in decks are there from the start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, signIn, postJson } from "./support/clients";
import { startServer, type TestServer } from "./support/server";

describe("fresh install", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      env: { ADMIN_EMAIL: "", ADMIN_PASSWORD: "" },
      freshDatabaseFolder: true,
    });
  });
  afterAll(async () => server?.dispose());

  it("R-SETUP: the first instructor is created once through setup, which then closes", async () => {
    expect(await (await api(server.url, "/api/setup")).json()).toEqual({ needed: true });
    const weak = await postJson(server.url, "/api/setup", { name: "Kim", email: "kim@example.com", password: "short" });
    expect(weak.status).toBe(400);
    const created = await postJson(server.url, "/api/setup", {
      name: "Kim",
      email: "Kim@Example.com",
      password: "a-long-password",
    });
    expect(created.status).toBe(201);
    expect((await api(server.url, "/api/setup")).status).toBe(401);
    const again = await postJson(server.url, "/api/setup", {
      name: "Eve",
      email: "eve@example.com",
      password: "a-long-password",
    });
    expect(again.status).toBe(401);
    const cookie = await signIn(server.url, { email: "kim@example.com", password: "a-long-password" });
    const decks = (await (await api(server.url, "/api/decks", { cookie })).json()) as { builtin: boolean }[];
    expect(decks.filter((d) => d.builtin)).toHaveLength(2);
  });
});
