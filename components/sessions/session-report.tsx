"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import type { SessionReport as Report } from "../../lib/reports";
import { ApiError, fetchSessionReport, sessionCsvUrl } from "../api-client";
import { InstructorShell, useSignInRedirect } from "../dashboard/instructor-shell";
import { PlayIcon, UsersIcon } from "../icons";
import { TopicChart } from "./charts";
import { AnswerGrid } from "./answer-grid";
import { PlayerTable } from "./player-table";
import { ReportQuestionCard } from "./report-question";
import { StatusBadge } from "./status-badge";
import { useReportFormat } from "./use-report-format";

type Loaded = { status: "loading" } | { status: "missing" } | { status: "error" } | { status: "ready"; report: Report };

function SummaryCard({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="report-avoid-break flex flex-col gap-1 rounded-2xl bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200">
      <dt className="text-sm font-bold text-slate-600">{label}</dt>
      <dd className="text-3xl font-black text-slate-900 tabular-nums">
        {value}
        {detail ? <span className="ml-2 text-base font-semibold text-slate-600">{detail}</span> : null}
      </dd>
    </div>
  );
}

function ReportSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="report-section flex flex-col gap-4">
      <div>
        <h2 id={id} className="text-2xl font-black text-slate-900">
          {title}
        </h2>
        {intro ? <p className="mt-1 text-base text-slate-600">{intro}</p> : null}
      </div>
      {children}
    </section>
  );
}

