// The questions a game asks, as the host chose them when hosting (docs/protocol.md,
// "Namespace /host"): all of the deck or a subset, in deck order or shuffled, each
// question's options shuffled, one time limit for every question. The result is
// the game's snapshot: stored on the game row and the only source of every view,
// so each phone and the projector show the same order, and the session report
// shows what was asked, in the order asked. Pure: the randomness is passed in.
import type { HostingOptions } from "../../lib/contract";
import type { QuestionDef } from "./types";

/**
 * A source of uniform fractions in [0, 1), like Math.random. The server passes a
 * crypto-based one; tests pass a seeded or scripted one.
 */
export type Random = () => number;

export type Arrangement =
  | { ok: true; questions: QuestionDef[] }
  /** Some chosen indexes are not the deck's: nothing is arranged. */
  | { ok: false; outOfRange: number[]; questionCount: number };

/**
 * The questions to ask, in the order to ask them.
 *
 * - `questionIndexes` (0-based deck indexes): only those questions, each once, in
 *   deck order; absent, every question. An index outside 0..n−1 gives
 *   `{ ok: false, outOfRange, questionCount }` (every such index, in the order given);
 *   a fraction is outside too.
 * - `shuffleQuestions`: the chosen questions in a uniformly random order.
 * - `shuffleOptions`: each question's options in a uniformly random order, with its
 *   rationales and its key (`correct`, kept ascending) moved along, so an option
 *   keeps its rationale and its rightness. True/false questions keep "true, false":
 *   a swapped pair tests reading, not knowledge.
 * - `timeLimitSec`: every question's time limit, in seconds.
 *
 * Draws from `random` only to shuffle: the questions first (n − 1 draws), then each
 * question's options in the new order (options − 1 draws each). The input is not
 * changed; without options the result equals the deck's questions.
 */
export function arrangeQuestions(
  questions: readonly QuestionDef[],
  options: HostingOptions,
  random: Random,
): Arrangement {
  const indexes = options.questionIndexes;
  const outOfRange = (indexes ?? []).filter((i) => !(Number.isInteger(i) && i >= 0 && i < questions.length));
  if (outOfRange.length > 0) return { ok: false, outOfRange, questionCount: questions.length };
  const chosen = indexes
    ? questions.filter((_, i) => indexes.includes(i)) // deck order, each once
    : [...questions];
  const ordered = options.shuffleQuestions ? shuffled(chosen, random) : chosen;
  return {
    ok: true,
    questions: ordered.map((question) => {
      const arranged = options.shuffleOptions ? withShuffledOptions(question, random) : question;
      return options.timeLimitSec === undefined ? arranged : { ...arranged, timeLimitSec: options.timeLimitSec };
    }),
  };
}

/** One question with its options in a random order; rationales and key move with them. */
export function withShuffledOptions(question: QuestionDef, random: Random): QuestionDef {
  if (question.kind === "truefalse") return question;
  const entries = question.options.map((text, i) => ({
    text,
    rationale: question.rationales[i] ?? "",
    key: question.correct.includes(i),
  }));
  const order = shuffled(entries, random);
  return {
    ...question,
    options: order.map((e) => e.text),
    rationales: order.map((e) => e.rationale),
    correct: order.flatMap((e, i) => (e.key ? [i] : [])),
  };
}

/**
 * A uniformly random permutation (Fisher–Yates): a new array, the input unchanged;
 * draws `items.length − 1` numbers from `random`, each in [0, 1).
 */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
