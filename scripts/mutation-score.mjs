// Reads StrykerJS's JSON report (reports/mutation/mutation.json) and prints the
// mutation score per area; exits 1 when an area is under its floor (issue 12:
// at least 85% on the engine, 75% over everything mutated).
// Score = (killed + timed out) / (killed + timed out + survived + no coverage),
// as Stryker computes it; compile and runtime errors and ignored mutants do not count.
import { readFileSync } from "node:fs";

const REPORT = process.argv[2] ?? "reports/mutation/mutation.json";
const FLOORS = [
  { area: "server/game/", floor: 85 },
  { area: "", floor: 75, label: "all mutated files" },
];

const report = JSON.parse(readFileSync(REPORT, "utf8"));
const tally = (prefix) => {
  const counts = { detected: 0, undetected: 0 };
  for (const [path, file] of Object.entries(report.files)) {
    if (!path.replace(/\\/g, "/").includes(prefix)) continue;
    for (const { status } of file.mutants) {
      if (status === "Killed" || status === "Timeout") counts.detected += 1;
      else if (status === "Survived" || status === "NoCoverage") counts.undetected += 1;
    }
  }
  const total = counts.detected + counts.undetected;
  return { ...counts, total, score: total === 0 ? null : (100 * counts.detected) / total };
};

let failed = false;
for (const { area, floor, label } of FLOORS) {
  const { detected, total, score } = tally(area);
  if (score === null) continue; // the area was not mutated in this run (e.g. --mutate narrowed it)
  const ok = score >= floor;
  failed ||= !ok;
  console.log(
    `mutation score ${label ?? area}: ${score.toFixed(2)}% (${detected}/${total}), floor ${floor}% ${ok ? "ok" : "FAILED"}`,
  );
}
process.exit(failed ? 1 : 0);
