"use client";

import { useTranslations } from "next-intl";
import type { ReportAnswer, ReportPlayer, ReportQuestion } from "../../lib/reports";
import { answerStyle } from "../answer-style";
import { useReportFormat } from "./use-report-format";

/** Questions per table: 24 fit a laptop screen beside the names, 20 an A4 page. */
const SCREEN_COLUMNS = 24;
const PRINT_COLUMNS = 20;

/** Tables of equal width: 30 questions on paper are two of 15, not 20 and 10. */
function chunked<T>(items: T[], most: number): T[][] {
  const tables = Math.max(1, Math.ceil(items.length / most));
  const size = Math.max(1, Math.ceil(items.length / tables));
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Every answer at a glance: a row a player, a column a question, the letters they
 * chose, green when right, red when wrong, a dash when they did not answer; the
 * class's correct rate under each column.
 */
export function AnswerGrid({
  players,
  questions,
  answers,
}: {
  players: ReportPlayer[];
  questions: ReportQuestion[];
  answers: ReportAnswer[];
}) {
  const t = useTranslations("report");
  const f = useReportFormat();
  const byKey = new Map(answers.map((a) => [`${a.playerId}:${a.questionIndex}`, a]));
  const screenChunks = chunked(questions, SCREEN_COLUMNS);
  const printChunks = chunked(questions, PRINT_COLUMNS);
  // The same tables for screen and paper when they split alike; else each its own.
  const layouts =
    screenChunks.length === printChunks.length
      ? [{ chunks: screenChunks, className: "" }]
      : [
          { chunks: screenChunks, className: "print:hidden" },
          { chunks: printChunks, className: "hidden print:flex" },
        ];
  return (
    <div className="flex flex-col gap-5">
      <p className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm font-semibold text-slate-700">
        <span className="flex items-center gap-1.5">
          <span className="print-colours inline-block rounded bg-emerald-100 px-1.5 font-black text-emerald-900 ring-1 ring-emerald-300">
            B
          </span>
          {t("gridRight")}
        </span>
        <span className="flex items-center gap-1.5">
          <span className="print-colours inline-block rounded bg-rose-100 px-1.5 font-black text-rose-900 ring-1 ring-rose-300">
            A
          </span>
          {t("gridWrong")}
        </span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block px-1.5 font-black text-slate-500">–</span>
          {t("noAnswer")}
        </span>
      </p>
      {layouts.map(({ chunks, className }) => (
        <div key={className || "all"} className={`flex flex-col gap-5 ${className}`}>
          {chunks.map((chunk) => {
            const first = (chunk[0]?.index ?? 0) + 1;
            const last = (chunk[chunk.length - 1]?.index ?? 0) + 1;
            const caption = chunks.length > 1 ? t("gridCaptionRange", { first, last }) : t("gridCaption");
            return (
              <div
                key={first}
                className="report-grid self-start overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200 print:overflow-visible print:shadow-none"
                tabIndex={0}
                role="region"
                aria-label={caption}
              >
                <table className="border-collapse text-sm tabular-nums">
                  <caption className="sr-only">{caption}</caption>
                  <thead className="border-b border-slate-200 bg-slate-50">
                    <tr>
                      <th scope="col" className="px-3 py-2 text-left font-bold text-slate-600">
                        {t("columns.player")}
                      </th>
                      {chunk.map((question) => (
                        <th
                          key={question.index}
                          scope="col"
                          className="w-11 px-1 py-2 text-center font-bold text-slate-600"
                        >
                          <span className="sr-only">{t("questionShort", { number: question.index + 1 })}</span>
                          <span aria-hidden="true">{question.index + 1}</span>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {players.map((player) => (
                      <tr key={player.id} className="report-avoid-break">
                        <th
                          scope="row"
                          className="max-w-[12rem] min-w-[7rem] truncate px-3 py-1.5 text-left font-bold text-slate-900"
                        >
                          {player.nickname}
                        </th>
                        {chunk.map((question) => {
                          const answer = byKey.get(`${player.id}:${question.index}`);
                          if (!answer) {
                            return (
                              <td key={question.index} className="px-0.5 py-1 text-center font-black text-slate-500">
                                <span aria-hidden="true">–</span>
                                <span className="sr-only">{t("noAnswer")}</span>
                              </td>
                            );
                          }
                          const letters = answer.optionIds.map((id) => answerStyle(id).letter).join("");
                          return (
                            <td key={question.index} className="px-0.5 py-1 text-center">
                              <span
                                className={`print-colours inline-block min-w-[1.75rem] rounded px-1 py-0.5 font-black ${
                                  answer.correct
                                    ? "bg-emerald-100 text-emerald-900 ring-1 ring-emerald-300"
                                    : "bg-rose-100 text-rose-900 ring-1 ring-rose-300"
                                }`}
                              >
                                {letters}
                                <span className="sr-only"> ({answer.correct ? t("right") : t("wrong")})</span>
                              </span>
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                  <tfoot className="border-t-2 border-slate-300 bg-slate-50">
                    <tr>
                      <th scope="row" className="px-3 py-2 text-left font-bold text-slate-700">
                        {t("correctRate")}
                      </th>
                      {chunk.map((question) => (
                        <td key={question.index} className="px-0.5 py-2 text-center text-xs font-bold text-slate-800">
                          {f.percent(question.correctRate)}
                        </td>
                      ))}
                    </tr>
                  </tfoot>
                </table>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
