"use client";

import { useTranslations } from "next-intl";
import type { ReportQuestion } from "../../lib/reports";
import { answerStyle } from "../answer-style";
import { BulbIcon } from "../icons";
import { QuestionImage } from "../play/question-image";
import { OptionRationales } from "../review/option-rationales";
import { OptionChart } from "./charts";
import { OptionList } from "./option-list";
import { QuestionBadges } from "./question-badges";
import { useReportFormat } from "./use-report-format";

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="flex flex-col">
      <dt className="text-sm font-bold text-slate-600">{label}</dt>
      <dd className="flex items-baseline gap-2">
        <span className="text-2xl font-black text-slate-900 tabular-nums print:text-lg">{value}</span>
        {detail ? <span className="text-sm font-semibold text-slate-600 tabular-nums">{detail}</span> : null}
      </dd>
    </div>
  );
}

/**
 * One question played: text, correct rate, average time, answers per option (list
 * and chart), why each option is right or wrong (when the deck says), explanation.
 */
export function ReportQuestionCard({
  question,
  playerCount,
  questionCount,
  lang,
}: {
  question: ReportQuestion;
  playerCount: number;
  questionCount: number;
  lang: string;
}) {
  const t = useTranslations("report");
  const f = useReportFormat();
  const number = question.index + 1;
  const headingId = `question-${question.index}`;
  const letters = question.correctOptionIds.map((id) => answerStyle(id).letter).join(", ");
  const marks = Object.fromEntries(
    question.options.map((option) => {
      const count = question.optionCounts[option.id] ?? 0;
      const share = playerCount > 0 ? f.percent(count / playerCount) : null;
      return [
        option.id,
        { detail: share ? `${t("answersCount", { count })} · ${share}` : t("answersCount", { count }) },
      ];
    }),
  );
  return (
    <article
      aria-labelledby={headingId}
      className="report-question flex flex-col gap-5 rounded-3xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
    >
      <header className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <h3 id={headingId} className="text-xl font-black text-indigo-900">
            {t("questionOf", { number, count: questionCount })}
          </h3>
          <QuestionBadges question={question} />
        </div>
        <p
          lang={lang}
          className="text-lg leading-relaxed font-semibold whitespace-pre-line text-slate-900 print:text-base print:leading-snug"
        >
          {question.text}
        </p>
        {question.imageUrl ? (
          <QuestionImage
            src={question.imageUrl}
            alt={t("questionImage", { number })}
            tone="light"
            className="max-h-56 w-auto max-w-full self-start rounded-xl ring-1 ring-slate-200"
          />
        ) : null}
      </header>

      <dl className="grid grid-cols-2 gap-4 rounded-2xl bg-slate-50 px-5 py-4 sm:grid-cols-3 print:grid-cols-3">
        <Stat
          label={t("correctRate")}
          value={f.percent(question.correctRate)}
          detail={t("rightOf", { correct: question.correctCount, total: playerCount })}
        />
        <Stat label={t("avgTime")} value={f.seconds(question.avgTimeMs)} />
        <Stat label={t("answered")} value={t("countOf", { count: question.answeredCount, total: playerCount })} />
      </dl>

      <div className="report-question-body grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_auto]">
        <div className="flex min-w-0 flex-col gap-4">
          <OptionList
            options={question.options}
            correctOptionIds={question.correctOptionIds}
            marks={marks}
            lang={lang}
          />
          <OptionRationales
            options={question.options}
            rationales={question.rationales}
            correctOptionIds={question.correctOptionIds}
            lang={lang}
          />
        </div>
        <figure className="report-avoid-break flex flex-col items-center gap-1">
          <figcaption className="text-sm font-bold text-slate-700">{t("chartTitle")}</figcaption>
          <OptionChart
            options={question.options}
            counts={question.optionCounts}
            correctOptionIds={question.correctOptionIds}
            label={t("optionChartLabel", { number, letters })}
          />
          <div className="flex items-center gap-4 text-sm font-semibold text-slate-700">
            <span className="flex items-center gap-1.5">
              <span className="print-colours size-3 rounded-sm bg-emerald-700" aria-hidden="true" />
              {t("legendCorrect")}
            </span>
            <span className="flex items-center gap-1.5">
              <span className="print-colours size-3 rounded-sm bg-slate-400" aria-hidden="true" />
              {t("legendOther")}
            </span>
          </div>
        </figure>
      </div>

      <section className="report-avoid-break rounded-2xl bg-amber-50 px-5 py-4 ring-1 ring-amber-200 print:py-2.5">
        <h4 className="flex items-center gap-2 text-base font-black text-amber-950">
          <BulbIcon />
          {t("explanation")}
        </h4>
        <p
          lang={lang}
          className="mt-1.5 text-base leading-relaxed whitespace-pre-line text-slate-800 print:text-sm print:leading-snug"
        >
          {question.explanation || t("noExplanation")}
        </p>
      </section>
    </article>
  );
}
