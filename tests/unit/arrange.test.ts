// Hosting options (docs/protocol.md, "Namespace /host"): the questions a game asks,
// chosen, ordered and shuffled by a pure function whose randomness is passed in.
import { describe, expect, it, vi } from "vitest";
import { arrangeQuestions, shuffled, withShuffledOptions, type Random } from "../../server/game/arrange";
import type { QuestionDef } from "../../server/game/types";
import { question } from "./helpers";

/** Five distinct questions: a single, a multiple with two keys, a true/false, a six-option one, a practice one. */
const DECK: readonly QuestionDef[] = [
  question({ text: "Q0", options: ["A0", "B0", "C0", "D0"], correct: [1], rationales: ["rA0", "", "rC0", "rD0"] }),
  question({
    kind: "multiple",
    text: "Q1",
    options: ["A1", "B1", "C1", "D1", "E1"],
    correct: [0, 3],
    rationales: ["", "rB1", "rC1", "", "rE1"],
    timeLimitSec: 30,
  }),
  question({ kind: "truefalse", text: "Q2", options: ["True", "False"], correct: [1], rationales: ["rT", "rF"] }),
  question({
    text: "Q3",
    options: ["A3", "B3", "C3", "D3", "E3", "F3"],
    correct: [5],
    rationales: ["rA3", "rB3", "rC3", "rD3", "rE3", "rF3"],
    timeLimitSec: 60,
  }),
  question({ text: "Q4", options: ["A4", "B4"], correct: [0], rationales: ["", ""], points: "none", timeLimitSec: 5 }),
];

/** A deterministic source (mulberry32): the same seed gives the same numbers. */
function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A source that returns exactly these numbers, then fails: counts and orders the draws. */
function scripted(...values: number[]) {
  let next = 0;
  return vi.fn((): number => {
    const value = values[next];
    next += 1;
    if (value === undefined) throw new Error(`draw ${next} was not expected`);
    return value;
  });
}

/** The draw that makes Fisher–Yates pick `j` out of `i + 1` positions (its middle, away from the edges). */
const pick = (j: number, of: number) => (j + 0.5) / of;

const texts = (questions: readonly QuestionDef[]) => questions.map((q) => q.text);
const arranged = (options: Parameters<typeof arrangeQuestions>[1], random: Random = seeded(1)) => {
  const result = arrangeQuestions(DECK, options, random);
  if (!result.ok) throw new Error(`out of range: ${result.outOfRange.join()}`);
  return result.questions;
};

/** Each option of `after` with its rationale and rightness, as in `before`: the same facts, maybe reordered. */
function expectSameFacts(before: QuestionDef, after: QuestionDef) {
  const facts = (q: QuestionDef) =>
    q.options.map((text, i) => ({ text, rationale: q.rationales[i], key: q.correct.includes(i) }));
  expect(after.options).toHaveLength(before.options.length);
  expect(after.rationales).toHaveLength(before.options.length);
  expect([...facts(after)].sort((a, b) => a.text.localeCompare(b.text))).toEqual(
    [...facts(before)].sort((a, b) => a.text.localeCompare(b.text)),
  );
  expect(after.correct).toEqual([...after.correct].sort((a, b) => a - b));
  const { options: _o, rationales: _r, correct: _c, ...rest } = after;
  const { options: _bo, rationales: _br, correct: _bc, ...restBefore } = before;
  expect(rest).toEqual(restBefore);
}

describe("arrangeQuestions: defaults", () => {
  it("without options, every question as the deck has it, in deck order, and no draw", () => {
    const random = scripted();
    const copy = structuredClone(DECK);
    const result = arrangeQuestions(DECK, {}, random);
    expect(result).toEqual({ ok: true, questions: DECK });
    expect(random).not.toHaveBeenCalled();
    expect(DECK).toEqual(copy);
  });

  it("options set to false change nothing either", () => {
    const random = scripted();
    expect(arranged({ shuffleQuestions: false, shuffleOptions: false }, random)).toEqual(DECK);
    expect(random).not.toHaveBeenCalled();
  });
});

describe("arrangeQuestions: a subset", () => {
  it("plays only the chosen questions, in deck order whatever order they were listed in", () => {
    expect(texts(arranged({ questionIndexes: [3, 0, 4] }))).toEqual(["Q0", "Q3", "Q4"]);
    expect(arranged({ questionIndexes: [4, 1] })).toEqual([DECK[1], DECK[4]]);
    expect(texts(arranged({ questionIndexes: [2] }))).toEqual(["Q2"]);
  });

  it("the first and the last question can be chosen", () => {
    expect(texts(arranged({ questionIndexes: [0, 4] }))).toEqual(["Q0", "Q4"]);
  });

  it("asks an index listed twice once", () => {
    expect(texts(arranged({ questionIndexes: [1, 1, 3] }))).toEqual(["Q1", "Q3"]);
  });

  it("an index past the deck (or negative, or a fraction) arranges nothing and names every such index", () => {
    expect(arrangeQuestions(DECK, { questionIndexes: [0, 5, 2, 9] }, seeded(1))).toEqual({
      ok: false,
      outOfRange: [5, 9],
      questionCount: 5,
    });
    expect(arrangeQuestions(DECK, { questionIndexes: [-1] }, seeded(1))).toEqual({
      ok: false,
      outOfRange: [-1],
      questionCount: 5,
    });
    expect(arrangeQuestions(DECK, { questionIndexes: [1.5] }, seeded(1))).toEqual({
      ok: false,
      outOfRange: [1.5],
      questionCount: 5,
    });
    expect(arrangeQuestions([], { questionIndexes: [0] }, seeded(1))).toEqual({
      ok: false,
      outOfRange: [0],
      questionCount: 0,
    });
  });

  it("a refused subset draws nothing, even with shuffling asked for", () => {
    const random = scripted();
    const result = arrangeQuestions(
      DECK,
      { questionIndexes: [5], shuffleQuestions: true, shuffleOptions: true },
      random,
    );
    expect(result.ok).toBe(false);
    expect(random).not.toHaveBeenCalled();
  });
});

