"use client";

import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import type { ReportAnswer, ReportPlayer, ReportQuestion } from "../../lib/reports";
import { answerStyle } from "../answer-style";
import { CheckIcon, CrossIcon } from "../icons";
import { TopicBars } from "./topic-bars";
import { NO_VALUE, useReportFormat } from "./use-report-format";

/** "B, D" and the options' texts. */
export function chosenText(question: ReportQuestion, optionIds: string[]) {
  return optionIds
    .map((id) => {
      const option = question.options.find((o) => o.id === id);
      return `${answerStyle(id).letter}. ${option?.text ?? ""}`;
    })
    .join(" / ");
}

export function ResultMark({ answer }: { answer: ReportAnswer | undefined }) {
  const t = useTranslations("report");
  if (!answer) {
    return (
      <span className="inline-flex items-center gap-1 font-bold whitespace-nowrap text-slate-600">{t("noAnswer")}</span>
    );
  }
  return answer.correct ? (
    <span className="inline-flex items-center gap-1 font-bold whitespace-nowrap text-emerald-800">
      <CheckIcon className="size-4" />
      {t("right")}
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 font-bold whitespace-nowrap text-rose-800">
      <CrossIcon className="size-4" />
      {t("wrong")}
    </span>
  );
}

function PlayerAnswers({
  player,
  questions,
  answers,
  lang,
}: {
  player: ReportPlayer;
  questions: ReportQuestion[];
  answers: Map<number, ReportAnswer>;
  lang: string;
}) {
  const t = useTranslations("report");
  const f = useReportFormat();
  const head = "px-3 py-2 text-left text-sm font-bold text-slate-600";
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] print:grid-cols-1">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-left text-base font-black text-slate-900">
          {t("answersOf", { nickname: player.nickname })}
        </caption>
        <thead className="border-b border-slate-300">
          <tr>
            <th scope="col" className={head}>
              {t("columns.question")}
            </th>
            <th scope="col" className={head}>
              {t("columns.answer")}
            </th>
            <th scope="col" className={head}>
              {t("columns.result")}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t("columns.points")}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t("columns.time")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {questions.map((question) => {
            const answer = answers.get(question.index);
            return (
              <tr key={question.index} className="report-avoid-break align-top">
                <th scope="row" className="max-w-[20rem] px-3 py-2 text-left font-normal">
                  <span className="font-black text-indigo-900">Q{question.index + 1}</span>{" "}
                  <span lang={lang} className="line-clamp-2 text-slate-700">
                    {question.text}
                  </span>
                </th>
                <td lang={lang} className="px-3 py-2 text-slate-900">
                  {answer ? chosenText(question, answer.optionIds) : NO_VALUE}
                </td>
                <td className="px-3 py-2">
                  <ResultMark answer={answer} />
                </td>
                <td className="px-3 py-2 text-right font-bold whitespace-nowrap tabular-nums">
                  {answer ? f.number(answer.points) : NO_VALUE}
                  {answer && answer.bonus > 0 ? (
                    <span className="block text-xs font-semibold text-amber-800">
                      {t("bonus", { bonus: f.number(answer.bonus) })}
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums text-slate-700">
                  {answer ? f.seconds(answer.timeMs) : NO_VALUE}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <section className="flex flex-col gap-3">
        <h3 className="text-base font-black text-slate-900">{t("studentTopics", { nickname: player.nickname })}</h3>
        {player.topics.length > 0 ? (
          <TopicBars topics={player.topics} tone="plain" />
        ) : (
          <p className="text-sm text-slate-600">{t("noTopics")}</p>
        )}
      </section>
    </div>
  );
}

/**
 * The final ranking, one row a player; each opens to every answer they gave and
 * their own weakest topics (all open when printed).
 */
export function PlayerTable({
  players,
  questions,
  answers,
  lang,
}: {
  players: ReportPlayer[];
  questions: ReportQuestion[];
  answers: ReportAnswer[];
  lang: string;
}) {
  const t = useTranslations("report");
  const f = useReportFormat();
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const byPlayer = new Map<string, Map<number, ReportAnswer>>();
  for (const answer of answers) {
    const own = byPlayer.get(answer.playerId) ?? new Map<number, ReportAnswer>();
    own.set(answer.questionIndex, answer);
    byPlayer.set(answer.playerId, own);
  }
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allOpen = players.length > 0 && players.every((p) => open.has(p.id));
  const head = "px-4 py-3 text-left text-sm font-bold whitespace-nowrap text-slate-600";
  const cell = "px-4 py-3 align-middle";
  const columns = 8;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex justify-end print:hidden">
        <button
          type="button"
          onClick={() => setOpen(allOpen ? new Set() : new Set(players.map((p) => p.id)))}
          className="rounded-lg px-3 py-1.5 text-base font-bold text-indigo-800 ring-1 ring-indigo-200 hover:bg-indigo-50"
        >
          {allOpen ? t("collapseAll") : t("expandAll")}
        </button>
      </div>
      <div
        className="overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200 print:overflow-visible print:shadow-none"
        tabIndex={0}
        role="region"
        aria-label={t("rankingTable")}
      >
        <table className="w-full min-w-[56rem] border-collapse text-base print:min-w-0">
          <caption className="sr-only">{t("rankingTable")}</caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <th scope="col" className={`${head} text-right`}>
                {t("columns.rank")}
              </th>
              <th scope="col" className={head}>
                {t("columns.player")}
              </th>
              <th scope="col" className={`${head} text-right`}>
                {t("columns.score")}
              </th>
              <th scope="col" className={`${head} text-right`}>
                {t("columns.correct")}
              </th>
              <th scope="col" className={`${head} text-right`}>
                {t("columns.accuracy")}
              </th>
              <th scope="col" className={`${head} text-right`}>
                {t("columns.totalTime")}
              </th>
              <th scope="col" className={head}>
                {t("columns.weakest")}
              </th>
              <th scope="col" className={`${head} print:hidden`}>
                <span className="sr-only">{t("columns.answers")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {players.map((player) => {
              const expanded = open.has(player.id);
              const panelId = `answers-${player.id}`;
              // The two weakest topics not already mastered.
              const weakest = player.topics.filter((topic) => (topic.correctRate ?? 0) < 1).slice(0, 2);
              return (
                <Fragment key={player.id}>
                  <tr className="report-avoid-break border-t border-slate-100 hover:bg-indigo-50/40">
                    <td className={`${cell} text-right text-lg font-black text-indigo-900 tabular-nums`}>
                      {t("rank", { rank: player.rank })}
                    </td>
                    <th scope="row" className={`${cell} text-left`}>
                      <span className="font-bold text-slate-900">{player.nickname}</span>
                      {player.neverAnswered ? (
                        <span className="ml-2 rounded-full bg-slate-200 px-2.5 py-0.5 text-sm font-bold whitespace-nowrap text-slate-800">
                          {t("neverAnswered")}
                        </span>
                      ) : null}
                    </th>
                    <td className={`${cell} text-right font-black tabular-nums`}>{f.number(player.score)}</td>
                    <td className={`${cell} text-right whitespace-nowrap tabular-nums`}>
                      {t("countOf", { count: player.correctCount, total: questions.length })}
                    </td>
                    <td className={`${cell} text-right font-bold tabular-nums`}>{f.percent(player.accuracy)}</td>
                    <td className={`${cell} text-right whitespace-nowrap tabular-nums text-slate-700`}>
                      {player.answeredCount > 0 ? f.seconds(player.totalTimeMs) : NO_VALUE}
                    </td>
                    <td className={`${cell} text-slate-800`}>
                      {weakest.length > 0
                        ? weakest.map((topic, i) => (
                            <span key={topic.tag} className="whitespace-nowrap">
                              {i > 0 ? ", " : null}
                              <span className="font-semibold">{topic.tag}</span>{" "}
                              <span className="text-slate-600 tabular-nums">{f.percent(topic.correctRate)}</span>
                            </span>
                          ))
                        : NO_VALUE}
                    </td>
                    <td className={`${cell} text-right print:hidden`}>
                      <button
                        type="button"
                        aria-expanded={expanded}
                        aria-controls={panelId}
                        onClick={() => toggle(player.id)}
                        className="inline-flex items-center gap-1.5 rounded-lg px-3 py-1.5 text-sm font-bold whitespace-nowrap text-indigo-800 ring-1 ring-indigo-200 hover:bg-indigo-50"
                      >
                        <svg
                          viewBox="0 0 24 24"
                          aria-hidden="true"
                          focusable="false"
                          className={`size-4 transition-transform ${expanded ? "rotate-90" : ""}`}
                        >
                          <path
                            d="M9 5l7 7-7 7"
                            fill="none"
                            stroke="currentColor"
                            strokeWidth="2.6"
                            strokeLinecap="round"
                            strokeLinejoin="round"
                          />
                        </svg>
                        {expanded ? t("hideAnswers") : t("showAnswers")}
                        <span className="sr-only">: {player.nickname}</span>
                      </button>
                    </td>
                  </tr>
                  <tr id={panelId} className={expanded ? "" : "hidden"}>
                    <td colSpan={columns} className="bg-slate-50 px-6 py-5 print:bg-white print:px-2">
                      <PlayerAnswers
                        player={player}
                        questions={questions}
                        answers={byPlayer.get(player.id) ?? new Map()}
                        lang={lang}
                      />
                    </td>
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
