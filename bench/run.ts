// npm run bench: Quizroom against a bare Socket.IO server that speaks the same
// contract (the floor), driven by the same bots from worker processes, on loopback.
// Prints a table (product, floor, product/floor) and writes it as JSON to bench/results/.
// See bench/README.md for what each number means.
import { execFileSync, type ExecFileSyncOptionsWithStringEncoding } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import cliProgress from "cli-progress";
import * as prettier from "prettier";
import { checkNickname } from "../lib/nickname";
import { readDb } from "../tests/integration/support/db";
import { benchDeck } from "./deck";
import { HostDriver, importDeck, signIn } from "./host";
import { now, type BotRecord, type BotSpec, type Counters } from "./messages";
import { parseOptions, USAGE, type BenchOptions } from "./options";
import { BotPool, killAllWorkers } from "./pool";
import { cpuSeconds, PeakRss, rssKiB } from "./proc";
import { summarizeProfile, type ProfileSummary } from "./profile";
import {
  ensureBuild,
  killAllServers,
  probeMark,
  profilePath,
  ROOT,
  startFloor,
  startProduct,
  type ProbeSummary,
  type RunningServer,
} from "./servers";
import { formatTable, ratio, round, summarize, type Row, type Summary } from "./stats";

type Target = "product" | "floor";

/** After the last join, the host waits this long before starting (the lobby's 2 s refresh has gone out). */
const SETTLE_MS = 2500;

export interface TargetResult {
  target: Target;
  completed: boolean;
  error: string | null;
  /** The last stage reached (for a run that did not finish). */
  stage: string;
  wallSeconds: number;
  loadAverage: { before: number[]; after: number[] };
  players: number;
  joined: number;
  joinFailed: number;
  joinErrors: Record<string, number>;
  /** Join attempts refused with RATE_LIMITED (each retried 2–4 s later, as a phone would). */
  rateLimitedJoins: number;
  /** Join attempts that failed for any reason and were retried (RATE_LIMITED included). */
  joinRetries: number;
  /** From the join signal to the last join ack: null unless every bot got in. */
  allJoinedSeconds: number | null;
  lastJoinSeconds: number | null;
  joinAckMs: Summary | null;
  questionPushMs: Summary | null;
  answerAckMs: Summary | null;
  revealPushMs: Summary | null;
  /** Reveals that arrived before the close as measured outside (counted as 0 ms). */
  revealBeforeClose: number;
  closes: { byAnswers: number; byDeadline: number };
  rejoinAckMs: Summary | null;
  rejoins: { ok: number; failed: Record<string, number> };
  hostAckMs: Summary | null;
  answersAcked: number;
  answersRefused: Record<string, number>;
  /** Acknowledged (ok) answers that are not in the database afterwards: product only. */
  answersLost: number | null;
  /** Stored answers whose options differ from the ones acknowledged: product only. */
  answersMismatched: number | null;
  questionsMissing: number;
  revealsMissing: number;
  phonesDropped: number;
  dropReasons: Record<string, number>;
  serverCpuSeconds: number | null;
  botsCpuSeconds: number | null;
  eventLoopDelayMs: ProbeSummary["delayMs"] | null;
  rssKiB: { idle: number | null; peak: number | null; perPlayer: number | null };
  heapUsedKiB: { idle: number | null; end: number | null };
  /** With --cpu-prof: the profile of the load (from the joins to the end of the game) and its top entries. */
  profile: { file: string; summary: ProfileSummary } | null;
}

/** What one target's run has gathered so far: enough to report even when it is cut short. */
interface Run {
  target: Target;
  stage: string;
  began: number;
  loadBefore: number[];
  server: RunningServer | null;
  pool: BotPool | null;
  hosts: HostDriver[];
  joinStartAt: number | null;
  cpuStart: number | null;
  botsCpuStart: number | null;
  rssIdle: number | null;
  heapIdle: number | null;
  peak: PeakRss | null;
  end: { cpu: number | null; botsCpu: number | null; probe: ProbeSummary | null; rssPeak: number | null } | null;
  error: string | null;
  /** The wrap-up once begun: a Ctrl-C during the normal one joins it instead of starting another. */
  wrapping: Promise<TargetResult> | null;
}

const log = (line: string) => console.log(line);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const loadAverage = () => os.loadavg().map((v) => round(v, 2));

