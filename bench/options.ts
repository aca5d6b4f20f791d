// The bench's flags (see bench/README.md).
import { parseArgs } from "node:util";
import type { DatabaseKind } from "./servers";

export interface BenchOptions {
  players: number;
  questions: number;
  games: number;
  db: DatabaseKind;
  timeLimitSec: number;
  workers: number;
  wrongFraction: number;
  rejoinersPerGame: number;
  addresses: number;
  targets: ("floor" | "product")[];
  /** The whole run's bound, seconds: past it everything is killed and what finished is reported. */
  timeoutSec: number;
  /** How long the joins may take, seconds (per target). */
  joinTimeoutSec: number;
  seed: number;
  /** Profile each server's CPU over the load (bench/profiles/, top entries printed). */
  cpuProf: boolean;
}

export const USAGE = `npm run bench -- [flags]

  --players N       players per game (500)
  --games G         games played at once, N players each (1)
  --questions Q     questions per game (3)
  --time-limit S    each question's time limit, seconds, 5–240 (20)
  --db KIND         sqlite (a fresh file) or postgres (a fresh database on TEST_POSTGRES_URL) (sqlite)
  --workers W       bot processes (4; at least 1, at most one per 50 bots)
  --wrong F         fraction of answers chosen wrong on purpose (0.25)
  --rejoiners K     bots per game that drop and rejoin with their token mid-game (1% of N, 1–20)
  --addresses K     spread the bots over K loopback source addresses 127.0.0.1…K (1: one address, as behind a NAT)
  --only TARGET     run only "product" or only "floor" (both)
  --join-timeout S  how long the joins may take per target (30 + 15 s per 500 bots)
  --timeout S       bound of the whole run; past it everything is killed and what finished is reported
  --seed N          seed of the bots' random choices (1)
  --cpu-prof        profile each server's CPU over the load: bench/profiles/*.cpuprofile, top entries printed
  --help`;

function int(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer ${min}–${max}`);
  return n;
}

function fraction(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`--${name} must be a number 0–1`);
  return n;
}

export function parseOptions(argv: string[]): BenchOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      players: { type: "string" },
      games: { type: "string" },
      questions: { type: "string" },
      "time-limit": { type: "string" },
      db: { type: "string" },
      workers: { type: "string" },
      wrong: { type: "string" },
      rejoiners: { type: "string" },
      addresses: { type: "string" },
      only: { type: "string" },
      "join-timeout": { type: "string" },
      timeout: { type: "string" },
      seed: { type: "string" },
      "cpu-prof": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) return "help";
  const players = int(values.players, "players", 1, 100_000, 500);
  const games = int(values.games, "games", 1, 1000, 1);
  const questions = int(values.questions, "questions", 1, 50, 3);
  const timeLimitSec = int(values["time-limit"], "time-limit", 5, 240, 20);
  const db = values.db ?? "sqlite";
  if (db !== "sqlite" && db !== "postgres") throw new Error("--db must be sqlite or postgres");
  const bots = players * games;
  const workers = Math.min(int(values.workers, "workers", 1, 64, 4), Math.max(1, Math.ceil(bots / 50)));
  const only = values.only;
  if (only !== undefined && only !== "product" && only !== "floor") throw new Error("--only must be product or floor");
  const targets: BenchOptions["targets"] = only ? [only] : ["floor", "product"];
  const rejoinersPerGame = int(
    values.rejoiners,
    "rejoiners",
    0,
    players,
    Math.min(players, Math.max(1, Math.min(20, Math.round(players / 100)))),
  );
  const joinTimeoutSec = int(values["join-timeout"], "join-timeout", 5, 3600, Math.ceil(30 + (15 * bots) / 500));
  // Per target: joins, then each question (its limit, the reveal, the leaderboard), then the end and the bookkeeping.
  const perTarget = joinTimeoutSec + questions * (timeLimitSec + 30 + bots / 200) + 90;
  const timeoutSec = int(values.timeout, "timeout", 10, 24 * 3600, Math.ceil(targets.length * perTarget + 120));
  return {
    players,
    questions,
    games,
    db,
    timeLimitSec,
    workers,
    wrongFraction: fraction(values.wrong, "wrong", 0.25),
    rejoinersPerGame,
    addresses: int(values.addresses, "addresses", 1, 250, 1),
    targets,
    timeoutSec,
    joinTimeoutSec,
    seed: int(values.seed, "seed", 0, 2 ** 31 - 1, 1),
    cpuProf: values["cpu-prof"] ?? false,
  };
}
