// The built-in AWS Big Data course decks (issue 15): valid, parallel in Korean and
// English on every field but text, a rationale on every option, and free of the
// cues and mistakes an exam-prep deck must not carry.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUILTIN_DECKS, loadBuiltinDeck } from "../../server/decks/builtin";
import { parseDeck, type Deck, type DeckQuestion } from "../../lib/deck";

const decks = BUILTIN_DECKS.map((entry) => ({ ...entry, deck: loadBuiltinDeck(entry.file) }));
const byLanguage = (language: string): Deck => {
  const found = decks.find((d) => d.deck.language === language);
  if (!found) throw new Error(`no built-in deck in ${language}`);
  return found.deck;
};
const ko = byLanguage("ko");
const en = byLanguage("en");

/** Every piece of text a player or the projector can see for a question. */
const texts = (q: DeckQuestion): string[] => [q.text, ...q.options, ...q.rationales, q.explanation];

/**
 * The share of single/multiple-choice questions whose longest option (by characters) is a
 * correct one; a tie for longest counts when any tied option is correct.
 */
function longestIsKeyRate(deck: Deck): { rate: number; questions: number[] } {
  const choice = deck.questions.map((q, i) => ({ q, n: i + 1 })).filter(({ q }) => q.kind !== "truefalse");
  const hits = choice.filter(({ q }) => {
    const longest = Math.max(...q.options.map((o) => o.length));
    return q.options.some((o, i) => o.length === longest && q.correct.includes(i));
  });
  return { rate: hits.length / choice.length, questions: hits.map(({ n }) => n) };
}

/** Strings that hand the answer away inside an option or a stem. */
const GIVEAWAYS = ["(in the course", "(formerly", "(previously", "(과정에서", "(수업에서", "(구 ", "(이전 이름"];

// --- Kinesis shard limits: 1 MB/s or 1,000 records/s written, 2 MB/s read, per shard ---

/** A sentence about one shard's capacity (not about a stream's total). */
const PER_SHARD =
  /per[- ]shard|\b(?:a|one|each) shard\b|shard's|샤드당|샤드 하나|샤드 1개|샤드마다|(?<![가-힣])각 샤드/i;
const WRITE_WORD = /writ\w*|\bput\w*|\bingest\w*|쓰기|쓰는|기록/gi;
const READ_WORD = /read\w*|fan-out|읽기|읽는|팬아웃/gi;
/** Where one figure's clause ends and the next begins. */
const CLAUSE = /,(?=\s)|;|\band\b|\bwhile\b|이고|이며|하고/g;
const MEGABYTES = /(\d+(?:\.\d+)?)\s*MB/g;
const RECORDS = /(\d[\d,]*)\s*records|레코드\s*(\d[\d,]*)\s*개/gi;

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?다])\s+|\n+/).filter((s) => s.trim() !== "");
}

/** The clauses of a sentence, each with its offset in the sentence. */
function clauses(sentence: string): { text: string; at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let start = 0;
  for (const m of sentence.matchAll(CLAUSE)) {
    parts.push({ text: sentence.slice(start, m.index), at: start });
    start = m.index + m[0].length;
  }
  parts.push({ text: sentence.slice(start), at: start });
  return parts;
}

/**
 * Whether a figure in a clause is about writing or reading: the last write/read word
 * before it in the same clause ("writes of up to 1 MB/s", "쓰기 한도는 초당 1MB"), else
 * the first one after it ("1 MB/s of writes"); null when the clause names neither.
 */
function direction(clause: string, at: number): "write" | "read" | null {
  const words = [
    ...[...clause.matchAll(WRITE_WORD)].map((m) => ({ index: m.index, kind: "write" as const })),
    ...[...clause.matchAll(READ_WORD)].map((m) => ({ index: m.index, kind: "read" as const })),
  ].sort((a, b) => a.index - b.index);
  const before = words.filter((w) => w.index < at).pop();
  const after = words.find((w) => w.index > at);
  return (before ?? after)?.kind ?? null;
}

