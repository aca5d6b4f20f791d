"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { SessionSummary } from "../../lib/reports";
import { StatusBadge } from "./status-badge";
import { useReportFormat } from "./use-report-format";

interface SessionTableProps {
  sessions: SessionSummary[];
  caption: string;
  /** With a Delete button (ended sessions) or a Resume link (games not ended) on each row. */
  onDelete?: (session: SessionSummary) => void;
}

/** Sessions as rows: deck (a link to the report), date, duration, players, questions played, accuracy, status. */
export function SessionTable({ sessions, caption, onDelete }: SessionTableProps) {
  const t = useTranslations("sessions");
  const f = useReportFormat();
  const head = "px-4 py-3 text-left text-sm font-bold whitespace-nowrap text-slate-600";
  const cell = "px-4 py-3 align-middle";
  return (
    // Scrolls sideways on a narrow screen; focusable so the keyboard can scroll it too.
    <div
      className="overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className="w-full min-w-[52rem] border-collapse text-base">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className={head}>
              {t("columns.deck")}
            </th>
            <th scope="col" className={head}>
              {t("columns.date")}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t("columns.duration")}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t("columns.players")}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t("columns.questions")}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t("columns.accuracy")}
            </th>
            <th scope="col" className={head}>
              {t("columns.status")}
            </th>
            {onDelete ? (
              <th scope="col" className={head}>
                <span className="sr-only">{t("columns.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sessions.map((session) => {
            const ended = session.status === "completed" || session.status === "ended-early";
            const date = f.date(session.startedAt ?? session.createdAt);
            return (
              <tr key={session.id} className="hover:bg-indigo-50/50">
                <th scope="row" className={`${cell} max-w-[22rem] text-left font-bold`}>
                  <Link
                    href={`/sessions/${session.id}`}
                    lang={session.language}
                    className="rounded text-indigo-800 underline decoration-indigo-300 decoration-2 underline-offset-4 hover:decoration-indigo-700"
                  >
                    {session.deckTitle}
                  </Link>
                </th>
                <td className={`${cell} whitespace-nowrap text-slate-700`}>{date}</td>
                <td className={`${cell} text-right whitespace-nowrap tabular-nums text-slate-700`}>
                  {f.duration(session.durationMs)}
                </td>
                <td className={`${cell} text-right tabular-nums`}>{f.number(session.playerCount)}</td>
                <td className={`${cell} text-right whitespace-nowrap tabular-nums`}>
                  {t("questionsPlayed", { played: session.questionsPlayed, count: session.questionCount })}
                </td>
                <td className={`${cell} text-right font-bold tabular-nums`}>{f.percent(session.accuracy)}</td>
                <td className={cell}>
                  <StatusBadge status={session.status} />
                </td>
                {onDelete ? (
                  <td className={`${cell} text-right`}>
                    {ended ? (
                      <button
                        type="button"
                        onClick={() => onDelete(session)}
                        aria-label={t("deleteSession", { title: session.deckTitle, date })}
                        className="rounded-lg px-3 py-1.5 text-sm font-bold text-rose-800 ring-1 ring-rose-200 hover:bg-rose-50"
                      >
                        {t("delete")}
                      </button>
                    ) : (
                      <Link
                        href={`/host/${session.id}`}
                        aria-label={t("resumeSession", { title: session.deckTitle })}
                        className="inline-block rounded-lg bg-amber-400 px-3 py-1.5 text-sm font-extrabold whitespace-nowrap text-indigo-950 hover:bg-amber-300"
                      >
                        {t("resume")}
                      </Link>
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