// --- progress ---

class Progress {
  private readonly bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        {
          format: " {target} {stage} |{bar}| {value}/{total} {detail}",
          hideCursor: true,
          clearOnComplete: true,
          stopOnComplete: false,
          etaBuffer: 20,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  private active = false;
  private ticker: NodeJS.Timeout | null = null;

  /** A new stage: on a terminal the bar restarts; elsewhere one line is printed. */
  stage(target: Target, stage: string, total: number, value: () => { value: number; detail: string }): void {
    this.stopTicker();
    if (!this.bar) {
      log(`[${target}] ${stage}…`);
      return;
    }
    const first = value();
    if (this.active) this.bar.stop();
    this.bar.start(total, first.value, { target, stage, detail: first.detail });
    this.active = true;
    this.ticker = setInterval(() => {
      const current = value();
      this.bar?.update(current.value, { detail: current.detail });
    }, 200);
    this.ticker.unref();
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  stop(): void {
    this.stopTicker();
    if (this.active) this.bar?.stop();
    this.active = false;
  }

  /** A line between stages, kept clear of the bar. */
  note(line: string): void {
    const wasActive = this.active;
    if (wasActive) this.bar?.stop();
    this.active = false;
    log(line);
  }
}

// --- one target ---

/** Digits that, in the product's filter, spell no word (4, 5 and 7 read as letters: "b0-455", "b0-717"). */
const SAFE_DIGITS = "0123689";
const safeNumber = (n: number): string => {
  let text = "";
  do {
    text = `${SAFE_DIGITS[n % SAFE_DIGITS.length] ?? "0"}${text}`;
    n = Math.floor(n / SAFE_DIGITS.length);
  } while (n > 0);
  return text;
};

/** A nickname the product's filter accepts: the plain number when it passes, else (another prefix, so never a taken name) the number in safe digits. */
function nicknameFor(game: number, i: number): string {
  const candidates = [
    `b${game}-${i}`,
    `s${safeNumber(game)}-${safeNumber(i)}`,
    `q${safeNumber(game)}.${safeNumber(i)}`,
  ];
  return candidates.find((name) => checkNickname(name).ok) ?? candidates[0] ?? "";
}

function botSpecs(options: BenchOptions): BotSpec[] {
  const rejoinQuestion = options.questions > 1 ? 1 : 0;
  const specs: BotSpec[] = [];
  for (let game = 0; game < options.games; game += 1) {
    const rejoiners = new Set(
      Array.from({ length: options.rejoinersPerGame }, (_, k) =>
        Math.floor((k * options.players) / Math.max(1, options.rejoinersPerGame)),
      ),
    );
    for (let i = 0; i < options.players; i += 1) {
      specs.push({
        index: game * options.players + i,
        game,
        nickname: nicknameFor(game, i),
        rejoinQuestion: rejoiners.has(i) ? rejoinQuestion : -1,
      });
    }
  }
  return specs;
}

/** One game, played by its host: each question opened, closed, revealed to the phones, then the leaderboard. */
async function playGame(options: BenchOptions, host: HostDriver, game: number, pool: BotPool) {
  const total = options.players * options.games;
  const phoneWaitMs = 15_000 + 2 * total;
  const joinedHere = (c: Counters) => c.joinedPerGame[game] ?? 0;
  for (let q = 0; q < options.questions; q += 1) {
    const slot = game * options.questions + q;
    await host.open(q);
    if (!(await host.waitFor(() => host.questionSeen[q] !== undefined, 60_000))) {
      throw new Error(`game ${game}: question ${q + 1} did not open`);
    }
    const limitMs = options.timeLimitSec * 1000;
    if (!(await host.waitFor(() => host.revealSeenAt[q] !== undefined, limitMs + 60_000))) {
      throw new Error(`game ${game}: question ${q + 1} was not revealed`);
    }
    await pool.waitFor((c) => (c.reveal[slot] ?? 0) >= joinedHere(c), phoneWaitMs);
    await host.next();
    await pool.waitFor((c) => (c.leaderboard[slot] ?? 0) >= joinedHere(c), phoneWaitMs);
  }
  await host.next();
  await pool.waitFor((c) => (c.ended[game] ?? 0) >= joinedHere(c), phoneWaitMs);
}

async function runTarget(run: Run, options: BenchOptions, progress: Progress): Promise<void> {
  const total = options.players * options.games;
  const deck = benchDeck(options.questions, options.timeLimitSec);

  run.stage = "starting the server";
  progress.note(
    `[${run.target}] starting ${run.target === "product" ? `Quizroom (npm start, ${options.db})` : "the floor server"}…`,
  );
  run.server =
    run.target === "product"
      ? await startProduct({
          database: options.db,
          postgresUrl: process.env.TEST_POSTGRES_URL,
          maxPlayers: Math.max(options.players, 2000),
          cpuProf: options.cpuProf,
        })
      : await startFloor({
          questions: options.questions,
          timeLimitSec: options.timeLimitSec,
          cpuProf: options.cpuProf,
        });
  const server = run.server;

  run.stage = "creating the games";
  let cookie: string | null = null;
  let deckId = "bench";
  if (run.target === "product") {
    cookie = await signIn(server.url);
    deckId = await importDeck(server.url, cookie, deck);
  }
  run.hosts = await Promise.all(
    Array.from({ length: options.games }, async () => {
      const host = await HostDriver.connect(server.url, cookie);
      await host.create(deckId);
      return host;
    }),
  );

  run.stage = "starting the bots";
  const addresses = Array.from({ length: options.addresses }, (_, i) => `127.0.0.${i + 1}`);
  const pool = await BotPool.start(
    {
      url: server.url,
      questions: options.questions,
      games: options.games,
      wrongFraction: options.wrongFraction,
      answerWindow: 0.9,
      maxJoinsInFlight: Math.max(16, Math.floor(400 / options.workers)),
      localAddresses: addresses,
    },
    botSpecs(options),
    options.workers,
    options.seed,
  );
  run.pool = pool;

  // Idle: the server has started, signed in and created the games; nothing else runs.
  await sleep(1000);
  const idleProbe = await probeMark(server);
  run.heapIdle = idleProbe?.heapUsedKiB ?? null;
  run.rssIdle = rssKiB(server.pid);
  run.cpuStart = cpuSeconds(server.pid);
  run.botsCpuStart = pool.cpuSeconds();
  run.peak = new PeakRss(server.pid).start();

  run.stage = "joining";
  const startAt = now() + 300;
  run.joinStartAt = startAt;
  progress.stage(run.target, `joining ${total}`, total, () => {
    const c = pool.totals();
    return { value: c.joined + c.joinFailed, detail: c.rateLimited ? `(RATE_LIMITED ×${c.rateLimited})` : "" };
  });
  pool.join(
    run.hosts.map((h) => h.pin),
    startAt,
    startAt + options.joinTimeoutSec * 1000,
  );
  const allIn = await pool.waitFor((c) => c.joined + c.joinFailed >= total, options.joinTimeoutSec * 1000 + 70_000);
  const joinedNow = pool.totals();
  progress.note(
    `[${run.target}] joined ${joinedNow.joined}/${total} in ${((now() - startAt) / 1000).toFixed(1)} s` +
      (joinedNow.rateLimited ? ` (${joinedNow.rateLimited} join attempts refused RATE_LIMITED, retried)` : ""),
  );
  if (!allIn) throw new Error(`joins did not finish within ${options.joinTimeoutSec} s`);
  if (joinedNow.joined === 0) throw new Error("no bot could join");
  await sleep(SETTLE_MS);

  run.stage = "playing";
  progress.stage(run.target, `playing ${options.questions} question(s)`, joinedNow.joined * options.questions, () => {
    const c = pool.totals();
    const reveals = c.reveal.reduce((a, b) => a + b, 0);
    return { value: c.answersOk + c.answersRefused, detail: `answers, ${reveals} reveals, ${c.dropped} dropped` };
  });
  await Promise.all(run.hosts.map((host, game) => playGame(options, host, game, pool)));
  if (pool.error) throw new Error(pool.error);
  run.stage = "done";
}

/** The server's and the bots' numbers at the end of the load (before the bots hang up). */
async function measureEnd(run: Run): Promise<void> {
  if (run.end || !run.server || run.cpuStart === null) return;
  const probe = await probeMark(run.server, 5_000);
  run.end = {
    cpu: cpuSeconds(run.server.pid),
    botsCpu: run.pool?.cpuSeconds() ?? null,
    probe,
    rssPeak: run.peak?.stop() ?? null,
  };
}

/** Acknowledged answers checked against the database: how many are missing, how many differ. */
async function verifyStored(run: Run, records: BotRecord[]): Promise<{ lost: number; mismatched: number } | null> {
  const databaseUrl = run.server?.databaseUrl;
  if (!databaseUrl) return null;
  const acked = records.flatMap((r) =>
    r.answerCode.flatMap((code, q) =>
      code === "ok" && r.playerId ? [{ game: r.game, key: `${r.playerId}:${q}`, option: r.answerOptionIds[q] }] : [],
    ),
  );
  const stored = new Map<string, string>();
  await readDb(databaseUrl, async (db) => {
    for (const host of run.hosts) {
      if (!host.gameId) continue;
      for (const a of await db.answers(host.gameId))
        stored.set(`${a.playerId}:${a.questionIndex}`, a.optionIds.join(","));
    }
  });
  let lost = 0;
  let mismatched = 0;
  for (const a of acked) {
    const found = stored.get(a.key);
    if (found === undefined) lost += 1;
    else if (found !== a.option) mismatched += 1;
  }
  return { lost, mismatched };
}

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

function compute(
  run: Run,
  options: BenchOptions,
  records: BotRecord[],
  stored: { lost: number; mismatched: number } | null,
): TargetResult {
  const total = options.players * options.games;
  const joined = records.filter((r) => r.joinAckAt !== null);
  const joinErrors: Record<string, number> = {};
  for (const r of records)
    if (r.joinAckAt === null) count(joinErrors, r.joinError ?? "still queued to join at the end");
  const start = run.joinStartAt ?? 0;
  const lastJoin = joined.length ? Math.max(...joined.map((r) => r.joinAckAt ?? 0)) : null;

  const push: number[] = [];
  const acks: number[] = [];
  const reveals: number[] = [];
  const answersRefused: Record<string, number> = {};
  let answersAcked = 0;
  let revealBeforeClose = 0;
  let questionsMissing = 0;
  let revealsMissing = 0;
  const closes = { byAnswers: 0, byDeadline: 0 };
  const byGame = new Map<number, BotRecord[]>();
  for (const r of joined) byGame.set(r.game, [...(byGame.get(r.game) ?? []), r]);

  for (const [game, bots] of byGame) {
    const host = run.hosts[game];
    for (let q = 0; q < options.questions; q += 1) {
      const opened = host?.openSentAt[q];
      const seen = host?.questionSeen[q];
      if (opened === undefined || !seen) continue;
      // The close: the last answer's ack when every player's answer was accepted, else the deadline.
      const okAcks = bots.map((b) => (b.answerCode[q] === "ok" ? b.answerAckAt[q] : null));
      let closeAt: number;
      if (okAcks.every((a) => a !== null && a !== undefined)) {
        closeAt = Math.max(...okAcks.map((a) => a ?? 0));
        closes.byAnswers += 1;
      } else {
        closeAt = seen.at + seen.timeLeftMs;
        closes.byDeadline += 1;
      }
      const revealed = host.revealSeenAt[q] !== undefined;
      for (const b of bots) {
        const at = b.questionAt[q];
        if (at !== null && at !== undefined) push.push(at - opened);
        else questionsMissing += 1;
        const sent = b.answerSentAt[q];
        const acked = b.answerAckAt[q];
        const code = b.answerCode[q];
        if (code === "ok") answersAcked += 1;
        else if (code) count(answersRefused, code);
        if (
          sent !== null &&
          sent !== undefined &&
          acked !== null &&
          acked !== undefined &&
          /^(ok|[A-Z_]+)$/.test(code ?? "")
        ) {
          acks.push(acked - sent);
        }
        const revealAt = b.revealAt[q];
        if (revealAt !== null && revealAt !== undefined) {
          const latency = revealAt - closeAt;
          if (latency < 0) revealBeforeClose += 1;
          reveals.push(Math.max(0, latency));
        } else if (revealed) revealsMissing += 1;
      }
    }
  }

  const rejoinFailed: Record<string, number> = {};
  const rejoinMs: number[] = [];
  let rejoinOk = 0;
  for (const r of records) {
    if (r.rejoinCode === null) continue;
    if (r.rejoinCode === "ok") {
      rejoinOk += 1;
      if (r.rejoinSentAt !== null && r.rejoinAckAt !== null) rejoinMs.push(r.rejoinAckAt - r.rejoinSentAt);
    } else count(rejoinFailed, r.rejoinCode);
  }
  const dropReasons: Record<string, number> = {};
  for (const r of records) r.dropReasons.forEach((reason) => count(dropReasons, reason));

  const end = run.end;
  const peak = end?.rssPeak ?? null;
  return {
    target: run.target,
    completed: run.stage === "done" && !run.error,
    error: run.error,
    stage: run.stage,
    wallSeconds: round((Date.now() - run.began) / 1000),
    loadAverage: { before: run.loadBefore, after: loadAverage() },
    players: total,
    joined: joined.length,
    joinFailed: records.length - joined.length,
    joinErrors,
    rateLimitedJoins: records.reduce((n, r) => n + r.rateLimited, 0),
    joinRetries: records.reduce((n, r) => n + Math.max(0, r.joinAttempts - (r.joinAckAt === null ? 0 : 1)), 0),
    allJoinedSeconds: lastJoin !== null && joined.length === total ? round((lastJoin - start) / 1000, 2) : null,
    lastJoinSeconds: lastJoin !== null ? round((lastJoin - start) / 1000, 2) : null,
    joinAckMs: summarize(joined.map((r) => r.joinAckMs ?? Number.NaN)),
    questionPushMs: summarize(push),
    answerAckMs: summarize(acks),
    revealPushMs: summarize(reveals),
    revealBeforeClose,
    closes,
    rejoinAckMs: summarize(rejoinMs),
    rejoins: { ok: rejoinOk, failed: rejoinFailed },
    hostAckMs: summarize(run.hosts.flatMap((h) => h.ackMs)),
    answersAcked,
    answersRefused,
    answersLost: stored?.lost ?? null,
    answersMismatched: stored?.mismatched ?? null,
    questionsMissing,
    revealsMissing,
    phonesDropped: records.reduce((n, r) => n + r.dropped, 0),
    dropReasons,
    serverCpuSeconds:
      end?.cpu !== null && end?.cpu !== undefined && run.cpuStart !== null ? round(end.cpu - run.cpuStart, 2) : null,
    botsCpuSeconds:
      end?.botsCpu !== null && end?.botsCpu !== undefined && run.botsCpuStart !== null
        ? round(end.botsCpu - run.botsCpuStart, 2)
        : null,
    eventLoopDelayMs: end?.probe ? mapValues(end.probe.delayMs, (v) => round(v)) : null,
    rssKiB: {
      idle: run.rssIdle,
      peak,
      perPlayer:
        peak !== null && run.rssIdle !== null && joined.length ? round((peak - run.rssIdle) / joined.length) : null,
    },
    heapUsedKiB: { idle: run.heapIdle, end: end?.probe?.heapUsedKiB ?? null },
    profile: null,
  };
}

/** The start of this run's file names: its start time, players × games, database. */
let runName = "bench";

/** Keeps the probe's CPU profile under bench/profiles/ (not committed) and reads its top entries. */
function keepProfile(run: Run): TargetResult["profile"] {
  const source = run.server ? profilePath(run.server) : null;
  if (!source) return null;
  const dir = join(ROOT, "bench", "profiles");
  mkdirSync(dir, { recursive: true });
  const ignore = join(dir, ".gitignore");
  if (!existsSync(ignore)) writeFileSync(ignore, "# CPU profiles of bench runs: large, kept out of git.\n*\n");
  const file = join(dir, `${runName}-${run.target}.cpuprofile`);
  copyFileSync(source, file);
  return { file: file.slice(ROOT.length + 1), summary: summarizeProfile(file, ROOT) };
}

function mapValues<T extends Record<string, number>>(value: T, f: (v: number) => number): T {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v)])) as T;
}

