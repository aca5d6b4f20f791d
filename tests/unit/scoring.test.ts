import { describe, expect, it } from "vitest";
import { isCorrectChoice, pointsFor, streakBonus } from "../../server/game/scoring";

describe("scoring", () => {
  it("R-SCORE-SPEED: full points under 0.5 s, then linear to half at the time limit", () => {
    expect(pointsFor("standard", 0, 20_000)).toBe(1000);
    expect(pointsFor("standard", 499, 20_000)).toBe(1000);
    expect(pointsFor("standard", 10_000, 20_000)).toBe(750);
    expect(pointsFor("standard", 20_000, 20_000)).toBe(500);
    expect(pointsFor("double", 10_000, 20_000)).toBe(1500);
    expect(pointsFor("none", 100, 20_000)).toBe(0);
    expect(pointsFor("standard", 5_000, 20_000)).toBe(Math.round(1000 * (1 - 0.25 / 2)));
  });

  it("R-STREAK: +100 per level from the 2nd correct answer in a row, capped at +500", () => {
    expect([0, 1, 2, 3, 6, 7, 20].map(streakBonus)).toEqual([0, 0, 100, 200, 500, 500, 500]);
  });

  it("R-MULTI-ALL: multiple select needs all and only the correct options", () => {
    expect(isCorrectChoice(["a", "c"], ["c", "a"])).toBe(true);
    expect(isCorrectChoice(["a"], ["a", "c"])).toBe(false);
    expect(isCorrectChoice(["a", "b", "c"], ["a", "c"])).toBe(false);
  });
});
