// Import and export over HTTP on a real server, both databases: every malformed
// file gets 400 with a located message and leaves the library as it was; export →
// import gives the same deck in JSON and CSV, images included.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeckProblem, StoredDeck } from "../../lib/deck";
import { api, postJson, signInOtherInstructor } from "./support/clients";
import { editable, expectStatus, getDeck, importFile, library, picture, send, uploadImage } from "./support/decks";
import { DATABASES, startServer, type TestServer } from "./support/server";

const TRICKY = JSON.parse(readFileSync("tests/fixtures/tricky-deck.ko.json", "utf8")) as StoredDeck;
const CSV = "text/csv; charset=utf-8";
const JSON_TYPE = "application/json";
const HEADER = "title,language,kind,text,option1,option2,option3,correct,timeLimitSec";
const GOOD_ROW = "Deck,en,single,Fine,a,b,c,1,20";
const lines = (...rows: string[]) => rows.join("\r\n");

interface Refusal {
  error: { code: string; message: string; details: DeckProblem[] };
}

/** A JSON deck whose first question is replaced by `question`'s fields. */
const jsonWith = (question: Record<string, unknown>) =>
  JSON.stringify({
    title: "T",
    language: "en",
    questions: [{ kind: "single", text: "Q", options: ["a", "b"], correct: [0], ...question }],
  });

/** A valid CSV of at least `size` bytes: rows padded with long explanations. */
function bigCsv(size: number): string {
  const row = (i: number) => `${i === 0 ? "Big,en" : ","},single,Q${i},a,b,,1,20,${"x".repeat(2900)}`;
  const rows = Array.from({ length: Math.ceil(size / 2900) }, (_, i) => row(i));
  return [`${HEADER},explanation`, ...rows].join("\r\n");
}