/** Ends a target's run, finished or not: the end's numbers, the records, the database check, then the stop. */
function wrapUp(run: Run, options: BenchOptions): Promise<TargetResult> {
  run.wrapping ??= wrapUpOnce(run, options);
  return run.wrapping;
}

async function wrapUpOnce(run: Run, options: BenchOptions): Promise<TargetResult> {
  await measureEnd(run).catch(() => undefined);
  const records = run.pool ? await run.pool.finish(15_000 + 2 * options.players * options.games) : [];
  let stored: { lost: number; mismatched: number } | null = null;
  if (run.target === "product" && run.hosts.some((h) => h.gameId)) {
    stored = await verifyStored(run, records).catch((error: unknown) => {
      run.error ??= `could not read the database: ${message(error)}`;
      return null;
    });
  }
  for (const host of run.hosts) host.close();
  const result = compute(run, options, records, stored);
  try {
    result.profile = keepProfile(run);
  } catch (error) {
    log(`[${run.target}] could not read the CPU profile: ${message(error)}`);
  }
  if (run.server && (run.error || !result.completed)) {
    const tail = run.server.output().trim().split("\n").slice(-15).join("\n");
    if (tail) log(`[${run.target}] last lines of the server's output:\n${tail}`);
  }
  await run.server?.stop().catch(() => undefined);
  return result;
}

