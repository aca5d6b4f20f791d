import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILTIN_DECKS, loadBuiltinDeck } from "../../server/decks/builtin";
import { parseDeck } from "../../lib/deck";
import { copyTitle } from "../../server/db/decks";

describe("deck format", () => {
  it("R-DECK-STRICT: every problem is reported with its question number; unknown fields refused", () => {
    const result = parseDeck({
      title: "",
      language: "fr",
      questions: [
        { kind: "single", text: "ok", options: ["a", "b"], correct: [0] },
        { kind: "single", text: "x", options: ["a", "b"], correct: [5], colour: "red" },
        { kind: "truefalse", text: "x", options: ["a", "b", "c"], correct: [0, 1] },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const where = result.problems.map((p) => `${p.question ?? "-"}:${p.path}`);
    expect(where).toEqual(
      expect.arrayContaining([
        "-:title",
        "-:language",
        "2:questions.1",
        "2:questions.1.correct",
        "3:questions.2.correct",
        "3:questions.2.options",
      ]),
    );
    expect(result.problems.find((p) => p.path === "questions.1")?.message).toContain("colour");
  });

  it("applies the documented defaults", () => {
    const result = parseDeck({
      title: "T",
      language: "ko",
      questions: [{ kind: "truefalse", text: "?", options: ["참", "거짓"], correct: [1] }],
    });
    expect(result.ok && result.deck.questions[0]).toMatchObject({
      timeLimitSec: 20,
      points: "standard",
      explanation: "",
      tags: [],
    });
  });

  it("the built-in decks are valid, parallel in Korean and English, with 20+ questions", () => {
    const [ko, en] = BUILTIN_DECKS.map((d) => loadBuiltinDeck(d.file));
    expect(ko?.language).toBe("ko");
    expect(en?.language).toBe("en");
    expect(ko?.questions.length).toBeGreaterThanOrEqual(20);
    expect(ko?.questions.map((q) => [q.kind, q.correct, q.tags])).toEqual(
      en?.questions.map((q) => [q.kind, q.correct, q.tags]),
    );
    for (const q of ko?.questions ?? []) expect(q.explanation.length).toBeGreaterThan(20);
  });

  it("the test fixture deck is valid", () => {
    expect(parseDeck(JSON.parse(readFileSync("tests/fixtures/short-deck.json", "utf8"))).ok).toBe(true);
  });
});

describe("a duplicate's title", () => {
  it("says it is a copy in the deck's language, and still fits 200 characters", () => {
    expect(copyTitle("Kinesis", "en")).toBe("Kinesis (copy)");
    expect(copyTitle("키네시스", "ko")).toBe("키네시스 (사본)");
    const long = copyTitle("a".repeat(200), "en");
    expect(long).toBe(`${"a".repeat(193)} (copy)`);
    expect(
      parseDeck({
        title: long,
        language: "en",
        questions: [{ kind: "single", text: "?", options: ["a", "b"], correct: [0] }],
      }).ok,
    ).toBe(true);
  });

  it("never cuts an emoji in half", () => {
    const title = `${"a".repeat(192)}😀😀`;
    expect(copyTitle(title, "en")).toBe(`${"a".repeat(192)} (copy)`);
  });
});
