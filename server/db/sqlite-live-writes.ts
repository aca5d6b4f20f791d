// A running game's writes on SQLite (players, answers, phase, clock, standings,
// kicks), made by a worker thread (server/db/sqlite-live-worker.ts) so that waiting
// for the disk or for the write lock never blocks the event loop: the sockets of
// every game keep moving while a commit syncs.
//
// Group commit: one batch is in the worker at a time; everything asked meanwhile,
// from every game, goes in the next batch, as one transaction. Each caller's promise
// settles when its own rows are durable (R-PERSIST-BEFORE-ACK) or fails alone.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type {
  LiveWorkerOptions,
  LiveWriteBatch,
  LiveWriteClose,
  LiveWriteJob,
  LiveWriteOutcome,
} from "./live-writes-messages";

interface PendingJob {
  job: LiveWriteJob;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * In the build the worker sits beside dist/server/index.js. Under tsx (dev, tests) it
 * is TypeScript, which a worker cannot load by itself (Node 20 does not pass the
 * --import hooks on to it): a one-line CommonJS entry registers tsx, then loads it.
 */
function startWorker(options: LiveWorkerOptions): Worker {
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./sqlite-live-worker.js", import.meta.url), { workerData: options });
  const entry = fileURLToPath(new URL("./sqlite-live-worker.ts", import.meta.url));
  // Resolved here: an eval'd worker would resolve from the working directory.
  const tsx = createRequire(import.meta.url).resolve("tsx/cjs/api");
  const bootstrap = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, { eval: true, workerData: options });
}

export class SqliteLiveWrites {
  private worker: Worker | null = null;
  private queue: PendingJob[] = [];
  private inFlight: { id: number; jobs: PendingJob[] } | null = null;
  private nextBatchId = 1;
  private closing: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  constructor(private readonly options: LiveWorkerOptions) {}

  /** Resolves once the job is committed; rejects (with the database's message) when none of it is. */
  write(job: LiveWriteJob): Promise<void> {
    if (this.closing) return Promise.reject(new Error("live writes closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.schedule();
    });
  }

  /** Writes what is queued, then stops the worker (its database connection closed). */
  close(): Promise<void> {
    return (this.closing ??= (async () => {
      if (this.inFlight || this.queue.length > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      const worker = this.worker;
      if (!worker) return;
      this.worker = null;
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      worker.ref();
      worker.postMessage({ type: "close" } satisfies LiveWriteClose);
      await exited;
    })());
  }

  // Sent at once when the worker is idle: the rooms have already gathered their
  // tick's rows (server/live/batch-writer.ts). While a batch is in the worker, what
  // comes meanwhile, from every game, waits and goes in the next one (group commit).
  private schedule(): void {
    if (!this.inFlight) this.send();
  }

  private send(): void {
    if (this.inFlight || this.queue.length === 0) {
      if (!this.inFlight && this.queue.length === 0) this.drained?.();
      return;
    }
    const jobs = this.queue;
    this.queue = [];
    const batch: LiveWriteBatch = { type: "batch", id: this.nextBatchId++, jobs: jobs.map((p) => p.job) };
    this.inFlight = { id: batch.id, jobs };
    const worker = this.start();
    // Held while a batch is out, so the process cannot exit with rows unwritten.
    worker.ref();
    worker.postMessage(batch);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.options);
    worker.on("message", (outcome: LiveWriteOutcome) => this.settle(outcome));
    worker.on("error", (error) => this.fail(worker, error));
    worker.on("exit", (code) => {
      if (this.worker === worker) this.fail(worker, new Error(`live writer stopped (exit ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private settle(outcome: LiveWriteOutcome): void {
    const batch = this.inFlight;
    if (!batch || batch.id !== outcome.id) return;
    this.inFlight = null;
    // Idle, the worker does not keep the process alive.
    this.worker?.unref();
    batch.jobs.forEach((pending, i) => {
      const error = outcome.errors[i];
      if (error == null) pending.resolve();
      else pending.reject(new Error(error));
    });
    this.send();
  }

  /** The worker died: its batch is unknown, so it fails; the next write starts a new worker. */
  private fail(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = null;
    const batch = this.inFlight;
    this.inFlight = null;
    batch?.jobs.forEach((pending) => pending.reject(error));
    this.send();
  }
}
