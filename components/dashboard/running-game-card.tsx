"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { RunningGame } from "../../lib/reports";
import { spacedPin } from "../host/join-address";
import { PauseIcon, PlayIcon, UsersIcon } from "../icons";
import { useReportFormat } from "../sessions/use-report-format";

/** A game that has not ended: where it stands, and Resume (its projector page reattaches). */
export function RunningGameCard({ game }: { game: RunningGame }) {
  const t = useTranslations("dashboard");
  const f = useReportFormat();
  const position = { number: game.questionIndex + 1, count: game.questionCount };
  const phase =
    game.phase === "lobby"
      ? t("phase.lobby")
      : game.phase === "question"
        ? t("phase.question", position)
        : game.phase === "reveal"
          ? t("phase.reveal", position)
          : t("phase.leaderboard", position);
  const headingId = `running-${game.id}`;
  return (
    <li
      aria-labelledby={headingId}
      className="stage-backdrop flex flex-col gap-5 rounded-3xl p-6 text-white shadow-xl ring-1 ring-indigo-900 sm:flex-row sm:items-center"
    >
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2 text-sm font-bold">
          {game.status === "interrupted" ? (
            <span className="rounded-full bg-amber-300 px-3 py-1 text-amber-950">{t("interrupted")}</span>
          ) : (
            <span className="inline-flex items-center gap-1.5 rounded-full bg-emerald-300 px-3 py-1 text-emerald-950">
              <span className="size-2 rounded-full bg-emerald-800" aria-hidden="true" />
              {t("live")}
            </span>
          )}
          {game.paused ? (
            <span className="inline-flex items-center gap-1.5 rounded-full bg-sky-200 px-3 py-1 text-sky-950">
              <PauseIcon className="size-3.5" />
              {t("paused")}
            </span>
          ) : null}
          <span className="text-indigo-100">
            {game.status === "interrupted"
              ? t("lastActivity", { date: f.date(game.lastActivityAt) })
              : t("openedAt", { time: f.time(game.createdAt) })}
          </span>
        </div>
        <h3 id={headingId} lang={game.language} className="text-2xl leading-tight font-black">
          {game.deckTitle}
        </h3>
        <dl className="flex flex-wrap items-center gap-x-6 gap-y-2 text-lg font-bold">
          <div className="flex items-baseline gap-2">
            <dt className="text-indigo-200">{t("pin")}</dt>
            <dd className="font-black tracking-wide text-amber-300 tabular-nums">{spacedPin(game.pin)}</dd>
          </div>
          <div className="flex items-baseline gap-2">
            <dt className="sr-only">{t("phaseLabel")}</dt>
            <dd>{phase}</dd>
          </div>
          <div className="flex items-center gap-2">
            <dt className="sr-only">{t("playersLabel")}</dt>
            <dd className="flex items-center gap-2">
              <UsersIcon className="text-indigo-200" />
              {t("players", { count: game.playerCount })}
            </dd>
          </div>
        </dl>
      </div>
      <Link
        href={`/host/${game.id}`}
        aria-label={t("resumeGame", { title: game.deckTitle })}
        className="inline-flex h-14 shrink-0 items-center justify-center gap-2 rounded-2xl bg-amber-400 px-8 text-xl font-black text-indigo-950 shadow-lg shadow-amber-900/30 hover:bg-amber-300"
      >
        <PlayIcon className="size-5" />
        {t("resume")}
      </Link>
    </li>
  );
}
