"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { PlayerEndedView, PlayerLeaderboardView } from "../../lib/contract";

/** Own rank and score: between questions (leaderboard) and at the very end. */
export function PlayerStanding({
  view,
  onLeave,
}: {
  view: PlayerLeaderboardView | PlayerEndedView;
  onLeave: () => void;
}) {
  const t = useTranslations("play");
  const format = useFormatter();
  const ended = view.phase === "ended";
  const reviewUrl = view.phase === "ended" ? view.reviewUrl : null;
  return (
    <div className="flex flex-1 flex-col gap-5">
      <section
        aria-live="polite"
        className="animate-pop-in flex flex-col items-center gap-2 rounded-3xl bg-white px-6 py-8 text-center text-slate-900 shadow-xl"
      >
        <p className="text-base font-bold text-slate-600">{ended ? t("finalRank") : t("yourRank")}</p>
        <p className="text-5xl font-black text-indigo-800">
          {view.rank === null ? t("noRank") : t("rank", { rank: view.rank })}
        </p>
        {view.rank !== null ? (
          <p className="text-base font-semibold text-slate-600">{t("ofPlayers", { count: view.playerCount })}</p>
        ) : null}
        <p className="mt-3 text-sm font-bold text-slate-600">{t("score")}</p>
        <p className="text-4xl font-black tabular-nums">{format.number(view.score)}</p>
        {view.phase === "ended" ? (
          <p className="mt-2 rounded-full bg-emerald-100 px-4 py-1 text-lg font-bold text-emerald-900">
            {t("correctOfPlayed", { correct: view.correctCount, total: view.questionsPlayed })}
          </p>
        ) : null}
      </section>
      <p className="text-center text-lg font-bold text-indigo-100">{ended ? t("gameOver") : t("leaderboardHint")}</p>
      {reviewUrl ? (
        <a
          href={reviewUrl}
          className="mt-auto flex h-14 items-center justify-center rounded-2xl bg-amber-400 text-xl font-black text-indigo-950 shadow-lg hover:bg-amber-300"
        >
          {t("reviewLink")}
        </a>
      ) : null}
      {ended ? (
        <button
          type="button"
          onClick={onLeave}
          className={
            reviewUrl
              ? "h-14 rounded-2xl bg-white/10 text-xl font-bold text-white ring-2 ring-white/30 hover:bg-white/20"
              : "mt-auto h-14 rounded-2xl bg-amber-400 text-xl font-black text-indigo-950 shadow-lg hover:bg-amber-300"
          }
        >
          {t("joinAnother")}
        </button>
      ) : null}
    </div>
  );
}