/** Wrong per-shard figures stated in a text, as readable complaints (none when all are right). */
function shardLimitMistakes(text: string): string[] {
  const mistakes: string[] = [];
  for (const sentence of sentences(text)) {
    if (!PER_SHARD.test(sentence)) continue;
    for (const clause of clauses(sentence)) {
      for (const m of clause.text.matchAll(MEGABYTES)) {
        const value = Number(m[1]);
        const kind = direction(clause.text, m.index);
        const right = kind === "write" ? value === 1 : kind === "read" ? value === 2 : value === 1 || value === 2;
        if (!right) mistakes.push(`${m[0]} (${kind ?? "per shard"}) in: ${sentence}`);
      }
      for (const m of clause.text.matchAll(RECORDS)) {
        const value = Number((m[1] ?? m[2] ?? "").replace(/,/g, ""));
        if (value !== 1000) mistakes.push(`${m[0]} per shard in: ${sentence}`);
      }
    }
  }
  return mistakes;
}

describe("built-in AWS Big Data decks", () => {
  it("are valid decks, one per language, as stored on disk", () => {
    expect(decks.map((d) => d.deck.language).sort()).toEqual(["en", "ko"]);
    for (const { file } of decks) {
      const path = fileURLToPath(new URL(`../../server/decks/builtin/${file}`, import.meta.url));
      const parsed = parseDeck(JSON.parse(readFileSync(path, "utf8")));
      expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    }
  });

  it("have at least 30 questions each, the same number in both languages", () => {
    expect(ko.questions.length).toBeGreaterThanOrEqual(30);
    expect(en.questions.length).toBe(ko.questions.length);
  });

  it("match question by question on every field but text", () => {
    const shape = (q: DeckQuestion) => ({
      kind: q.kind,
      correct: q.correct,
      points: q.points,
      timeLimitSec: q.timeLimitSec,
      tags: q.tags,
      options: q.options.length,
      rationales: q.rationales.map((r) => r.trim() !== ""),
      imageUrl: q.imageUrl,
    });
    ko.questions.forEach((q, i) => {
      expect({ question: i + 1, ...shape(q) }).toEqual({ question: i + 1, ...shape(en.questions[i]!) });
    });
  });

  it("give every option a rationale and every question an explanation, in both languages", () => {
    for (const deck of [ko, en]) {
      deck.questions.forEach((q, i) => {
        expect(q.rationales.length, `${deck.language} question ${i + 1}`).toBe(q.options.length);
        q.rationales.forEach((r, j) => {
          expect(r.trim().length, `${deck.language} question ${i + 1}, option ${j + 1}`).toBeGreaterThan(20);
        });
        expect(q.explanation.trim().length, `${deck.language} question ${i + 1}`).toBeGreaterThan(80);
      });
    }
  });

  it("open with an unscored practice question, and score every other question", () => {
    for (const deck of [ko, en]) {
      expect(deck.questions[0]?.points).toBe("none");
      expect(deck.questions.slice(1).every((q) => q.points !== "none")).toBe(true);
    }
  });

  it("use one shared set of topic tags, each on at least two questions", () => {
    const counts = new Map<string, number>();
    for (const q of ko.questions) for (const tag of q.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([
      "cost",
      "formats",
      "hadoop",
      "iot",
      "kinesis",
      "s3",
      "streaming",
      "transfer",
    ]);
    for (const [tag, count] of counts) expect(count, tag).toBeGreaterThanOrEqual(2);
  });

  it("do not make the longest option the answer in 30% or more of the choice questions", () => {
    for (const deck of [ko, en]) {
      const { rate, questions } = longestIsKeyRate(deck);
      expect(rate, `${deck.language}: longest option is the key in questions ${questions.join(", ")}`).toBeLessThan(
        0.3,
      );
    }
  });

  it("the length-cue measure counts a longest correct option (and a tie for longest)", () => {
    const question = (options: string[], correct: number[]): DeckQuestion => ({
      kind: correct.length > 1 ? "multiple" : "single",
      text: "?",
      options,
      correct,
      timeLimitSec: 20,
      points: "standard",
      explanation: "",
      rationales: options.map(() => ""),
      tags: [],
      imageUrl: null,
    });
    const deck: Deck = {
      title: "t",
      language: "en",
      description: "",
      questions: [question(["a", "bbb", "cc"], [1]), question(["aa", "bb"], [0]), question(["a", "bbb"], [0])],
    };
    expect(longestIsKeyRate(deck)).toEqual({ rate: 2 / 3, questions: [1, 2] });
  });

  it('keep giveaways such as "(in the course" or "(formerly" out of options and stems', () => {
    for (const deck of [ko, en]) {
      deck.questions.forEach((q, i) => {
        for (const text of [q.text, ...q.options]) {
          for (const giveaway of GIVEAWAYS) {
            expect(text.includes(giveaway), `${deck.language} question ${i + 1}: "${giveaway}" in "${text}"`).toBe(
              false,
            );
          }
        }
      });
    }
  });

  it("say how many to choose in one register: (두 개 선택) / (choose two), no 고르세요 or 최저 지연", () => {
    ko.questions.forEach((q, i) => {
      if (q.kind === "multiple") expect(q.text, `ko question ${i + 1}`).toContain("(두 개 선택)");
      for (const text of texts(q)) {
        expect(text, `ko question ${i + 1}`).not.toMatch(/고르세요|최저 지연/);
      }
    });
    en.questions.forEach((q, i) => {
      if (q.kind === "multiple") expect(q.text, `en question ${i + 1}`).toContain("(choose two)");
    });
    expect(ko.questions.filter((q) => q.kind === "multiple").every((q) => q.correct.length === 2)).toBe(true);
  });

  it("mention Kinesis Video Streams only where it is the answer", () => {
    for (const deck of [ko, en]) {
      deck.questions.forEach((q, i) => {
        if (!texts(q).some((t) => t.includes("Kinesis Video Streams"))) return;
        const answers = q.correct.map((c) => q.options[c] ?? "");
        expect(
          answers.some((a) => a.includes("Kinesis Video Streams")),
          `${deck.language} question ${i + 1}`,
        ).toBe(true);
      });
    }
  });

  it("state the Kinesis shard limits correctly wherever they appear", () => {
    let checked = 0;
    for (const deck of [ko, en]) {
      deck.questions.forEach((q, i) => {
        for (const text of texts(q)) {
          if (sentences(text).some((s) => PER_SHARD.test(s) && /MB/.test(s))) checked++;
          expect(shardLimitMistakes(text), `${deck.language} question ${i + 1}`).toEqual([]);
        }
      });
    }
    // The decks do state the limits (the shard-count question, enhanced fan-out, the KPL question).
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it("the shard-limit check catches swapped or wrong figures", () => {
    expect(
      shardLimitMistakes("A shard accepts writes of up to 1 MB/s or 1,000 records/s, and reads of up to 2 MB/s."),
    ).toEqual([]);
    expect(
      shardLimitMistakes("샤드 하나의 쓰기 한도는 초당 1MB 또는 레코드 1,000개이고, 읽기 한도는 초당 2MB다."),
    ).toEqual([]);
    expect(shardLimitMistakes("Each shard supports reads of 1 MB/s and writes of 2 MB/s.")).toHaveLength(2);
    expect(shardLimitMistakes("샤드 하나는 읽기 초당 1MB, 쓰기 초당 2MB를 처리한다.")).toHaveLength(2);
    expect(shardLimitMistakes("A shard takes 2,000 records/s of writes.")).toHaveLength(1);
    expect(shardLimitMistakes("Five shards together accept 5 MB/s of writes.")).toEqual([]);
  });
});