// --- the report ---

const fmt = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? "–" : value.toFixed(digits);
const times = (r: number | null) => (r === null ? "" : `${r.toFixed(2)}×`);

function tableRows(p: TargetResult | null, f: TargetResult | null): Row[] {
  const rows: Row[] = [];
  const add = (metric: string, pick: (t: TargetResult) => number | null | undefined, digits = 1, withRatio = true) =>
    rows.push({
      metric,
      product: p ? fmt(pick(p), digits) : "–",
      floor: f ? fmt(pick(f), digits) : "–",
      ratio: withRatio ? times(ratio(p ? pick(p) : null, f ? pick(f) : null)) : "",
    });
  const text = (metric: string, pick: (t: TargetResult) => string) =>
    rows.push({ metric, product: p ? pick(p) : "–", floor: f ? pick(f) : "–", ratio: "" });
  const latency = (name: string, pick: (t: TargetResult) => Summary | null) => {
    for (const key of ["p50", "p95", "p99", "max"] as const) add(`${name} ${key}, ms`, (t) => pick(t)?.[key]);
  };

  text("players joined", (t) => `${t.joined}/${t.players}`);
  add("all joined, s", (t) => t.allJoinedSeconds, 2);
  add("last join ack, s", (t) => t.lastJoinSeconds, 2);
  add("joins refused RATE_LIMITED (retried)", (t) => t.rateLimitedJoins, 0, false);
  add("join ack p50, ms", (t) => t.joinAckMs?.p50);
  add("join ack p99, ms", (t) => t.joinAckMs?.p99);
  latency("question push", (t) => t.questionPushMs);
  latency("answer ack", (t) => t.answerAckMs);
  latency("reveal push", (t) => t.revealPushMs);
  text("closed by last answer / deadline", (t) => `${t.closes.byAnswers} / ${t.closes.byDeadline}`);
  add("rejoin ack p99, ms", (t) => t.rejoinAckMs?.p99);
  add("host command ack p99, ms", (t) => t.hostAckMs?.p99);
  add("answers acked", (t) => t.answersAcked, 0, false);
  text("answers lost (acked, not stored)", (t) => (t.answersLost === null ? "n/a" : String(t.answersLost)));
  add("server CPU, s", (t) => t.serverCpuSeconds, 2);
  add("event-loop delay p99, ms", (t) => t.eventLoopDelayMs?.p99);
  add("event-loop delay max, ms", (t) => t.eventLoopDelayMs?.max);
  add("RSS idle, MiB", (t) => (t.rssKiB.idle === null ? null : t.rssKiB.idle / 1024), 0);
  add("RSS peak, MiB", (t) => (t.rssKiB.peak === null ? null : t.rssKiB.peak / 1024), 0);
  add("RSS per player, KiB", (t) => t.rssKiB.perPlayer);
  add("phones dropped", (t) => t.phonesDropped, 0, false);
  add("bot workers CPU, s", (t) => t.botsCpuSeconds, 2);
  add("wall time, s", (t) => t.wallSeconds, 0);
  text("load average before → after", (t) => `${fmt(t.loadAverage.before[0], 2)} → ${fmt(t.loadAverage.after[0], 2)}`);
  return rows;
}

