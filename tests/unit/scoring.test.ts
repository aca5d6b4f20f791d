import { describe, expect, it } from "vitest";
import { newPlayer } from "../../server/game/engine";
import {
  closeRanks,
  compareStanding,
  isCorrectChoice,
  maxPoints,
  pointsFor,
  rankPlayers,
  streakBonus,
} from "../../server/game/scoring";
import type { PlayerState } from "../../server/game/types";

const player = (id: string, seq: number, over: Partial<PlayerState> = {}): PlayerState => ({
  ...newPlayer({ id, nickname: id, nicknameKey: id, seq, connected: true, kicked: false }),
  ...over,
});

const byId = (...players: PlayerState[]) => Object.fromEntries(players.map((p) => [p.id, p]));

describe("scoring", () => {
  it("R-SCORE-SPEED: full points under 0.5 s, then linear to half at the time limit", () => {
    expect(pointsFor("standard", 0, 20_000)).toBe(1000);
    expect(pointsFor("standard", 499, 20_000)).toBe(1000);
    expect(pointsFor("standard", 500, 20_000)).toBe(988);
    expect(pointsFor("standard", 501, 20_000)).toBe(987);
    expect(pointsFor("standard", 10_000, 20_000)).toBe(750);
    expect(pointsFor("standard", 19_999, 20_000)).toBe(500);
    expect(pointsFor("standard", 20_000, 20_000)).toBe(500);
    expect(pointsFor("double", 10_000, 20_000)).toBe(1500);
    expect(pointsFor("double", 499, 20_000)).toBe(2000);
    expect(pointsFor("none", 100, 20_000)).toBe(0);
    expect(pointsFor("none", 10_000, 20_000)).toBe(0);
    expect(pointsFor("standard", 5_000, 20_000)).toBe(Math.round(1000 * (1 - 0.25 / 2)));
  });

  it("R-SCORE-SPEED: never below half, whatever time is reported", () => {
    expect(pointsFor("standard", 60_000, 20_000)).toBe(500);
    expect(pointsFor("double", 25_000, 5_000)).toBe(1000);
  });

  it("R-SCORE-SPEED: the maximum is 1000, 2000 on double, 0 on practice", () => {
    expect([maxPoints("standard"), maxPoints("double"), maxPoints("none")]).toEqual([1000, 2000, 0]);
  });

  // max × (1 − f/2) in doubles lands just under an exact half for some times (1285 ms
  // of 5 s is 871.5 → 871.49999…): the rule's round() must still go up.
  it("R-SCORE-SPEED: an exact half rounds up (1285 ms of 5 s is 871.5 points → 872)", () => {
    expect(pointsFor("standard", 1_285, 5_000)).toBe(872);
    expect(pointsFor("standard", 2_570, 10_000)).toBe(872);
  });

  it("R-STREAK: +100 per level from the 2nd correct answer in a row, capped at +500", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map(streakBonus)).toEqual([0, 0, 100, 200, 300, 400, 500, 500, 500]);
  });

  it("R-MULTI-ALL: multiple select needs all and only the correct options", () => {
    expect(isCorrectChoice(["a", "c"], ["c", "a"])).toBe(true);
    expect(isCorrectChoice(["b"], ["b"])).toBe(true);
    expect(isCorrectChoice(["a"], ["a", "c"])).toBe(false);
    expect(isCorrectChoice(["a", "b", "c"], ["a", "c"])).toBe(false);
    expect(isCorrectChoice(["a", "b"], ["a", "c"])).toBe(false);
    expect(isCorrectChoice([], ["a"])).toBe(false);
  });

  it("R-RANK-TIEBREAK: score first, then lower total time, then who joined first", () => {
    const high = player("high", 3, { score: 900, totalTimeMs: 9_000 });
    const fast = player("fast", 2, { score: 500, totalTimeMs: 1_000 });
    const early = player("early", 0, { score: 500, totalTimeMs: 2_000 });
    const late = player("late", 1, { score: 500, totalTimeMs: 2_000 });
    const sorted = [late, early, fast, high].sort(compareStanding).map((p) => p.id);
    expect(sorted).toEqual(["high", "fast", "early", "late"]);
    expect(compareStanding(early, early)).toBe(0);
  });

  it("R-RANK-PERMUTATION: ranks 1..n over the players not kicked, the old rank kept as previous", () => {
    const players = byId(
      player("a", 0, { score: 100, rank: 2 }),
      player("b", 1, { score: 300, rank: 1 }),
      player("gone", 2, { score: 999, rank: 3, kicked: true }),
      player("c", 3, { score: 200 }),
    );
    const ranked = rankPlayers(players);
    expect(["b", "c", "a"].map((id) => [ranked[id]?.rank, ranked[id]?.previousRank])).toEqual([
      [1, 1],
      [2, null],
      [3, 2],
    ]);
    expect(ranked.gone).toBe(players.gone);
    expect(players.a?.rank).toBe(2);
  });

  it("R-KICK, R-RANK-PERMUTATION: closing ranks after a kick keeps order and previous ranks, skips the unranked", () => {
    const players = byId(
      player("a", 0, { rank: 3, previousRank: 1 }),
      player("gone", 1, { rank: 1, previousRank: 2, kicked: true }),
      player("b", 2, { rank: 2, previousRank: 3 }),
      player("new", 3),
    );
    const closed = closeRanks(players);
    expect(["b", "a"].map((id) => [closed[id]?.rank, closed[id]?.previousRank])).toEqual([
      [1, 3],
      [2, 1],
    ]);
    expect(closed.new).toBe(players.new);
    expect(closed.gone).toBe(players.gone);
  });
});
