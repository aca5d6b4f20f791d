// The deck CSV: reading (every problem at its physical line and column), writing,
// and the round trip between them. Pure: no server, no database.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Deck, DeckProblem } from "../../lib/deck";
import { DECK_CSV_COLUMNS } from "../../server/decks/deck-csv-columns";
import { readCsvRecords } from "../../server/decks/deck-csv-records";
import { csvColumn, readCorrect } from "../../server/decks/deck-csv-row";
import { writeDeckCsv } from "../../server/decks/deck-csv-write";
import type { DeckImageDeps } from "../../server/decks/deck-images";
import { importDeckFile } from "../../server/decks/deck-import";

/** A deck with no images: nothing to look up or store. */
const noImages: DeckImageDeps = {
  describe: async () => new Map(),
  save: async () => {
    throw new Error("nothing should be stored");
  },
  verify: async () => ({ ok: false, reason: "invalid", message: "not an image" }),
  publicOrigin: "https://quiz.example",
};

const HEADER = "title,language,kind,text,option1,option2,option3,correct,timeLimitSec";
const csv = (...lines: string[]) => Buffer.from(lines.join("\r\n"), "utf8");
const readCsv = (bytes: Buffer) => importDeckFile(bytes, "csv", "u1", noImages);

async function problemsOf(bytes: Buffer): Promise<DeckProblem[]> {
  const result = await readCsv(bytes);
  if (result.ok) throw new Error("expected problems, the deck was accepted");
  return result.problems;
}
const where = (p: DeckProblem) => `${p.line ?? "-"}:${p.question ?? "-"}:${p.path}`;