function gitState(): { commit: string | null; dirty: boolean | null } {
  try {
    const quiet: ExecFileSyncOptionsWithStringEncoding = {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    };
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], quiet).trim();
    const status = execFileSync("git", ["status", "--porcelain", "--", "server", "lib", "scripts"], quiet);
    return { commit, dirty: status.trim().length > 0 };
  } catch {
    return { commit: null, dirty: null };
  }
}

async function writeResults(
  loadAtStart: number[],
  options: BenchOptions,
  startedAt: Date,
  results: Partial<Record<Target, TargetResult>>,
  rows: Row[],
  outcome: string,
): Promise<string> {
  const dir = join(ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${runName}.json`);
  const p = results.product ?? null;
  const f = results.floor ?? null;
  const ratios = {
    allJoined: ratio(p?.allJoinedSeconds, f?.allJoinedSeconds),
    questionPushP99: ratio(p?.questionPushMs?.p99, f?.questionPushMs?.p99),
    answerAckP99: ratio(p?.answerAckMs?.p99, f?.answerAckMs?.p99),
    revealPushP99: ratio(p?.revealPushMs?.p99, f?.revealPushMs?.p99),
    serverCpu: ratio(p?.serverCpuSeconds, f?.serverCpuSeconds),
    eventLoopDelayP99: ratio(p?.eventLoopDelayMs?.p99, f?.eventLoopDelayMs?.p99),
    rssPerPlayer: ratio(p?.rssKiB.perPlayer, f?.rssKiB.perPlayer),
  };
  const body = {
    outcome,
    startedAt: startedAt.toISOString(),
    options,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryGiB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      loadAverageAtStart: loadAtStart,
      ...gitState(),
    },
    ratios,
    product: p,
    floor: f,
    table: rows,
  };
  const text = JSON.stringify(body, null, 2);
  // Formatted as the repository's prettier would, so `prettier --check bench` passes on committed results.
  const config = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(text, { ...config, parser: "json" }));
  return file;
}

function report(options: BenchOptions, results: Partial<Record<Target, TargetResult>>): Row[] {
  const rows = tableRows(results.product ?? null, results.floor ?? null);
  log("");
  log(
    `Quizroom bench: ${options.games} game(s) × ${options.players} players, ${options.questions} question(s) of ${options.timeLimitSec} s, ` +
      `${options.db}, ${options.workers} bot workers, ${options.addresses} source address(es)`,
  );
  log(formatTable(rows));
  for (const result of Object.values(results)) {
    const notes: string[] = [];
    if (!result.completed)
      notes.push(`did not finish (stage: ${result.stage}${result.error ? `; ${result.error}` : ""})`);
    if (result.joinFailed) notes.push(`joins failed: ${JSON.stringify(result.joinErrors)}`);
    if (Object.keys(result.answersRefused).length)
      notes.push(`answers refused: ${JSON.stringify(result.answersRefused)}`);
    if (result.rejoins.ok || Object.keys(result.rejoins.failed).length) {
      notes.push(
        `rejoins ok ${result.rejoins.ok}${Object.keys(result.rejoins.failed).length ? `, failed ${JSON.stringify(result.rejoins.failed)}` : ""}`,
      );
    }
    if (result.phonesDropped) notes.push(`drop reasons: ${JSON.stringify(result.dropReasons)}`);
    if (result.questionsMissing || result.revealsMissing) {
      notes.push(`missing: ${result.questionsMissing} question pushes, ${result.revealsMissing} reveals`);
    }
    if (result.revealBeforeClose)
      notes.push(`${result.revealBeforeClose} reveals arrived before the last ack (counted as 0 ms)`);
    if (result.answersMismatched) notes.push(`${result.answersMismatched} stored answers differ from the acked ones`);
    if (notes.length) log(`${result.target}: ${notes.join("; ")}`);
  }
  for (const result of Object.values(results)) {
    const profile = result.profile;
    if (!profile) continue;
    log(
      `\n${result.target}: CPU profile of the load, ${fmt(profile.summary.totalMs / 1000, 2)} s busy (${profile.file})`,
    );
    log("  self time by module:");
    for (const m of profile.summary.modules.slice(0, 8)) log(`    ${fmt(m.percent).padStart(5)} %  ${m.name}`);
    log("  self time by function:");
    for (const f of profile.summary.functions.slice(0, 12)) log(`    ${fmt(f.percent).padStart(5)} %  ${f.name}`);
  }
  return rows;
}

// --- main ---

function newRun(target: Target): Run {
  return {
    target,
    stage: "not started",
    began: Date.now(),
    loadBefore: loadAverage(),
    server: null,
    pool: null,
    hosts: [],
    joinStartAt: null,
    cpuStart: null,
    botsCpuStart: null,
    rssIdle: null,
    heapIdle: null,
    peak: null,
    end: null,
    error: null,
    wrapping: null,
  };
}

function killEverything(): void {
  killAllWorkers();
  killAllServers();
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    const parsed = parseOptions(process.argv.slice(2));
    if (parsed === "help") {
      log(USAGE);
      return 0;
    }
    options = parsed;
  } catch (error) {
    console.error(`${message(error)}\n\n${USAGE}`);
    return 64;
  }
  const startedAt = new Date();
  runName = `${startedAt.toISOString().replace(/:/g, "-").replace(/\..*$/, "")}-${options.players}x${options.games}-${options.db}`;
  const loadAtStart = loadAverage();
  const progress = new Progress();
  const results: Partial<Record<Target, TargetResult>> = {};
  let current: Run | null = null;
  let finishing = false;
  let aborting = false;

  const finishWith = async (outcome: string, code: number): Promise<number> => {
    if (finishing) return code;
    finishing = true;
    progress.stop();
    const rows = report(options, results);
    const file = await writeResults(loadAtStart, options, startedAt, results, rows, outcome).catch((error: unknown) => {
      console.error(`could not write the results: ${message(error)}`);
      return null;
    });
    if (file) log(`\nwritten to ${file.slice(ROOT.length + 1)}`);
    killEverything();
    return code;
  };

  /** Ctrl-C or the global timeout: what the current target has so far is reported, then everything is killed. */
  const abort = async (why: string, code: number) => {
    if (finishing || aborting) return;
    aborting = true;
    progress.note(`\n${why}: stopping; reporting what finished.`);
    const run = current;
    if (run) {
      run.error ??= why;
      const partial = await Promise.race([wrapUp(run, options), sleep(30_000).then(() => null)]);
      if (partial) results[run.target] = partial;
    }
    process.exit(await finishWith(why, code));
  };
  // The first signal reports and stops; a copy within a second (tsx and npm pass Ctrl-C on
  // to a process that got it from the terminal already) is ignored; a later one kills at once.
  let signalledAt = 0;
  const onSignal = (why: string, code: number) => () => {
    if (signalledAt === 0) {
      signalledAt = Date.now();
      void abort(why, code);
    } else if (Date.now() - signalledAt > 1000) {
      killEverything();
      process.exit(code);
    }
  };
  process.on("SIGINT", onSignal("interrupted (Ctrl-C)", 130));
  process.on("SIGTERM", onSignal("terminated", 143));
  process.once("exit", killEverything);
  const globalTimer = setTimeout(
    () => void abort(`global timeout (${options.timeoutSec} s)`, 2),
    options.timeoutSec * 1000,
  );
  globalTimer.unref();

  if (options.targets.includes("product")) {
    try {
      await ensureBuild(log);
    } catch (error) {
      console.error(`${message(error)}: the bench runs Quizroom as npm start does, from a production build.`);
      return 1;
    }
  }
  log(
    `bench: ${options.games} × ${options.players} players, ${options.questions} question(s), ${options.timeLimitSec} s limit, ` +
      `db ${options.db}, ${options.workers} workers; load average ${loadAverage().join(" ")}; bound ${options.timeoutSec} s`,
  );

  let failed = false;
  for (const target of options.targets) {
    const run = newRun(target);
    current = run;
    try {
      await runTarget(run, options, progress);
    } catch (error) {
      run.error = message(error);
      failed = true;
    }
    progress.stop();
    // An abort (Ctrl-C, the global timeout) reports and exits by itself.
    if (aborting) return new Promise<number>(() => undefined);
    results[target] = await wrapUp(run, options);
    current = null;
    const result = results[target];
    progress.note(
      `[${target}] ${result?.completed ? "finished" : `did not finish: ${run.error ?? run.stage}`} in ${result?.wallSeconds ?? "?"} s`,
    );
  }
  clearTimeout(globalTimer);
  const lost = results.product?.answersLost ?? 0;
  return finishWith(failed ? "failed" : "completed", failed ? 1 : lost > 0 ? 3 : 0);
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error);
    killEverything();
    process.exit(1);
  });
