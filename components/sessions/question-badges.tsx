"use client";

import { useTranslations } from "next-intl";
import type { ReportQuestion } from "../../lib/reports";

/** Kind, points (when not standard), skipped / not revealed, and topic tags. */
export function QuestionBadges({
  question,
}: {
  question: Pick<ReportQuestion, "kind" | "points" | "skipped" | "revealed" | "tags">;
}) {
  const t = useTranslations("report");
  const badge = "rounded-full px-2.5 py-0.5 text-sm font-bold";
  return (
    <>
      <span className={`${badge} bg-slate-100 text-slate-800`}>{t(`kind.${question.kind}`)}</span>
      {question.points !== "standard" ? (
        <span
          className={`${badge} ${question.points === "double" ? "bg-violet-100 text-violet-900" : "bg-sky-100 text-sky-900"}`}
        >
          {t(`points.${question.points}`)}
        </span>
      ) : null}
      {question.skipped ? <span className={`${badge} bg-orange-100 text-orange-950`}>{t("skipped")}</span> : null}
      {!question.revealed ? <span className={`${badge} bg-orange-100 text-orange-950`}>{t("notRevealed")}</span> : null}
      {question.tags.map((tag) => (
        <span key={tag} className={`${badge} bg-white text-indigo-900 ring-1 ring-indigo-200`}>
          #{tag}
        </span>
      ))}
    </>
  );
}
