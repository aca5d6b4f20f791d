"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { LeaderboardEntry } from "../lib/contract";
import { RankMovement } from "./rank-movement";
import { FlameIcon } from "./icons";

/** The projector's top five: rank, nickname, streak, score and movement. */
export function LeaderboardList({ entries }: { entries: LeaderboardEntry[] }) {
  const t = useTranslations("host");
  const format = useFormatter();
  if (entries.length === 0) {
    return <p className="text-center text-[clamp(1.2rem,2vw,2.5rem)] text-indigo-200">{t("noScoresYet")}</p>;
  }
  return (
    <ol className="flex w-full flex-col gap-[1.4vh]">
      {entries.map((entry, index) => (
        <li
          key={entry.playerId}
          className={`animate-pop-in flex items-center gap-[1.6vw] rounded-[1.2vw] px-[2vw] py-[1.6vh] text-[clamp(1.2rem,2.2vw,2.75rem)] font-bold shadow-lg ${
            index === 0 ? "bg-amber-300 text-amber-950" : "bg-white text-indigo-950"
          }`}
          style={{ animationDelay: `${index * 80}ms` }}
        >
          <span className="w-[3.5vw] shrink-0 text-center font-black tabular-nums">{entry.rank}</span>
          <span className="min-w-0 flex-1 truncate">{entry.nickname}</span>
          {entry.streak >= 2 ? (
            <span className="shrink-0 text-[0.75em] font-semibold">
              <span aria-hidden="true" className="inline-flex items-center gap-1 text-orange-600">
                <FlameIcon />
                {entry.streak}
              </span>
              <span className="sr-only">{t("streak", { count: entry.streak })}</span>
            </span>
          ) : null}
          <span className="shrink-0 font-black tabular-nums">{format.number(entry.score)}</span>
          <span className="w-[5vw] shrink-0 text-right text-[0.8em]">
            <RankMovement rank={entry.rank} previousRank={entry.previousRank} />
          </span>
        </li>
      ))}
    </ol>
  );
}
