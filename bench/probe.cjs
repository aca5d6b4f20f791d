// Loaded into a server under test with NODE_OPTIONS="--require bench/probe.cjs", so the
// server's code is left as it is. It measures the event loop's delay from inside the
// process (perf_hooks.monitorEventLoopDelay) and writes a summary, as JSON, to
// $QUIZROOM_BENCH_PROBE_DIR/<pid>.json at start and on SIGUSR2, which also starts a new
// measurement: the bench sends it before the load and again at its end. Nothing is
// written in between (a file write on a busy disk would delay the loop it measures).
// With QUIZROOM_BENCH_CPU_PROF=1 it also profiles the CPU (node:inspector, as --cpu-prof
// does) from the first signal to the second, and writes <pid>.cpuprofile before that
// second summary. Without QUIZROOM_BENCH_PROBE_DIR (an unrelated process that inherited
// NODE_OPTIONS) it does nothing.
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- a --require preload is CommonJS */
const { monitorEventLoopDelay } = require("node:perf_hooks");
const { writeFileSync, renameSync } = require("node:fs");
const { join } = require("node:path");
const inspector = require("node:inspector");

const dir = process.env.QUIZROOM_BENCH_PROBE_DIR;
if (dir) {
  /** The sampling interval; each sample is this interval plus the delay, so it is subtracted. */
  const RESOLUTION_MS = 10;
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let seq = 0;
  let since = Date.now();
  const file = join(dir, `${process.pid}.json`);
  const ms = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);

  const write = () => {
    const memory = process.memoryUsage();
    const summary = {
      pid: process.pid,
      argv: process.argv.slice(1),
      seq,
      since,
      at: Date.now(),
      samples: histogram.count,
      delayMs: {
        p50: ms(histogram.percentile(50)),
        p90: ms(histogram.percentile(90)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
        mean: ms(histogram.mean),
      },
      heapUsedKiB: Math.round(memory.heapUsed / 1024),
      externalKiB: Math.round(memory.external / 1024),
      rssKiB: Math.round(memory.rss / 1024),
    };
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(summary));
    renameSync(temporary, file);
  };

  const profiling = process.env.QUIZROOM_BENCH_CPU_PROF === "1";
  let session = null;
  const startProfile = () => {
    session = new inspector.Session();
    session.connect();
    session.post("Profiler.enable");
    session.post("Profiler.start");
  };
  /** Stops the profile and writes it, then calls `done` (at once when nothing is being profiled). */
  const stopProfile = (done) => {
    const current = session;
    session = null;
    if (!current) return done();
    current.post("Profiler.stop", (error, result) => {
      if (!error && result) writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
      current.disconnect();
      done();
    });
  };

  process.on("SIGUSR2", () => {
    seq += 1;
    stopProfile(() => {
      write();
      histogram.reset();
      since = Date.now();
      if (profiling && seq === 1) startProfile();
    });
  });
  write();
}