describe.each(DATABASES)("deck import and export (%s)", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ database });
  });
  afterAll(async () => server?.dispose());

  /** Imports a bad file; expects 400 INVALID_DECK whose problems include `expected`, and no change to the library. */
  async function refused(cookie: string, body: string | Buffer, type: string, expected: Partial<DeckProblem>[]) {
    const before = await library(server.url, cookie);
    const answer = await expectStatus<Refusal>(send(server.url, "/api/decks/import", cookie, body, type), 400);
    expect(answer.error.code).toBe("INVALID_DECK");
    expect(answer.error.details).toEqual(expect.arrayContaining(expected.map((p) => expect.objectContaining(p))));
    expect(await library(server.url, cookie)).toEqual(before);
    return answer.error.details;
  }

  it("R-DECK-STRICT: malformed CSV files are refused with their line; nothing is stored", async () => {
    const cookie = await signInOtherInstructor(server.url, "CsvChecker");
    await refused(cookie, lines("title,language,kind,text,option1,option2", "T,en,single,Q,a,b"), CSV, [
      { line: 1, question: null, path: "correct", message: 'The required column "correct" is missing.' },
    ]);
    await refused(cookie, lines(HEADER, GOOD_ROW, ",,single,Out of range,a,b,c,4,20"), CSV, [
      { line: 3, question: 2, path: "correct", message: expect.stringMatching(/option 4.*3 options/) },
    ]);
    await refused(cookie, lines(`${HEADER},option7`, `${GOOD_ROW},g`), CSV, [
      { line: 1, path: "option7", message: expect.stringMatching(/at most 6 options/) },
    ]);
    await refused(cookie, lines(HEADER, 'Deck,en,single,"two\nlines",a,b,c,1,20', ",,single,,a,b,,1,20"), CSV, [
      { line: 4, question: 2, path: "text", message: "the scenario text is empty" },
    ]);
    await refused(cookie, lines(HEADER, GOOD_ROW, ",,single,Slow,a,b,,1,1000"), CSV, [
      { line: 3, question: 2, path: "timeLimitSec", message: expect.stringMatching(/240.*1000/) },
    ]);
    const [twoMb] = await refused(cookie, bigCsv(2 * 1024 * 1024), CSV, [{ line: null, question: null }]);
    expect(twoMb?.message).toMatch(/^The file is 2\.0 MB; the limit is 1 MB/);
    const latin = Buffer.concat([Buffer.from(lines(HEADER, GOOD_ROW, ",,single,caf")), Buffer.from([0xe9, 0x2c])]);
    await refused(cookie, Buffer.concat([latin, Buffer.from(",a,b,,1,20")]), CSV, [
      { line: 3, message: expect.stringMatching(/^Line 3 is not UTF-8/) },
    ]);
    await refused(cookie, lines(HEADER, GOOD_ROW, ',,single,"never closed,a,b,,1,20', ",,single,Q,a,b,,1,20"), CSV, [
      { line: 3, question: null, message: expect.stringMatching(/line 3 is never closed/) },
    ]);
  });

  it("R-DECK-STRICT: malformed JSON files are refused with their question or line; nothing is stored", async () => {
    const cookie = await signInOtherInstructor(server.url, "JsonChecker");
    await refused(cookie, '{\n  "title": "T",\n  "language": "en",\n  "questions": [,]\n}', JSON_TYPE, [
      { line: 4, message: expect.stringMatching(/not valid JSON \(line 4\)/) },
    ]);
    await refused(cookie, jsonWith({ correct: [2] }), JSON_TYPE, [
      { question: 1, line: null, path: "questions.0.correct" },
    ]);
    await refused(cookie, jsonWith({ options: ["a", "b", "c", "d", "e", "f", "g"] }), JSON_TYPE, [
      { question: 1, path: "questions.0.options" },
    ]);
    await refused(cookie, jsonWith({ text: "  " }), JSON_TYPE, [
      { question: 1, path: "questions.0.text", message: "the scenario text is empty" },
    ]);
    await refused(cookie, jsonWith({ timeLimitSec: 1000 }), JSON_TYPE, [
      { question: 1, path: "questions.0.timeLimitSec" },
    ]);
    const padded = jsonWith({ explanation: "" }).replace(
      '"explanation":""',
      `"explanation":"${" ".repeat(2 * 1024 * 1024)}"`,
    );
    const [twoMb] = await refused(cookie, padded, JSON_TYPE, [{ line: null }]);
    expect(twoMb?.message).toMatch(/^The file is 2\.0 MB/);
    await refused(
      cookie,
      Buffer.concat([Buffer.from('{\n"title": "'), Buffer.from([0xff]), Buffer.from('"\n}')]),
      JSON_TYPE,
      [{ line: 2 }],
    );
  });

  it("imports docs/deck-example.csv; wrong types are 415, oversized requests 413", async () => {
    const cookie = await signInOtherInstructor(server.url, "Example");
    const id = await importFile(server.url, cookie, readFileSync("docs/deck-example.csv"), "text/csv");
    const deck = await getDeck(server.url, cookie, id);
    expect(deck.title).toBe("AWS 빅데이터 — 1일차 복습");
    expect(deck.questions.map((q) => q.kind)).toEqual(["single", "multiple", "truefalse", "single"]);
    for (const type of ["text/plain", "text/csv; charset=euc-kr", "application/vnd.ms-excel"]) {
      expect((await send(server.url, "/api/decks/import", cookie, lines(HEADER, GOOD_ROW), type)).status, type).toBe(
        415,
      );
    }
    const huge = Buffer.alloc(40 * 1024 * 1024 + 1, 0x20);
    const tooBig = await send(server.url, "/api/decks/import", cookie, huge, JSON_TYPE);
    expect(tooBig.status).toBe(413);
  });

  it("export → import gives the same deck in JSON (images embedded) and CSV (images by URL)", async () => {
    const cookie = await signInOtherInstructor(server.url, "RoundTrip");
    const png = await picture("png");
    const image = await uploadImage(server.url, cookie, png);
    const source = {
      ...TRICKY,
      questions: TRICKY.questions.map((q, i) => (i === 0 ? { ...q, imageUrl: image.url } : q)),
    };
    const id = (await expectStatus<{ id: string }>(postJson(server.url, "/api/decks", source, cookie), 201)).id;
    const original = editable(await getDeck(server.url, cookie, id));
    expect(original).toEqual(source);

    const json = await api(server.url, `/api/decks/${id}/export?format=json`, { cookie });
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("cache-control")).toBe("no-store");
    const disposition = json.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="quizroom-deck\.json"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("''")[1] ?? "")).toBe("클라우드 _기초_, 1부.json");
    const jsonFile = Buffer.from(await json.arrayBuffer());
    const parsed = JSON.parse(jsonFile.toString("utf8")) as { id?: unknown; questions: { imageUrl: string | null }[] };
    expect(parsed.id).toBeUndefined();
    expect(parsed.questions[0]?.imageUrl).toBe(`data:image/png;base64,${png.toString("base64")}`);
    expect(
      editable(await getDeck(server.url, cookie, await importFile(server.url, cookie, jsonFile, JSON_TYPE))),
    ).toEqual(original);

    const csv = await api(server.url, `/api/decks/${id}/export?format=csv`, { cookie });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toContain('filename="quizroom-deck.csv"');
    const csvFile = Buffer.from(await csv.arrayBuffer());
    expect([...csvFile.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvFile.toString("utf8")).toContain(`${server.url}/api/images/${image.id}`);
    expect(editable(await getDeck(server.url, cookie, await importFile(server.url, cookie, csvFile, CSV)))).toEqual(
      original,
    );

    // Another instructor's import of the JSON file stores the image as theirs: the same picture.
    const other = await signInOtherInstructor(server.url, "Colleague");
    const theirs = await getDeck(server.url, other, await importFile(server.url, other, jsonFile, JSON_TYPE));
    expect(editable(theirs)).toEqual({
      ...original,
      questions: [
        { ...original.questions[0], imageUrl: theirs.questions[0]?.imageUrl },
        ...original.questions.slice(1),
      ],
    });
    expect(theirs.questions[0]?.imageUrl).not.toBe(image.url);
    const served = await api(server.url, theirs.questions[0]?.imageUrl ?? "");
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it("a built-in deck exports and imports back as an owned copy", async () => {
    const cookie = await signInOtherInstructor(server.url, "Builtin");
    for (const builtin of (await library(server.url, cookie)).filter((d) => d.builtin)) {
      const original = editable(await getDeck(server.url, cookie, builtin.id));
      for (const format of ["json", "csv"] as const) {
        const file = await api(server.url, `/api/decks/${builtin.id}/export?format=${format}`, { cookie });
        const body = Buffer.from(await file.arrayBuffer());
        const id = await importFile(server.url, cookie, body, format === "csv" ? CSV : JSON_TYPE);
        expect(editable(await getDeck(server.url, cookie, id)), `${builtin.language} ${format}`).toEqual(original);
      }
    }
    expect((await api(server.url, `/api/decks/${"x"}/export?format=xml`, { cookie })).status).toBe(400);
  });

  it("embedded images are verified: a broken one is refused with its question, and nothing is stored", async () => {
    const cookie = await signInOtherInstructor(server.url, "Embedder");
    const png = await picture("png");
    const broken = `data:image/png;base64,${png.subarray(0, 60).toString("base64")}`;
    await refused(cookie, jsonWith({ imageUrl: broken }), JSON_TYPE, [
      { question: 1, path: "questions.0.imageUrl", message: expect.stringMatching(/PNG, JPEG, WebP or GIF/) },
    ]);
    await refused(cookie, jsonWith({ imageUrl: "http://example.com/a.png" }), JSON_TYPE, [
      { question: 1, path: "questions.0.imageUrl", message: expect.stringMatching(/security policy/) },
    ]);
    await refused(cookie, jsonWith({ imageUrl: `${server.url}/api/images/AAAAAAAAAAAAAAAAAAAAAA` }), JSON_TYPE, [
      { question: 1, message: expect.stringMatching(/not on this server/) },
    ]);
    // A JPEG that claims to be a PNG is stored as what it is.
    const jpeg = await picture("jpeg");
    const id = await importFile(
      server.url,
      cookie,
      jsonWith({ imageUrl: `data:image/png;base64,${jpeg.toString("base64")}` }),
      JSON_TYPE,
    );
    const url = (await getDeck(server.url, cookie, id)).questions[0]?.imageUrl ?? "";
    expect((await api(server.url, url)).headers.get("content-type")).toBe("image/jpeg");
  });
});