describe("arrangeQuestions: shuffled questions", () => {
  it("a scripted source gives exactly Fisher–Yates' order, each question unchanged", () => {
    // i=4 takes position 0, i=3 position 3 (stays), i=2 position 1, i=1 position 1 (stays).
    const random = scripted(pick(0, 5), pick(3, 4), pick(1, 3), pick(1, 2));
    expect(arranged({ shuffleQuestions: true }, random)).toEqual([DECK[4], DECK[2], DECK[1], DECK[3], DECK[0]]);
    expect(random).toHaveBeenCalledTimes(4);
  });

  it("the same seed gives the same order; the questions are a permutation of the deck's", () => {
    const a = arranged({ shuffleQuestions: true }, seeded(42));
    const b = arranged({ shuffleQuestions: true }, seeded(42));
    expect(a).toEqual(b);
    expect([...texts(a)].sort()).toEqual(texts(DECK));
    const orders = new Set(
      Array.from({ length: 50 }, (_, seed) => texts(arranged({ shuffleQuestions: true }, seeded(seed))).join()),
    );
    expect(orders.size).toBeGreaterThan(30);
  });

  it("shuffles the chosen subset only", () => {
    const random = scripted(pick(0, 3), pick(0, 2));
    // [Q1, Q3, Q4] → swap 2↔0 → [Q4, Q3, Q1] → swap 1↔0 → [Q3, Q4, Q1].
    expect(texts(arranged({ questionIndexes: [1, 3, 4], shuffleQuestions: true }, random))).toEqual(["Q3", "Q4", "Q1"]);
    const many = new Set(
      Array.from({ length: 40 }, (_, seed) =>
        texts(arranged({ questionIndexes: [1, 3, 4], shuffleQuestions: true }, seeded(seed))).join(),
      ),
    );
    expect([...many].sort()).toEqual(["Q1,Q3,Q4", "Q1,Q4,Q3", "Q3,Q1,Q4", "Q3,Q4,Q1", "Q4,Q1,Q3", "Q4,Q3,Q1"]);
  });
});

