import { describe, expect, it } from "vitest";
import { playedTally, playerView } from "../../server/game/views";
import { game, must, question, withPlayers } from "./helpers";

const answer = (playerId: string, questionIndex: number, optionIds: string[]) =>
  ({ type: "answer", playerId, questionIndex, optionIds }) as const;

describe("the final view", () => {
  it("counts right answers over the questions played, skipped and unrevealed ones included, as the report does", () => {
    const deck = [question(), question({ kind: "multiple", correct: [0, 2] }), question(), question(), question()];
    let s = withPlayers(game(deck), ["ann", "bob"]);
    s = must(s, { type: "start" }, 0);
    s = must(must(s, answer("ann", 0, ["b"]), 100), answer("bob", 0, ["a"]), 100);
    s = must(s, { type: "tick" }, 20_000);
    s = must(must(s, { type: "next" }, 20_000), { type: "next" }, 20_000);
    // Question 2 is skipped: ann's right answer counts as right, though it scores nothing.
    s = must(must(s, answer("ann", 1, ["c", "a"]), 21_000), answer("bob", 1, ["a"]), 21_000);
    s = must(s, { type: "skip" }, 22_000);
    s = must(must(s, { type: "next" }, 22_000), { type: "next" }, 22_000);
    // Question 3 is open when the game ends: bob's right answer stands.
    s = must(s, answer("bob", 2, ["b"]), 23_000);
    s = must(s, { type: "end" }, 24_000);
    expect(playedTally(s, "ann")).toEqual({ correctCount: 2, questionsPlayed: 3 });
    expect(playedTally(s, "bob")).toEqual({ correctCount: 1, questionsPlayed: 3 });
    expect(playerView(s, "ann", 24_000)).toMatchObject({
      phase: "ended",
      correctCount: 2,
      questionsPlayed: 3,
      questionCount: 5,
      reviewUrl: null,
    });
  });

  it("a game ended in the lobby played nothing", () => {
    const s = must(withPlayers(game(), ["ann"]), { type: "end" }, 0);
    expect(playerView(s, "ann", 0)).toMatchObject({ phase: "ended", correctCount: 0, questionsPlayed: 0 });
  });
});
