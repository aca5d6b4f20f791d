// The deck library's and the hosting dialog's pure parts: what a search and a sort
// show, how an import problem reads, and which `create` options a form sends.
import { describe, expect, it } from "vitest";
import { createPayloadOf } from "../../components/create-game";
import { firstLine, parseTimeLimit, toHostingOptions } from "../../components/hosting/hosting-form";
import { importFormat } from "../../components/library/deck-api";
import { libraryView, matchesTitle } from "../../components/library/filter-decks";
import { problemField, splitProblem } from "../../components/library/problem-text";
import type { DeckSummary } from "../../lib/deck";

const deck = (id: string, title: string, extra: Partial<DeckSummary> = {}): DeckSummary => ({
  id,
  title,
  language: "ko",
  description: "",
  questionCount: 3,
  builtin: false,
  createdAt: "2026-11-01T09:00:00.000Z",
  updatedAt: "2026-11-01T09:00:00.000Z",
  timesPlayed: 0,
  ...extra,
});

describe("the library's view of the decks", () => {
  const decks = [
    deck("b1", "AWS 빅데이터 — 1일차", { builtin: true }),
    deck("b2", "AWS Big Data — day 1", { builtin: true, language: "en" }),
    deck("o1", "Kinesis 스트리밍", { updatedAt: "2026-11-03T09:00:00.000Z", timesPlayed: 1 }),
    deck("o2", "Athena 쿼리", { updatedAt: "2026-11-05T09:00:00.000Z", timesPlayed: 4 }),
    deck("o3", "athena 심화", { updatedAt: "2026-11-02T09:00:00.000Z", timesPlayed: 4 }),
  ];

  it("keeps the built-in decks apart, first, in the server's order, and counts the own ones before the search", () => {
    const view = libraryView(decks, "", "edited", "ko");
    expect(view.builtin.map((d) => d.id)).toEqual(["b1", "b2"]);
    expect(view.own.map((d) => d.id)).toEqual(["o2", "o1", "o3"]);
    expect(libraryView(decks, "없는", "edited", "ko")).toMatchObject({ builtin: [], own: [], ownTotal: 3 });
  });

  it("searches titles without regard to case, width or surrounding spaces", () => {
    expect(matchesTitle(deck("x", "Amazon ATHENA"), "  athena ")).toBe(true);
    expect(matchesTitle(deck("x", "ＫＩＮＥＳＩＳ 스트림"), "kinesis")).toBe(true);
    expect(matchesTitle(deck("x", "스트리밍 기초"), "스트리")).toBe(true);
    expect(matchesTitle(deck("x", "스트리밍 기초"), "기초 스")).toBe(false);
    expect(libraryView(decks, "빅데이터", "edited", "ko").builtin.map((d) => d.id)).toEqual(["b1"]);
  });

  it("sorts the own decks by title or by times played (ties by title)", () => {
    expect(libraryView(decks, "", "title", "en").own.map((d) => d.title)).toEqual([
      // Case aside, as a person reads: 심 (ㅅ) before 쿼 (ㅋ).
      "athena 심화",
      "Athena 쿼리",
      "Kinesis 스트리밍",
    ]);
    expect(libraryView(decks, "", "played", "en").own.map((d) => d.id)).toEqual(["o3", "o2", "o1"]);
  });
});

describe("an import problem, as it reads", () => {
  it("names the field once, after the location that already names the question", () => {
    expect(problemField("questions.11.correct")).toBe("correct");
    expect(problemField("title")).toBe("title");
    expect(problemField("questions.2")).toBe("");
    expect(splitProblem("correct", "an index points past the last option")).toEqual({
      field: "correct",
      rest: ": an index points past the last option",
    });
    expect(splitProblem("correct", "correct names option 5, but…")).toEqual({
      field: "correct",
      rest: " names option 5, but…",
    });
    expect(splitProblem("", "the file is empty")).toEqual({ field: "", rest: "the file is empty" });
  });

  it("takes .json and .csv files by their extension only", () => {
    expect(importFormat("덱.CSV")).toBe("csv");
    expect(importFormat("deck.v2.json")).toBe("json");
    expect(importFormat("deck.csv.txt")).toBeNull();
    expect(importFormat("csv")).toBeNull();
  });
});

describe("the hosting options a form sends", () => {
  it("reads the time limit: empty is the deck's own, 5–240 whole seconds, anything else refused", () => {
    expect(parseTimeLimit("")).toEqual({ ok: true, seconds: undefined });
    expect(parseTimeLimit(" 10 ")).toEqual({ ok: true, seconds: 10 });
    expect(parseTimeLimit("5")).toEqual({ ok: true, seconds: 5 });
    expect(parseTimeLimit("240")).toEqual({ ok: true, seconds: 240 });
    for (const bad of ["4", "241", "1000", "10.5", "-10", "1e2", "ten"])
      expect(parseTimeLimit(bad).ok, bad).toBe(false);
    expect(parseTimeLimit("", true).ok).toBe(false);
  });

  it("sends only what was set, and a subset only when it is one, in deck order", () => {
    const none = { shuffleQuestions: false, shuffleOptions: false, timeLimitSec: undefined, questionCount: 4 };
    expect(toHostingOptions({ ...none, selected: [0, 1, 2, 3] })).toEqual({});
    expect(toHostingOptions({ ...none, selected: null })).toEqual({});
    expect(toHostingOptions({ ...none, shuffleOptions: true, timeLimitSec: 10, selected: [3, 0] })).toEqual({
      shuffleOptions: true,
      timeLimitSec: 10,
      questionIndexes: [0, 3],
    });
    expect(createPayloadOf("d1", { shuffleQuestions: false, questionIndexes: [1] })).toEqual({
      deckId: "d1",
      questionIndexes: [1],
    });
  });

  it("lists a question by the first line of its scenario", () => {
    expect(firstLine("  한 팀이 80 TB를 옮겨야 합니다.\r\n무엇을 써야 할까요?")).toBe("한 팀이 80 TB를 옮겨야 합니다.");
  });
});