describe("arrangeQuestions: shuffled options", () => {
  it("each option keeps its rationale and its rightness; the key stays ascending; the rest is untouched", () => {
    for (let seed = 0; seed < 200; seed += 1) {
      const result = arranged({ shuffleOptions: true }, seeded(seed));
      expect(texts(result)).toEqual(texts(DECK));
      result.forEach((q, i) => expectSameFacts(DECK[i] as QuestionDef, q));
    }
  });

  it("a scripted source moves options, rationales and key together, exactly", () => {
    // Q3's six options: i=5↔0, i=4↔4, i=3↔1, i=2↔2, i=1↔0.
    const q = DECK[3] as QuestionDef;
    const random = scripted(pick(0, 6), pick(4, 5), pick(1, 4), pick(2, 3), pick(0, 2));
    // [A,B,C,D,E,F] → [F,B,C,D,E,A] → same → [F,D,C,B,E,A] → same → [D,F,C,B,E,A]
    expect(withShuffledOptions(q, random)).toEqual({
      ...q,
      options: ["D3", "F3", "C3", "B3", "E3", "A3"],
      rationales: ["rD3", "rF3", "rC3", "rB3", "rE3", "rA3"],
      correct: [1],
    });
    expect(random).toHaveBeenCalledTimes(5);
  });

  it("a multiple-select key of two follows both its options, listed ascending", () => {
    const q = DECK[1] as QuestionDef;
    // [A,B,C,D,E]: i=4↔0 → [E,B,C,D,A]; i=3↔3; i=2↔0 → [C,B,E,D,A]; i=1↔1.
    const random = scripted(pick(0, 5), pick(3, 4), pick(0, 3), pick(1, 2));
    expect(withShuffledOptions(q, random)).toMatchObject({
      options: ["C1", "B1", "E1", "D1", "A1"],
      rationales: ["rC1", "rB1", "rE1", "", ""],
      correct: [3, 4],
    });
  });

  it("rationales shorter than the options are filled with empty ones, parallel to the new order", () => {
    const q = question({ options: ["w", "x", "y"], correct: [2], rationales: ["rw"] });
    // [w,x,y]: i=2↔0 → [y,x,w]; i=1↔1.
    expect(withShuffledOptions(q, scripted(pick(0, 3), pick(1, 2)))).toMatchObject({
      options: ["y", "x", "w"],
      rationales: ["", "", "rw"],
      correct: [0],
    });
  });

  it("every order of four options is reachable, each from exactly one draw sequence", () => {
    const q = DECK[0] as QuestionDef;
    const orders = new Set<string>();
    for (let a = 0; a < 4; a += 1) {
      for (let b = 0; b < 3; b += 1) {
        for (let c = 0; c < 2; c += 1) {
          orders.add(withShuffledOptions(q, scripted(pick(a, 4), pick(b, 3), pick(c, 2))).options.join());
        }
      }
    }
    expect(orders.size).toBe(24);
  });

  it("over a counted sample every order of four options comes up, none far from 1 in 24", () => {
    const random = seeded(2024);
    const counts = new Map<string, number>();
    const runs = 24 * 200;
    for (let run = 0; run < runs; run += 1) {
      const order = withShuffledOptions(DECK[0] as QuestionDef, random).options.join();
      counts.set(order, (counts.get(order) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    // Expected 200 each; a uniform shuffle stays well within ±35% over this many runs.
    for (const [order, count] of counts) expect(count, order).toBeGreaterThan(130);
    for (const [order, count] of counts) expect(count, order).toBeLessThan(270);
  });

  it("true/false keeps its two options in order and draws nothing", () => {
    const random = scripted();
    expect(withShuffledOptions(DECK[2] as QuestionDef, random)).toEqual(DECK[2]);
    expect(random).not.toHaveBeenCalled();
  });

  it("draws for the questions first, then for each question's options in the new order", () => {
    // Questions [Q0, Q4] (subset): one draw keeps the order; then Q0 (3 draws), Q4 (1 draw).
    const random = scripted(pick(1, 2), pick(3, 4), pick(2, 3), pick(0, 2), pick(0, 2));
    const result = arranged({ questionIndexes: [0, 4], shuffleQuestions: true, shuffleOptions: true }, random);
    expect(texts(result)).toEqual(["Q0", "Q4"]);
    expect(result[0]?.options).toEqual(["B0", "A0", "C0", "D0"]);
    expect(result[0]?.correct).toEqual([0]);
    expect(result[1]?.options).toEqual(["B4", "A4"]);
    expect(result[1]?.correct).toEqual([1]);
    expect(random).toHaveBeenCalledTimes(5);
  });

  it("the same seed gives the same options on every question; the deck itself is left as it was", () => {
    const copy = structuredClone(DECK);
    const a = arranged({ shuffleQuestions: true, shuffleOptions: true, timeLimitSec: 15 }, seeded(7));
    const b = arranged({ shuffleQuestions: true, shuffleOptions: true, timeLimitSec: 15 }, seeded(7));
    expect(a).toEqual(b);
    expect(DECK).toEqual(copy);
  });
});

describe("arrangeQuestions: time limit override", () => {
  it("sets every question's time limit and nothing else", () => {
    const result = arranged({ timeLimitSec: 45 });
    expect(result.map((q) => q.timeLimitSec)).toEqual([45, 45, 45, 45, 45]);
    expect(result.map(({ timeLimitSec: _, ...rest }) => rest)).toEqual(
      DECK.map(({ timeLimitSec: _, ...rest }) => rest),
    );
  });

  it("applies to a shuffled subset too; without it each question keeps its own", () => {
    const result = arranged({ questionIndexes: [1, 3], shuffleOptions: true, timeLimitSec: 240 }, seeded(3));
    expect(result.map((q) => [q.text, q.timeLimitSec])).toEqual([
      ["Q1", 240],
      ["Q3", 240],
    ]);
    expect(arranged({ questionIndexes: [1, 3] }).map((q) => q.timeLimitSec)).toEqual([30, 60]);
  });
});

describe("shuffled (Fisher–Yates)", () => {
  it("walks from the end, swapping each position with a drawn one at or before it", () => {
    const items = ["a", "b", "c", "d"];
    const random = scripted(0, 0, 0);
    // i=3↔0 → d,b,c,a; i=2↔0 → c,b,d,a; i=1↔0 → b,c,d,a.
    expect(shuffled(items, random)).toEqual(["b", "c", "d", "a"]);
    expect(items).toEqual(["a", "b", "c", "d"]);
    // The largest draws keep every item where it is.
    expect(shuffled(items, scripted(0.999, 0.999, 0.999))).toEqual(items);
  });

  it("draws one number fewer than the items; none for zero or one item", () => {
    const random = scripted(0.5, 0.5, 0.5, 0.5);
    expect(shuffled([1, 2, 3, 4, 5], random)).toHaveLength(5);
    expect(random).toHaveBeenCalledTimes(4);
    const none = scripted();
    expect(shuffled([], none)).toEqual([]);
    expect(shuffled(["x"], none)).toEqual(["x"]);
    expect(none).not.toHaveBeenCalled();
  });
});
