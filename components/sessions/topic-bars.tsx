"use client";

import { useTranslations } from "next-intl";
import type { Topic } from "../../lib/reports";
import { rateColour } from "./charts";
import { useReportFormat } from "./use-report-format";

/** Weakest topics as a small list of bars (one student's): tag, rate, right answers out of questions. */
export function TopicBars({ topics, tone = "light" }: { topics: Topic[]; tone?: "light" | "plain" }) {
  const t = useTranslations("report");
  const f = useReportFormat();
  return (
    <ul className="flex flex-col gap-3">
      {topics.map((topic) => (
        <li key={topic.tag} className="report-avoid-break flex flex-col gap-1.5">
          <div className="flex items-baseline justify-between gap-3">
            <span className="min-w-0 font-bold text-slate-900">{topic.tag}</span>
            <span className="shrink-0 text-sm font-semibold text-slate-700 tabular-nums">
              {t("topicRight", { correct: topic.correctCount, total: topic.questionCount })}
              <span className="ml-2 text-base font-black text-slate-900">{f.percent(topic.correctRate)}</span>
            </span>
          </div>
          <span
            className={`block h-2.5 overflow-hidden rounded-full ${tone === "light" ? "bg-slate-200" : "bg-slate-100"}`}
            aria-hidden="true"
          >
            <span
              className="print-colours block h-full rounded-full"
              style={{
                width: `${Math.max(2, (topic.correctRate ?? 0) * 100)}%`,
                backgroundColor: rateColour(topic.correctRate),
              }}
            />
          </span>
        </li>
      ))}
    </ul>
  );
}