function ReportBody({ report }: { report: Report }) {
  const t = useTranslations("report");
  const f = useReportFormat();
  const lang = report.language;
  const played = report.questions.length;
  const neverAnswered = report.players.filter((p) => p.neverAnswered);
  const statusNote =
    report.status === "ended-early"
      ? t("statusNote.ended-early", { played: report.questionsPlayed, count: report.questionCount })
      : report.status === "interrupted"
        ? t("statusNote.interrupted", { played: report.questionsPlayed, count: report.questionCount })
        : report.status === "running"
          ? t("statusNote.running")
          : null;

  const sections = [
    { id: "topics-title", label: t("topicsTitle") },
    { id: "ranking-title", label: t("rankingTitle") },
    ...(report.players.length > 0 && played > 0 ? [{ id: "grid-title", label: t("gridTitle") }] : []),
    { id: "questions-title", label: t("questionsTitle") },
  ];

  return (
    <main className="report mx-auto flex max-w-7xl flex-col gap-10 px-6 py-8 print:max-w-none print:gap-6 print:p-0">
      <div className="flex flex-col gap-4">
        <Link
          href="/sessions"
          className="self-start rounded-lg text-base font-bold text-indigo-800 underline decoration-2 underline-offset-4 print:hidden"
        >
          <span aria-hidden="true">← </span>
          {t("back")}
        </Link>
        <div className="flex flex-wrap items-start gap-x-6 gap-y-4">
          <div className="flex min-w-0 flex-1 flex-col gap-2">
            <p className="text-sm font-bold tracking-wide text-indigo-700 uppercase">{t("eyebrow")}</p>
            <h1 lang={lang} className="text-3xl leading-tight font-black text-slate-900 sm:text-4xl">
              {report.deckTitle}
            </h1>
            <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-base font-semibold text-slate-700">
              <span>{f.date(report.startedAt ?? report.createdAt)}</span>
              <StatusBadge status={report.status} />
            </p>
          </div>
          <div className="flex flex-wrap gap-3 print:hidden">
            {report.status === "running" || report.status === "interrupted" ? (
              <Link
                href={`/host/${report.id}`}
                className="inline-flex h-12 items-center gap-2 rounded-xl bg-amber-400 px-5 text-lg font-extrabold text-indigo-950 hover:bg-amber-300"
              >
                <PlayIcon className="size-4" />
                {t("resume")}
              </Link>
            ) : null}
            <a
              href={sessionCsvUrl(report.id)}
              download
              className="inline-flex h-12 items-center gap-2 rounded-xl bg-indigo-700 px-5 text-lg font-extrabold text-white shadow-sm hover:bg-indigo-800"
            >
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="size-5">
                <path
                  d="M12 4v11m0 0l-4.5-4.5M12 15l4.5-4.5M5 19h14"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2.4"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              </svg>
              {t("exportCsv")}
            </a>
            <button
              type="button"
              onClick={() => window.print()}
              className="inline-flex h-12 items-center gap-2 rounded-xl bg-white px-5 text-lg font-extrabold text-indigo-900 ring-2 ring-indigo-200 hover:bg-indigo-50"
            >
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="size-5">
                <path
                  d="M7 9V3.5h10V9M7 17H4.5v-6.5a1.5 1.5 0 0 1 1.5-1.5h12a1.5 1.5 0 0 1 1.5 1.5V17H17M7 14h10v6.5H7z"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                  strokeLinejoin="round"
                />
              </svg>
              {t("print")}
            </button>
          </div>
        </div>
        {statusNote ? (
          <p
            role="note"
            className="rounded-2xl bg-amber-50 px-5 py-4 text-base font-semibold text-amber-950 ring-1 ring-amber-300"
          >
            {statusNote}
          </p>
        ) : null}
      </div>

      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4 print:grid-cols-4">
        <SummaryCard label={t("summary.players")} value={f.number(report.playerCount)} />
        <SummaryCard
          label={t("summary.questions")}
          value={f.number(report.questionsPlayed)}
          detail={t("summary.ofDeck", { count: report.questionCount })}
        />
        <SummaryCard label={t("summary.accuracy")} value={f.percent(report.accuracy)} />
        <SummaryCard label={t("summary.duration")} value={f.duration(report.durationMs)} />
      </dl>

      <nav aria-label={t("sectionsNav")} className="-mt-4 print:hidden">
        <ul className="flex flex-wrap gap-2 text-base font-bold">
          {sections.map((section) => (
            <li key={section.id}>
              <a
                href={`#${section.id}`}
                className="block rounded-full bg-white px-4 py-1.5 text-indigo-800 ring-1 ring-indigo-200 hover:bg-indigo-50"
              >
                {section.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <ReportSection id="topics-title" title={t("topicsTitle")} intro={t("topicsIntro")}>
        {report.topics.length === 0 ? (
          <p className="rounded-2xl bg-white px-6 py-5 text-lg text-slate-600 ring-1 ring-slate-200">{t("noTopics")}</p>
        ) : (
          <div className="report-avoid-break grid items-start gap-6 rounded-3xl bg-white p-6 shadow-sm ring-1 ring-slate-200 xl:grid-cols-[auto_minmax(0,1fr)] print:grid-cols-1">
            <TopicChart
              topics={report.topics}
              format={f.percent}
              axisLabel={t("correctRate")}
              label={t("topicChartLabel", {
                list: report.topics.map((topic) => `${topic.tag} ${f.percent(topic.correctRate)}`).join(", "),
              })}
            />
            <table className="w-full border-collapse text-base">
              <caption className="sr-only">{t("topicsTitle")}</caption>
              <thead className="border-b border-slate-300">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left text-sm font-bold text-slate-600">
                    {t("topicColumns.tag")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right text-sm font-bold text-slate-600">
                    {t("topicColumns.questions")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right text-sm font-bold text-slate-600">
                    {t("topicColumns.correct")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right text-sm font-bold text-slate-600">
                    {t("topicColumns.rate")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.topics.map((topic) => (
                  <tr key={topic.tag}>
                    <th scope="row" className="px-3 py-2 text-left font-bold text-slate-900">
                      {topic.tag}
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">{f.number(topic.questionCount)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {t("countOf", {
                        count: topic.correctCount,
                        total: topic.questionCount * report.playerCount,
                      })}
                    </td>
                    <td className="px-3 py-2 text-right font-black tabular-nums">{f.percent(topic.correctRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ReportSection>

      <ReportSection id="ranking-title" title={t("rankingTitle")} intro={t("rankingIntro")}>
        {neverAnswered.length > 0 ? (
          <p className="flex items-start gap-2 rounded-2xl bg-slate-200/70 px-5 py-3 text-base font-semibold text-slate-800">
            <UsersIcon className="mt-1" />
            {t("neverAnsweredNote", {
              count: neverAnswered.length,
              names: neverAnswered.map((p) => p.nickname).join(", "),
            })}
          </p>
        ) : null}
        {report.players.length === 0 ? (
          <p className="rounded-2xl bg-white px-6 py-5 text-lg text-slate-600 ring-1 ring-slate-200">
            {t("noPlayers")}
          </p>
        ) : (
          <PlayerTable players={report.players} questions={report.questions} answers={report.answers} lang={lang} />
        )}
      </ReportSection>

      {report.players.length > 0 && played > 0 ? (
        <ReportSection id="grid-title" title={t("gridTitle")} intro={t("gridIntro")}>
          <AnswerGrid players={report.players} questions={report.questions} answers={report.answers} />
        </ReportSection>
      ) : null}

      <ReportSection
        id="questions-title"
        title={t("questionsTitle")}
        intro={t("questionsIntro", { played, count: report.questionCount })}
      >
        {played === 0 ? (
          <p className="rounded-2xl bg-white px-6 py-5 text-lg text-slate-600 ring-1 ring-slate-200">
            {t("noQuestions")}
          </p>
        ) : (
          <div className="flex flex-col gap-6">
            {report.questions.map((question) => (
              <ReportQuestionCard
                key={question.index}
                question={question}
                playerCount={report.playerCount}
                questionCount={report.questionCount}
                lang={lang}
              />
            ))}
          </div>
        )}
      </ReportSection>
    </main>
  );
}

/** The report of one session: ranking, weakest topics, every question; CSV export and print. */
export function SessionReport({ id }: { id: string }) {
  const t = useTranslations("report");
  const common = useTranslations("common");
  const redirect = useSignInRedirect();
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });

  useEffect(() => {
    let cancelled = false;
    fetchSessionReport(id).then(
      (report) => {
        if (!cancelled) setLoaded({ status: "ready", report });
      },
      async (error: unknown) => {
        if (cancelled || (await redirect(error))) return;
        setLoaded({ status: error instanceof ApiError && error.status === 404 ? "missing" : "error" });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id, redirect]);

  return (
    <InstructorShell current="sessions">
      {loaded.status === "ready" ? (
        <ReportBody report={loaded.report} />
      ) : (
        <main className="mx-auto flex max-w-7xl flex-col gap-6 px-6 py-10">
          <h1 className="text-3xl font-black text-slate-900">{t("title")}</h1>
          {loaded.status === "loading" ? (
            <p role="status" className="animate-pulse text-lg text-slate-600">
              {common("loading")}
            </p>
          ) : (
            <p role="alert" className="rounded-xl bg-rose-50 px-4 py-3 text-lg font-semibold text-rose-800">
              {loaded.status === "missing" ? t("notFound") : t("loadError")}
            </p>
          )}
          <Link
            href="/sessions"
            className="self-start rounded-lg text-lg font-bold text-indigo-800 underline decoration-2 underline-offset-4"
          >
            {t("back")}
          </Link>
        </main>
      )}
    </InstructorShell>
  );
}
