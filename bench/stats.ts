// Percentiles from sorted arrays (exact: a run holds at most players × questions
// samples per metric, a few tens of thousands) and the text table.

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of the values (ms), or null when there are none. */
export function summarize(values: number[]): Summary | null {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  const sorted = Float64Array.from(finite).sort();
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const sum = finite.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    mean: round(sum / sorted.length),
  };
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** product / floor, or null when either is missing or the floor is 0. */
export function ratio(product: number | null | undefined, floor: number | null | undefined): number | null {
  if (product === null || product === undefined || floor === null || floor === undefined) return null;
  if (floor === 0) return product === 0 ? 1 : null;
  return round(product / floor, 2);
}

export interface Row {
  metric: string;
  product: string;
  floor: string;
  ratio: string;
}

/** A plain-text table, columns padded to their widest cell, numbers right-aligned. */
export function formatTable(rows: Row[]): string {
  const header: Row = { metric: "metric", product: "product", floor: "floor", ratio: "product/floor" };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => r[key].length));
  const w = { metric: width("metric"), product: width("product"), floor: width("floor"), ratio: width("ratio") };
  const line = (r: Row) =>
    `${r.metric.padEnd(w.metric)}  ${r.product.padStart(w.product)}  ${r.floor.padStart(w.floor)}  ${r.ratio.padStart(w.ratio)}`;
  const rule = `${"-".repeat(w.metric)}  ${"-".repeat(w.product)}  ${"-".repeat(w.floor)}  ${"-".repeat(w.ratio)}`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}
