// What Linux says about a process: CPU time, resident memory, children. Read from
// /proc, so it measures a server without touching its code.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

let ticksPerSecond: number | null = null;

/** USER_HZ (clock ticks a second of /proc/<pid>/stat's times), usually 100. */
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU seconds the process has used so far (utime + stime), or null when it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / clockTicks();
  } catch {
    return null;
  }
}

/** Resident set size (VmRSS) in KiB, or null when the process is gone. */
export function rssKiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** The direct children of a process (every thread's), from /proc/<pid>/task/<tid>/children. */
export function childrenOf(pid: number): number[] {
  try {
    const tasks = readdirSync(`/proc/${pid}/task`);
    return tasks.flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** The command line of a process, or "" when it is gone. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return "";
  }
}

/** Samples a process's RSS every `intervalMs` and keeps the highest. */
export class PeakRss {
  private timer: NodeJS.Timeout | null = null;
  peakKiB = 0;
  constructor(
    private readonly pid: number,
    private readonly intervalMs = 200,
  ) {}
  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }
  sample(): void {
    const rss = rssKiB(this.pid);
    if (rss !== null && rss > this.peakKiB) this.peakKiB = rss;
  }
  stop(): number {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return this.peakKiB;
  }
}
