// Points, streaks and ranks (RULES.md: R-SCORE-*, R-STREAK, R-RANK-TIEBREAK).
import type { PointsKind } from "../../lib/contract";
import type { PlayerState } from "./types";

export const FULL_POINTS_WINDOW_MS = 500;
export const STREAK_BONUS_STEP = 100;
export const STREAK_BONUS_CAP = 500;

export function maxPoints(points: PointsKind): number {
  return points === "double" ? 2000 : points === "none" ? 0 : 1000;
}

/** Points for a correct answer received `timeMs` after the question opened. */
export function pointsFor(points: PointsKind, timeMs: number, timeLimitMs: number): number {
  const max = maxPoints(points);
  if (timeMs < FULL_POINTS_WINDOW_MS) return max;
  // max × (1 − (t/T)/2) as one integer ratio: in floating point an exact half such as
  // 871.5 can come out as 871.4999… and round down.
  const t = Math.min(timeLimitMs, Math.max(0, timeMs));
  return Math.round((max * (2 * timeLimitMs - t)) / (2 * timeLimitMs));
}

/** Bonus for a streak of `streak` correct answers in a row: +100 from the 2nd, capped at +500. */
export function streakBonus(streak: number): number {
  return streak < 2 ? 0 : Math.min(STREAK_BONUS_STEP * (streak - 1), STREAK_BONUS_CAP);
}

export function isCorrectChoice(chosen: readonly string[], correct: readonly string[]): boolean {
  return chosen.length === correct.length && correct.every((id) => chosen.includes(id));
}

/** Higher score first; then lower total answer time; then who joined first. */
export function compareStanding(a: PlayerState, b: PlayerState): number {
  return b.score - a.score || a.totalTimeMs - b.totalTimeMs || a.seq - b.seq;
}

/** Ranks 1..n over the players that are not kicked. */
export function rankPlayers(players: Record<string, PlayerState>): Record<string, PlayerState> {
  const ordered = Object.values(players)
    .filter((p) => !p.kicked)
    .sort(compareStanding);
  const next: Record<string, PlayerState> = { ...players };
  ordered.forEach((p, i) => {
    next[p.id] = { ...p, previousRank: p.rank, rank: i + 1 };
  });
  return next;
}

/** Ranks 1..n again after a player leaves, without touching previousRank. */
export function closeRanks(players: Record<string, PlayerState>): Record<string, PlayerState> {
  const ordered = Object.values(players)
    .filter((p) => !p.kicked && p.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const next: Record<string, PlayerState> = { ...players };
  ordered.forEach((p, i) => {
    next[p.id] = { ...p, rank: i + 1 };
  });
  return next;
}
