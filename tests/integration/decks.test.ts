// The deck library over HTTP on a real server, both databases: list and search,
// create, save (atomic), duplicate, delete; owner scoping and the read-only
// built-in decks; past sessions keep what was asked.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView } from "../../lib/contract";
import type { StoredDeck } from "../../lib/deck";
import type { SessionReport } from "../../lib/reports";
import { api, call, expectOk, nextState, postJson, signIn, signInOtherInstructor } from "./support/clients";
import { editable, expectStatus, failQuestionInserts, getDeck, library, send } from "./support/decks";
import { hostGame, SHORT_DECK } from "./support/game";
import { DATABASES, startServer, type TestServer } from "./support/server";

const TRICKY = JSON.parse(readFileSync("tests/fixtures/tricky-deck.ko.json", "utf8")) as Record<string, unknown>;
const deckTitled = (title: string) => ({ ...SHORT_DECK, title });
const putDeck = (url: string, cookie: string, id: string, body: unknown) =>
  send(url, `/api/decks/${id}`, cookie, JSON.stringify(body), "application/json", "PUT");

describe.each(DATABASES)("decks (%s)", (database) => {
  let server: TestServer;
  let admin: string;
  const create = async (cookie: string, deck: unknown) =>
    (await expectStatus<{ id: string }>(postJson(server.url, "/api/decks", deck, cookie), 201)).id;

  beforeAll(async () => {
    server = await startServer({ database });
    admin = await signIn(server.url);
  });
  afterAll(async () => server?.dispose());

  it("the library: built-in first (ko, en), then own by last edit; search by title, NFKC and any case", async () => {
    const cookie = await signInOtherInstructor(server.url, "Librarian");
    const alpha = await create(cookie, deckTitled("Alpha 분석"));
    await create(cookie, deckTitled("ＡＷＳ Beta"));
    await create(cookie, deckTitled("gamma"));
    const decks = await library(server.url, cookie);
    expect(decks.map((d) => [d.builtin, d.builtin ? d.language : d.title])).toEqual([
      [true, "ko"],
      [true, "en"],
      [false, "gamma"],
      [false, "ＡＷＳ Beta"],
      [false, "Alpha 분석"],
    ]);
    const row = decks.find((d) => d.id === alpha);
    expect(Object.keys(row ?? {}).sort()).toEqual(
      [
        "builtin",
        "createdAt",
        "description",
        "id",
        "language",
        "questionCount",
        "timesPlayed",
        "title",
        "updatedAt",
      ].sort(),
    );
    expect(row).toMatchObject({ language: "en", questionCount: SHORT_DECK.questions.length, timesPlayed: 0 });
    expect(new Date(row?.updatedAt ?? "").toISOString()).toBe(row?.updatedAt);

    const own = async (q: string) =>
      (await library(server.url, cookie, q)).filter((d) => !d.builtin).map((d) => d.title);
    expect(await own("aws")).toEqual(["ＡＷＳ Beta"]);
    expect(await own("분석")).toEqual(["Alpha 분석"]);
    expect(await own("GAMMA")).toEqual(["gamma"]);
    for (const d of await library(server.url, cookie, "aws"))
      expect(d.title.normalize("NFKC").toLowerCase()).toContain("aws");

    // A save moves a deck to the top of the instructor's own.
    const saved = await expectStatus<StoredDeck>(putDeck(server.url, cookie, alpha, deckTitled("Alpha 분석 v2")), 200);
    expect(saved.updatedAt > (row?.updatedAt ?? "")).toBe(true);
    expect((await library(server.url, cookie)).filter((d) => !d.builtin)[0]?.title).toBe("Alpha 분석 v2");

    expect((await api(server.url, `/api/decks?q=${"x".repeat(201)}`, { cookie })).status).toBe(400);
    expect((await api(server.url, "/api/decks?sort=title", { cookie })).status).toBe(400);
  });

  it("POST creates a deck from the editor's JSON; GET gives it back with rationales; a bad one stores nothing", async () => {
    const cookie = await signInOtherInstructor(server.url, "Author");
    const id = await create(cookie, TRICKY);
    const deck = await getDeck(server.url, cookie, id);
    expect(editable(deck)).toEqual(TRICKY);
    expect(deck).toMatchObject({ id, builtin: false });

    const before = await library(server.url, cookie);
    const bad = await expectStatus<{ error: { code: string; details: { question: number; path: string }[] } }>(
      postJson(
        server.url,
        "/api/decks",
        { ...TRICKY, questions: [{ kind: "single", text: "", options: ["a"] }] },
        cookie,
      ),
      400,
    );
    expect(bad.error.code).toBe("INVALID_DECK");
    expect(bad.error.details.map((d) => d.path)).toEqual(
      expect.arrayContaining(["questions.0.text", "questions.0.options", "questions.0.correct"]),
    );
    expect((await send(server.url, "/api/decks", cookie, "title,language", "text/csv")).status).toBe(415);
    expect(await library(server.url, cookie)).toEqual(before);
  });

  it("PUT replaces the whole deck atomically: an invalid body or a database failure changes nothing", async () => {
    const id = await create(admin, deckTitled("Atomic"));
    const before = await getDeck(server.url, admin, id);

    const invalid = { ...editable(before), title: "Changed", questions: [...before.questions, { kind: "single" }] };
    expect((await putDeck(server.url, admin, id, invalid)).status).toBe(400);
    expect(await getDeck(server.url, admin, id)).toEqual(before);

    // The database itself fails on the last question's insert, after the deck row and the deletes ran.
    await failQuestionInserts(server.databaseUrl, "FAIL-ON-INSERT");
    const failing = {
      ...editable(before),
      title: "Changed",
      questions: [...before.questions, { ...before.questions[0], text: "FAIL-ON-INSERT" }],
    };
    expect((await putDeck(server.url, admin, id, failing)).status).toBe(500);
    expect(await getDeck(server.url, admin, id)).toEqual(before);

    const next = { ...editable(before), title: "Changed", questions: [...before.questions].reverse() };
    const saved = await expectStatus<StoredDeck>(putDeck(server.url, admin, id, next), 200);
    expect(editable(saved)).toEqual(next);
    expect(await getDeck(server.url, admin, id)).toEqual(saved);
  });

  it("past sessions keep what was asked when the deck is edited, then deleted", async () => {
    const id = await create(admin, deckTitled("Played"));
    const game = await hostGame(server.url, id);
    try {
      const opened = nextState<HostView>(game.host, (v) => v.phase === "question");
      expectOk(await call(game.host, "start", { gameId: game.gameId }));
      await opened;
      expect((await library(server.url, admin)).find((d) => d.id === id)?.timesPlayed).toBe(1);
      const asked = SHORT_DECK.questions[0] as { text?: string };

      const edited = { ...deckTitled("Played"), questions: [{ ...SHORT_DECK.questions[0], text: "Rewritten" }] };
      await expectStatus(putDeck(server.url, admin, id, edited), 200);
      const report = async () =>
        expectStatus<SessionReport>(api(server.url, `/api/sessions/${game.gameId}`, { cookie: admin }), 200);
      expect((await report()).questions[0]?.text).toBe(asked.text);

      await expectStatus(api(server.url, `/api/decks/${id}`, { method: "DELETE", cookie: admin }), 204);
      expect((await api(server.url, `/api/decks/${id}`, { cookie: admin })).status).toBe(404);
      expect((await library(server.url, admin)).some((d) => d.id === id)).toBe(false);
      expect((await report()).questions[0]?.text).toBe(asked.text);
    } finally {
      game.host.close();
    }
  });

  it("R-OWNER-ONLY: another instructor's deck is 404 on every route; nothing of it changes", async () => {
    const mine = await create(admin, TRICKY);
    const before = await getDeck(server.url, admin, mine);
    const other = await signInOtherInstructor(server.url, "Stranger");
    const body = JSON.stringify(editable(before));
    const attempts = [
      api(server.url, `/api/decks/${mine}`, { cookie: other }),
      send(server.url, `/api/decks/${mine}`, other, body, "application/json", "PUT"),
      api(server.url, `/api/decks/${mine}`, { method: "DELETE", cookie: other }),
      api(server.url, `/api/decks/${mine}/duplicate`, { method: "POST", cookie: other }),
      api(server.url, `/api/decks/${mine}/export`, { cookie: other }),
      api(server.url, `/api/decks/${mine}/export?format=csv`, { cookie: other }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status, res.url).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    }
    expect((await library(server.url, other)).some((d) => d.id === mine)).toBe(false);
    expect(await getDeck(server.url, admin, mine)).toEqual(before);
    // State changes need the app's Origin, the owner's too.
    const foreign = { origin: "http://evil.example" };
    expect(
      (await api(server.url, `/api/decks/${mine}`, { method: "DELETE", cookie: admin, headers: foreign })).status,
    ).toBe(403);
    const put = await api(server.url, `/api/decks/${mine}`, {
      method: "PUT",
      cookie: admin,
      headers: { ...foreign, "content-type": "application/json" },
      body,
    });
    expect(put.status).toBe(403);
  });

  it("built-in decks are read-only (403 BUILTIN_READ_ONLY) and duplicate into an editable copy", async () => {
    const cookie = await signInOtherInstructor(server.url, "Copier");
    const builtins = (await library(server.url, cookie)).filter((d) => d.builtin);
    for (const builtin of builtins) {
      const original = await getDeck(server.url, cookie, builtin.id);
      const put = await putDeck(server.url, cookie, builtin.id, editable(original));
      const del = await api(server.url, `/api/decks/${builtin.id}`, { method: "DELETE", cookie });
      for (const res of [put, del]) {
        expect(res.status).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("BUILTIN_READ_ONLY");
      }
      const { id } = await expectStatus<{ id: string }>(
        api(server.url, `/api/decks/${builtin.id}/duplicate`, { method: "POST", cookie }),
        201,
      );
      const copy = await getDeck(server.url, cookie, id);
      expect(copy.title).toBe(`${original.title}${original.language === "ko" ? " (사본)" : " (copy)"}`);
      expect(copy.builtin).toBe(false);
      expect(copy.questions).toEqual(original.questions);
      await expectStatus(putDeck(server.url, cookie, id, { ...editable(copy), title: "Mine now" }), 200);
      expect(await getDeck(server.url, cookie, builtin.id)).toEqual(original);
    }
  });

  it("a copy's title is cut so that it fits 200 characters", async () => {
    const id = await create(admin, deckTitled("긴".repeat(200)));
    const { id: copyId } = await expectStatus<{ id: string }>(
      api(server.url, `/api/decks/${id}/duplicate`, { method: "POST", cookie: admin }),
      201,
    );
    const copy = await getDeck(server.url, admin, copyId);
    expect(copy.title).toBe(`${"긴".repeat(193)} (copy)`);
    expect(copy.title).toHaveLength(200);
  });

  it("unknown decks are 404 on every route", async () => {
    for (const [method, path] of [
      ["GET", "/api/decks/nope"],
      ["DELETE", "/api/decks/nope"],
      ["POST", "/api/decks/nope/duplicate"],
      ["GET", "/api/decks/nope/export"],
    ] as const) {
      expect((await api(server.url, path, { method, cookie: admin })).status, `${method} ${path}`).toBe(404);
    }
    expect((await putDeck(server.url, admin, "nope", SHORT_DECK)).status).toBe(404);
  });
});
