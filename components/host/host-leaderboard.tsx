"use client";

import { useTranslations } from "next-intl";
import type { HostView } from "../../lib/contract";
import { LeaderboardList } from "../leaderboard-list";
import { TrophyIcon } from "../icons";

export function HostLeaderboard({ view }: { view: HostView }) {
  const t = useTranslations("host");
  const number = (view.question?.index ?? 0) + 1;
  return (
    <div className="mx-auto flex h-full min-h-0 w-full max-w-[80vw] flex-col items-center gap-[3vh] px-[3vw] py-[4vh]">
      <div className="text-center">
        <h1 className="flex items-center justify-center gap-[0.3em] text-[clamp(2rem,4vw,5rem)] font-black text-white">
          <TrophyIcon className="text-amber-300" />
          {t("leaderboard")}
        </h1>
        <p className="text-[clamp(1rem,1.5vw,1.9rem)] font-semibold text-indigo-200">
          {t("afterQuestion", { number, count: view.questionCount })}
        </p>
      </div>
      <LeaderboardList entries={view.leaderboard} />
    </div>
  );
}