describe("reading a deck CSV", () => {
  it("imports docs/deck-example.csv: Korean, a multi-line stem, commas, quotes, rationales, every kind", async () => {
    const result = await readCsv(readFileSync("docs/deck-example.csv"));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { deck } = result;
    expect(deck).toMatchObject({ title: "AWS 빅데이터 — 1일차 복습", language: "ko" });
    expect(deck.description).toContain('"따옴표"');
    expect(deck.questions.map((q) => q.kind)).toEqual(["single", "multiple", "truefalse", "single"]);
    const [first, multiple, truefalse, last] = deck.questions;
    expect(first?.text).toBe("80 TB를 일주일 안에 옮겨야 합니다.\n회선은 100 Mbit/s입니다. 무엇을 쓸까요?");
    expect(first?.options[3]).toBe("S3 멀티파트 업로드, 병렬로");
    expect(first?.correct).toEqual([1]);
    expect(first?.rationales).toHaveLength(4);
    expect(first?.tags).toEqual(["전송", "snowball"]);
    // 1-based in the file ("1|3"), 0-based in the deck.
    expect(multiple?.correct).toEqual([0, 2]);
    expect(multiple?.points).toBe("double");
    expect(truefalse?.options).toEqual(["참", "거짓"]);
    expect(truefalse?.rationales[1]).toContain('"데이터 변환"');
    expect(last?.text).toContain('"lowest"');
    expect(last?.rationales).toEqual([
      "Made for data read often.",
      "",
      "Cheaper than Standard but far from the cheapest.",
    ]);
  });

  it("takes the columns in any order and case; empty optional cells get the defaults", async () => {
    const result = await readCsv(
      csv("CORRECT,Option2,option1,Text,Kind,Language,Title", "2,No,Yes,Is it?,truefalse,EN,Order"),
    );
    expect(result.ok && result.deck).toEqual({
      title: "Order",
      language: "en",
      description: "",
      questions: [
        {
          kind: "truefalse",
          text: "Is it?",
          options: ["Yes", "No"],
          correct: [1],
          timeLimitSec: 20,
          points: "standard",
          explanation: "",
          rationales: ["", ""],
          tags: [],
          imageUrl: null,
        },
      ],
    });
  });

  it("accepts a UTF-8 byte order mark, LF or lone-CR line ends, and skips blank rows", async () => {
    const rows = [HEADER, "T,ko,single,질문,가,나,,1,20", ",,,,,,,,", "", ",,single,둘째,a,b,,2,"];
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.join("\n"))]);
    for (const bytes of [bom, Buffer.from(rows.join("\r"))]) {
      const result = await readCsv(bytes);
      expect(result.ok && result.deck.questions.map((q) => q.text)).toEqual(["질문", "둘째"]);
    }
  });

  it("a missing required column is one problem naming it, on line 1", async () => {
    const problems = await problemsOf(csv("title,language,kind,text,option1,option2", "T,en,single,Q,a,b"));
    expect(problems).toEqual([
      { question: null, line: 1, path: "correct", message: 'The required column "correct" is missing.' },
    ]);
  });

  it("an option7 column is refused: at most 6 options", async () => {
    const problems = await problemsOf(csv(`${HEADER},option7`, "T,en,single,Q,a,b,c,1,20,g"));
    expect(problems.map(where)).toEqual(["1:-:option7"]);
    expect(problems[0]?.message).toMatch(/at most 6 options/);
  });

  it("unknown and repeated columns are refused on line 1", async () => {
    const problems = await problemsOf(csv(`${HEADER},colour,Text`, "T,en,single,Q,a,b,c,1,20,red,Q"));
    expect(problems.map(where)).toEqual(["1:-:colour", "1:-:text"]);
    expect(problems[0]?.message).toContain("The columns are: title, language");
  });

  it("R-DECK-STRICT: every problem at the physical line its row starts on, with its column", async () => {
    const problems = await problemsOf(
      csv(
        HEADER,
        'T,en,single,"A stem over',
        'two lines, with a comma",a,b,c,4,20', // question 1, line 2: option 4 of 3
        ",,single,,a,b,,1,1000", // question 2, line 4: empty stem, 1000 s
        ",,multiple,Fine,a,b,c,1|3,30", // question 3: no problem
        ",,single,Gap,a,,c,x,20", // question 4, line 6: a gap, a correct that is not a number
      ),
    );
    expect(problems.map(where)).toEqual(["2:1:correct", "4:2:text", "4:2:timeLimitSec", "6:4:option2", "6:4:correct"]);
    const message = (path: string) => problems.find((p) => p.path === path)?.message ?? "";
    expect(message("correct")).toBe("correct names option 4, but this question has 3 options (numbers start at 1).");
    expect(message("text")).toBe("the scenario text is empty");
    expect(message("timeLimitSec")).toMatch(/240.*"1000"/);
    expect(problems.find((p) => p.question === 4 && p.path === "correct")?.message).toMatch(/e\.g\. 1\|3/);
  });

  it("a rationale for an empty option, a second title and extra cells are problems of their rows", async () => {
    const header = "title,language,kind,text,option1,option2,rationale1,rationale3,correct";
    const problems = await problemsOf(
      csv(header, "One,en,single,Q,a,b,,why c,1", "Two,en,single,Q2,a,b,,,1,stray", ",,single,Q3,a,b,,,1"),
    );
    expect(problems.map(where)).toEqual(["2:1:rationale3", "3:2:", "3:2:title"]);
    expect(problems[2]?.message).toContain('differs from the first row\'s "One"');
  });

  it("an unterminated quote is located at its row; the rows before it are still checked", async () => {
    const problems = await problemsOf(
      csv(HEADER, "T,en,single,Q,a,b,,3,20", ",,single,Fine,a,b,,1,20", ',,single,"never closed,a,b,,1,20', ",,x"),
    );
    expect(problems.map(where)).toEqual(["4:-:", "2:1:correct"]);
    expect(problems[0]?.message).toMatch(/line 4 is never closed/);
  });

  it("an unterminated quote in the first row is the only problem", async () => {
    const problems = await problemsOf(csv(HEADER, 'T,en,single,"Q,a,b,,1,20'));
    expect(problems.map(where)).toEqual(["2:-:"]);
  });

  it("deck-level problems sit on the first data row; a deck with no rows says so", async () => {
    const problems = await problemsOf(csv(HEADER, ",fr,single,Q,a,b,,1,20"));
    expect(problems.map(where)).toEqual(["2:-:title", "2:-:language"]);
    expect(problems[1]?.message).toContain('(language: "fr")');
    expect((await problemsOf(csv(HEADER))).map((p) => p.message)).toEqual([
      "The file has a header but no questions: add one row per question.",
    ]);
  });

  it("a file with more than 500 questions says how many it has", async () => {
    const rows = Array.from({ length: 501 }, (_, i) => (i === 0 ? "T,en" : ",") + `,single,Q${i},a,b,,1,20`);
    const problems = await problemsOf(csv(HEADER, ...rows));
    expect(problems).toEqual([
      {
        question: null,
        line: null,
        path: "questions",
        message: "The deck has 501 questions; the limit is 500. Split it into smaller decks.",
      },
    ]);
  });

  it("records know the line they start on, whatever the line ends", () => {
    for (const end of ["\r\n", "\n", "\r"]) {
      const text = ["a,b", "", `"x${end}y",2`, "3,4", `5,"6${end}"`, "7,8"].join(end);
      const { records, error } = readCsvRecords(Buffer.from(text));
      expect(error).toBeNull();
      expect(records.map((r) => [r.cells[0], r.line])).toEqual([
        ["a", 1],
        [`x${end}y`, 3],
        ["3", 5],
        ["5", 6],
        ["7", 8],
      ]);
    }
  });

  it("maps JSON fields to CSV columns and reads 1-based correct numbers", () => {
    expect(csvColumn("options", "2")).toBe("option3");
    expect(csvColumn("rationales", "0")).toBe("rationale1");
    expect(csvColumn("correct", "0")).toBe("correct");
    expect(csvColumn("options", undefined)).toBe("options");
    expect(readCorrect("1| 3", 4)).toEqual({ ok: true, indexes: [0, 2] });
    expect(readCorrect("", 4)).toEqual({ ok: true, indexes: [] });
    expect(readCorrect("0", 4).ok).toBe(false);
    expect(readCorrect("1,3", 4).ok).toBe(false);
    expect(readCorrect("5", 4).ok).toBe(false);
  });
});

/** Every kind, Korean, line breaks, commas, quotes, rationales, tags, a formula-like cell; and a stored image. */
const TRICKY_DECK: Deck = (() => {
  const deck = JSON.parse(readFileSync("tests/fixtures/tricky-deck.ko.json", "utf8")) as Deck;
  deck.questions[0] = { ...deck.questions[0]!, imageUrl: "/api/images/AAAAAAAAAAAAAAAAAAAAAA" };
  return deck;
})();

describe("writing a deck CSV", () => {
  it("writes a BOM, the header of every column, CRLF rows, and 1-based correct", () => {
    const text = writeDeckCsv(TRICKY_DECK, (url) => url);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.slice(1).split("\r\n")[0]).toBe(DECK_CSV_COLUMNS.join(","));
    expect(text).toContain(",1|6,240,double,");
  });

  it("export → import gives the same deck (stored images kept by URL)", async () => {
    const bytes = Buffer.from(
      writeDeckCsv(TRICKY_DECK, (url) => url),
      "utf8",
    );
    const stored = { ...noImages, describe: async (ids: string[]) => new Map(ids.map((id) => [id, {} as never])) };
    const result = await importDeckFile(bytes, "csv", "u1", stored);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.deck).toEqual(TRICKY_DECK);
  });
});
