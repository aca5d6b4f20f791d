"use client";

import { useTranslations } from "next-intl";
import type { HostView } from "../../lib/contract";
import { Podium } from "../podium";
import { TrophyIcon } from "../icons";

export function HostEnded({ view }: { view: HostView }) {
  const t = useTranslations("host");
  return (
    <div className="flex h-full min-h-0 flex-col items-center justify-end gap-[4vh] px-[3vw] pt-[3vh]">
      <div className="text-center">
        <h1 className="flex items-center justify-center gap-[0.3em] text-[clamp(2.2rem,4.5vw,5.5rem)] font-black text-white">
          <TrophyIcon className="text-amber-300" />
          {t("podium")}
        </h1>
        <p className="text-[clamp(1rem,1.6vw,2rem)] font-semibold text-indigo-200">{t("gameOver")}</p>
      </div>
      {view.leaderboard.length === 0 ? (
        <p className="mb-[20vh] text-[clamp(1.2rem,2vw,2.5rem)] text-indigo-200">{t("noPlayers")}</p>
      ) : (
        <Podium entries={view.leaderboard} />
      )}
    </div>
  );
}
