"use client";

import { useTranslations } from "next-intl";
import type { PlayerLobbyView } from "../../lib/contract";
import { CheckIcon, UsersIcon } from "../icons";

export function PlayerLobby({ view }: { view: PlayerLobbyView }) {
  const t = useTranslations("play");
  const common = useTranslations("common");
  return (
    <div className="flex flex-1 flex-col gap-6">
      <section
        aria-live="polite"
        className="animate-pop-in flex flex-col items-center gap-3 rounded-3xl bg-white px-6 py-8 text-center text-slate-900 shadow-xl"
      >
        <span className="grid size-16 place-items-center rounded-full bg-emerald-400 text-emerald-950">
          <CheckIcon className="size-10" />
        </span>
        <h1 className="text-3xl font-black">{t("youreIn")}</h1>
        <p className="max-w-full truncate rounded-2xl bg-indigo-100 px-5 py-2 text-2xl font-black text-indigo-900">
          {view.nickname}
        </p>
        <p className="text-base font-semibold text-slate-700">{t("waiting")}</p>
        <p className="flex items-center gap-1.5 text-sm font-bold text-slate-600">
          <UsersIcon className="size-5" />
          {t("playerCount", { count: view.playerCount })}
        </p>
      </section>
      <section
        aria-labelledby="rules-title"
        className="rounded-2xl bg-white/10 p-5 text-indigo-50 ring-1 ring-white/15"
      >
        <h2 id="rules-title" className="mb-2 text-lg font-black text-white">
          {t("rules")}
        </h2>
        <ul className="flex list-disc flex-col gap-2 pl-5 text-base">
          <li>{common("pointsRule")}</li>
          <li>{common("streakRule")}</li>
          <li>{common("multipleRule")}</li>
        </ul>
      </section>
    </div>
  );
}
