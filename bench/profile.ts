// The top of a CPU profile (.cpuprofile, as --cpu-prof and the probe write it): self
// time by function and by module, so a run can say where the server spent its time.
import { readFileSync } from "node:fs";
import { round } from "./stats";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  selfMs: number;
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: ProfileEntry[];
  modules: ProfileEntry[];
}

/** Where a frame's code lives: a package, a file of the project, Node's internals, or V8's own entries. */
function moduleOf(url: string, functionName: string, root: string): string {
  if (!url) return functionName || "(native)";
  if (url.startsWith("node:")) return "node internals";
  const path = url.replace(/^file:\/\//, "");
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg?.[1]) return pkg[1];
  return path.startsWith(root) ? path.slice(root.length + 1) : path;
}

function top(totals: Map<string, number>, totalMs: number, count: number): ProfileEntry[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({ name, selfMs: round(ms), percent: round((100 * ms) / Math.max(totalMs, 1)) }));
}

export function summarizeProfile(path: string, root: string, count = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node || ms <= 0) return;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") return;
    totalMs += ms;
    const where = url ? ` ${moduleOf(url, functionName, root)}:${lineNumber + 1}` : "";
    const name = `${functionName || "(anonymous)"}${where}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    const owner = moduleOf(url, functionName, root);
    modules.set(owner, (modules.get(owner) ?? 0) + ms);
  });
  return { totalMs: round(totalMs), functions: top(functions, totalMs, count), modules: top(modules, totalMs, count) };
}
