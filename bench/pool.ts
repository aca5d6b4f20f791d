// The bot workers: child processes (bench/bot-worker.ts) that each play a share of
// the phones. The pool sums their counters and gathers their records at the end.
import { fork, type ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { join } from "node:path";
import {
  emptyCounters,
  type BotRecord,
  type BotSpec,
  type Counters,
  type ParentMessage,
  type WorkerConfig,
  type WorkerMessage,
} from "./messages";
import { cpuSeconds } from "./proc";
import { ROOT } from "./servers";

/** Every worker the bench started, so that an exit for any reason kills them all. */
const live = new Set<ChildProcess>();

export function killAllWorkers(): void {
  for (const child of live) child.kill("SIGKILL");
  live.clear();
}

interface Worker {
  child: ChildProcess;
  counters: Counters;
  records: BotRecord[];
  recordsDone: boolean;
  stderr: string;
}

export class BotPool {
  private readonly workers: Worker[] = [];
  private readonly events = new EventEmitter();
  private failure: string | null = null;

  private constructor(
    private readonly games: number,
    private readonly questions: number,
  ) {
    this.events.setMaxListeners(0);
  }

  /** Forks the workers, hands each its bots and waits until all are ready. */
  static async start(
    config: Omit<WorkerConfig, "bots" | "seed">,
    bots: BotSpec[],
    workers: number,
    seed: number,
  ): Promise<BotPool> {
    const pool = new BotPool(config.games, config.questions);
    const shares: BotSpec[][] = Array.from({ length: workers }, () => []);
    bots.forEach((bot, i) => shares[i % workers]?.push(bot));
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    await Promise.all(
      shares.map(
        (share, w) =>
          new Promise<void>((resolve, reject) => {
            const child = fork(join(ROOT, "bench", "bot-worker.ts"), [], {
              cwd: ROOT,
              env,
              execArgv: ["--import", "tsx"],
              stdio: ["ignore", "ignore", "pipe", "ipc"],
            });
            live.add(child);
            const worker: Worker = {
              child,
              counters: emptyCounters(config.games, config.questions),
              records: [],
              recordsDone: false,
              stderr: "",
            };
            pool.workers.push(worker);
            child.stderr?.on("data", (chunk: Buffer) => {
              worker.stderr = (worker.stderr + chunk.toString()).slice(-4000);
            });
            child.on("message", (message: WorkerMessage) => {
              if (message.type === "ready") resolve();
              else if (message.type === "progress") {
                worker.counters = message.counters;
                pool.events.emit("progress");
              } else if (message.type === "records") {
                worker.records.push(...message.records);
                if (message.last) {
                  worker.recordsDone = true;
                  pool.events.emit("records");
                }
              } else if (message.type === "error") {
                pool.failure = `bot worker ${w}: ${message.message}`;
              }
            });
            // An IPC channel that breaks (a worker killed or crashed) must not take the bench down with it.
            child.on("error", (error) => {
              pool.failure ??= `bot worker ${w}: ${error.message}`;
            });
            child.once("exit", (code, signal) => {
              live.delete(child);
              if (!worker.recordsDone) {
                pool.failure ??= `bot worker ${w} exited (${code ?? signal}) early: ${worker.stderr.slice(-1000)}`;
                pool.events.emit("progress");
                pool.events.emit("records");
              }
              reject(new Error(`bot worker ${w} exited (${code ?? signal}) before it was ready: ${worker.stderr}`));
            });
            const message: ParentMessage = { type: "init", config: { ...config, bots: share, seed: seed * 1000 + w } };
            child.send(message);
          }),
      ),
    );
    return pool;
  }

  /** The first failure a worker reported, if any. */
  get error(): string | null {
    return this.failure;
  }

  /** All workers' counters, added up. */
  totals(): Counters {
    const sum = emptyCounters(this.games, this.questions);
    const add = (into: number[], from: number[]) => from.forEach((v, i) => (into[i] = (into[i] ?? 0) + v));
    for (const { counters: c } of this.workers) {
      sum.joined += c.joined;
      sum.joinFailed += c.joinFailed;
      sum.rateLimited += c.rateLimited;
      sum.dropped += c.dropped;
      sum.answersOk += c.answersOk;
      sum.answersRefused += c.answersRefused;
      add(sum.question, c.question);
      add(sum.reveal, c.reveal);
      add(sum.leaderboard, c.leaderboard);
      add(sum.ended, c.ended);
      add(sum.joinedPerGame, c.joinedPerGame);
    }
    return sum;
  }

  /** Resolves true once the summed counters satisfy the predicate, false after `timeoutMs`. */
  waitFor(predicate: (counters: Counters) => boolean, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const check = () => {
        if (predicate(this.totals())) done(true);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const done = (result: boolean) => {
        clearTimeout(timer);
        this.events.off("progress", check);
        resolve(result);
      };
      this.events.on("progress", check);
      check();
    });
  }

  join(pins: string[], startAt: number, deadline: number): void {
    const message: ParentMessage = { type: "join", pins, startAt, deadline };
    for (const { child } of this.workers) child.send(message);
  }

  /** The workers' CPU seconds so far (user + system), added up. */
  cpuSeconds(): number {
    return this.workers.reduce((sum, { child }) => sum + (child.pid ? (cpuSeconds(child.pid) ?? 0) : 0), 0);
  }

  /** Tells every worker to close its sockets and send its records; kills what has not answered in `timeoutMs`. */
  async finish(timeoutMs: number): Promise<BotRecord[]> {
    for (const { child } of this.workers) {
      if (child.connected) child.send({ type: "finish" } satisfies ParentMessage);
    }
    const gone = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
    const allIn = () => this.workers.every((w) => w.recordsDone || gone(w.child));
    await new Promise<void>((resolve) => {
      const check = () => {
        if (!allIn()) return;
        clearTimeout(timer);
        this.events.off("records", check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.events.off("records", check);
        resolve();
      }, timeoutMs);
      this.events.on("records", check);
      check();
    });
    for (const { child } of this.workers) {
      if (child.connected) child.disconnect();
      child.kill("SIGKILL");
      live.delete(child);
    }
    return this.workers.flatMap((w) => w.records);
  }
}
