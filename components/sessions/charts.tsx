"use client";

// The report's charts (recharts: plain SVG, no inline script, so the CSP holds).
// Fixed sizes that fit an A4 page, no animation (a print or a screenshot would
// catch bars half-grown), and the same numbers in text beside each chart.
import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, XAxis, YAxis, type BarShapeProps } from "recharts";
import { answerStyle } from "../answer-style";

/** Colours that print and keep AA contrast for labels on white. */
export const CHART_COLOURS = {
  correct: "#047857", // emerald-700
  other: "#94a3b8", // slate-400
  low: "#be123c", // rose-700
  mid: "#b45309", // amber-700
  high: "#047857", // emerald-700
  grid: "#e2e8f0",
  text: "#0f172a",
  muted: "#475569",
};

const FONT = { fontSize: 14, fontWeight: 700, fill: CHART_COLOURS.text };

interface OptionDatum {
  id: string;
  letter: string;
  count: number;
  correct: boolean;
}

/** The check mark of a correct option under its letter (a path, not a glyph: every font draws it). */
function OptionTick(props: {
  x?: number | string;
  y?: number | string;
  payload?: { value: string };
  data: OptionDatum[];
}) {
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  const datum = props.data.find((d) => d.letter === props.payload?.value);
  return (
    <g transform={`translate(${x},${y})`}>
      <text textAnchor="middle" dy={16} {...FONT} fontSize={16} fontWeight={800}>
        {props.payload?.value}
      </text>
      {datum?.correct ? (
        <g transform="translate(-9,22)">
          <circle cx={9} cy={9} r={9} fill={CHART_COLOURS.correct} />
          <path
            d="M5 9.5l2.8 2.8L13.2 6.5"
            fill="none"
            stroke="#fff"
            strokeWidth={2.2}
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </g>
      ) : null}
    </g>
  );
}

/** 0 and up to four even steps of 1, 2 or 5 × 10ⁿ that reach `most`: 0 5 10 15, not 0 4 8 14. */
export function countTicks(most: number): number[] {
  const rough = Math.max(1, most) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? magnitude * 10);
  const top = Math.max(step, Math.ceil(most / step) * step);
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

interface OptionChartProps {
  options: { id: string }[];
  counts: Record<string, number>;
  correctOptionIds: string[];
  /** Read by screen readers instead of the drawing (the numbers are in the list beside it). */
  label: string;
}

/** Answers per option: one column each, the correct ones green and checked. */
export function OptionChart({ options, counts, correctOptionIds, label }: OptionChartProps) {
  const data: OptionDatum[] = options.map((option) => ({
    id: option.id,
    letter: answerStyle(option.id).letter,
    count: counts[option.id] ?? 0,
    correct: correctOptionIds.includes(option.id),
  }));
  const ticks = countTicks(Math.max(...data.map((d) => d.count), 0));
  return (
    <div role="img" aria-label={label} className="report-chart">
      <BarChart
        width={280}
        height={196}
        data={data}
        margin={{ top: 24, right: 8, bottom: 0, left: 0 }}
        accessibilityLayer={false}
        style={{ fontFamily: "inherit" }}
      >
        <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
        <XAxis
          dataKey="letter"
          interval={0}
          tickLine={false}
          axisLine={{ stroke: CHART_COLOURS.muted }}
          height={48}
          tick={<OptionTick data={data} />}
        />
        <YAxis
          allowDecimals={false}
          domain={[0, ticks[ticks.length - 1] ?? 1]}
          ticks={ticks}
          width={32}
          tickLine={false}
          axisLine={false}
          tick={{ fontSize: 13, fill: CHART_COLOURS.muted }}
        />
        <Bar
          dataKey="count"
          isAnimationActive={false}
          maxBarSize={56}
          shape={(props: BarShapeProps) => (
            <Rectangle
              {...props}
              radius={[6, 6, 0, 0]}
              fill={(props.payload as OptionDatum | undefined)?.correct ? CHART_COLOURS.correct : CHART_COLOURS.other}
            />
          )}
        >
          <LabelList dataKey="count" position="top" offset={6} {...FONT} fontSize={15} />
        </Bar>
      </BarChart>
    </div>
  );
}

export function rateColour(rate: number | null): string {
  if (rate === null || rate < 0.5) return CHART_COLOURS.low;
  if (rate < 0.75) return CHART_COLOURS.mid;
  return CHART_COLOURS.high;
}

interface TopicDatum {
  tag: string;
  rate: number;
  label: string;
  colour: string;
}

/** A tag on the category axis, cut with an ellipsis past its room (the table beside it has it whole). */
function TagTick(props: { x?: number | string; y?: number | string; payload?: { value: string } }) {
  const value = props.payload?.value ?? "";
  const shown = value.length > 18 ? `${value.slice(0, 17)}…` : value;
  return (
    <text x={Number(props.x ?? 0)} y={Number(props.y ?? 0)} dx={-8} dy={5} textAnchor="end" {...FONT}>
      {shown}
    </text>
  );
}

interface TopicChartProps {
  topics: { tag: string; correctRate: number | null }[];
  format: (rate: number | null) => string;
  label: string;
  axisLabel: string;
  width?: number;
}

/** Correct rate per topic, lowest first: one horizontal bar each, with its percentage. */
export function TopicChart({ topics, format, label, axisLabel, width = 620 }: TopicChartProps) {
  const data: TopicDatum[] = topics.map((topic) => ({
    tag: topic.tag,
    rate: topic.correctRate ?? 0,
    label: format(topic.correctRate),
    colour: rateColour(topic.correctRate),
  }));
  const rowHeight = 40;
  // Room for the longest tag (wide Hangul, narrower Latin), within reason.
  const tagWidth = Math.min(
    170,
    Math.max(
      56,
      ...data.map((d) => [...d.tag.slice(0, 18)].reduce((sum, ch) => sum + (/[\u1100-\uffdc]/.test(ch) ? 15 : 9), 16)),
    ),
  );
  return (
    <div role="img" aria-label={label} className="report-chart">
      <BarChart
        layout="vertical"
        width={width}
        height={data.length * rowHeight + 56}
        data={data}
        margin={{ top: 8, right: 56, bottom: 24, left: 8 }}
        accessibilityLayer={false}
        style={{ fontFamily: "inherit" }}
      >
        <CartesianGrid horizontal={false} stroke={CHART_COLOURS.grid} />
        <XAxis
          type="number"
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          tickFormatter={(value: number) => format(value)}
          tickLine={false}
          axisLine={{ stroke: CHART_COLOURS.muted }}
          tick={{ fontSize: 13, fill: CHART_COLOURS.muted }}
          label={{ value: axisLabel, position: "insideBottom", offset: -16, fill: CHART_COLOURS.muted, fontSize: 13 }}
        />
        <YAxis
          type="category"
          dataKey="tag"
          width={tagWidth}
          interval={0}
          tickLine={false}
          axisLine={false}
          tick={<TagTick />}
        />
        <Bar
          dataKey="rate"
          isAnimationActive={false}
          barSize={24}
          shape={(props: BarShapeProps) => (
            <Rectangle
              {...props}
              radius={[0, 6, 6, 0]}
              fill={(props.payload as TopicDatum | undefined)?.colour ?? CHART_COLOURS.other}
            />
          )}
        >
          <LabelList dataKey="label" position="right" offset={8} {...FONT} />
        </Bar>
      </BarChart>
    </div>
  );
}
