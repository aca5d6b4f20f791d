"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { PlayerRevealView } from "../../lib/contract";
import { OptionChip } from "./option-chip";
import { RevealRationales } from "./reveal-rationales";
import { CheckIcon, ClockIcon, CrossIcon, FlameIcon, SkipIcon } from "../icons";

function verdict(view: PlayerRevealView) {
  if (view.skipped) return { key: "skipped", Icon: SkipIcon, tone: "bg-slate-200 text-slate-900" } as const;
  if (view.correct) return { key: "correct", Icon: CheckIcon, tone: "bg-emerald-500 text-emerald-950" } as const;
  if (view.answeredOptionIds === null)
    return { key: "noAnswer", Icon: ClockIcon, tone: "bg-rose-700 text-white" } as const;
  return { key: "incorrect", Icon: CrossIcon, tone: "bg-rose-700 text-white" } as const;
}

export function PlayerReveal({ view }: { view: PlayerRevealView }) {
  const t = useTranslations("play");
  const common = useTranslations("common");
  const format = useFormatter();
  const result = verdict(view);
  const correctOptions = view.question.options.filter((option) => view.correctOptionIds.includes(option.id));
  const practice = view.question.points === "none";
  const mine = view.answeredOptionIds;
  const ownOptions = mine && !view.correct ? view.question.options.filter((option) => mine.includes(option.id)) : [];

  return (
    <div className="flex flex-1 flex-col gap-4">
      <section
        aria-live="polite"
        className={`animate-pop-in flex flex-col items-center gap-2 rounded-3xl px-6 py-8 text-center shadow-xl ${result.tone}`}
      >
        <result.Icon className="size-16" />
        <p className="text-4xl font-black">{t(result.key)}</p>
        {view.skipped ? <p className="text-base font-semibold">{t("skippedHint")}</p> : null}
        {!view.skipped && practice ? <p className="text-base font-semibold">{t("practiceHint")}</p> : null}
        {!view.skipped && view.correct && !practice ? (
          <p className="text-3xl font-black tabular-nums">{t("points", { points: format.number(view.points) })}</p>
        ) : null}
        {view.bonus > 0 ? (
          <p className="rounded-full bg-white/85 px-4 py-1 text-lg font-extrabold text-emerald-900">
            {t("streakBonus", { bonus: format.number(view.bonus) })}
          </p>
        ) : null}
        {!view.skipped && view.correct && view.streak >= 2 ? (
          <p className="flex items-center gap-1.5 text-xl font-extrabold">
            <FlameIcon className="size-6 text-orange-700" />
            {t("streak", { count: view.streak })}
          </p>
        ) : null}
      </section>

      <RevealRationales rationales={view.rationales} correctOptionIds={view.correctOptionIds} />

      <div className="grid grid-cols-2 gap-3 text-center">
        <div className="rounded-2xl bg-white/10 px-3 py-4 ring-1 ring-white/15">
          <p className="text-sm font-bold text-indigo-200">{t("yourRank")}</p>
          <p className="text-2xl font-black text-white">
            {view.rank === null ? t("noRank") : t("rank", { rank: view.rank })}
          </p>
        </div>
        <div className="rounded-2xl bg-white/10 px-3 py-4 ring-1 ring-white/15">
          <p className="text-sm font-bold text-indigo-200">{t("score")}</p>
          <p className="text-2xl font-black text-white tabular-nums">{format.number(view.score)}</p>
        </div>
      </div>

      <section aria-labelledby="correct-title" className="flex flex-col gap-2">
        <h2 id="correct-title" className="text-sm font-bold text-indigo-200">
          {t("correctAnswers", { count: correctOptions.length })}
        </h2>
        <ul className="flex flex-col gap-2">
          {correctOptions.map((option) => (
            <OptionChip key={option.id} option={option} />
          ))}
        </ul>
      </section>

      {ownOptions.length > 0 ? (
        <section aria-labelledby="own-title" className="flex flex-col gap-2">
          <h2 id="own-title" className="text-sm font-bold text-indigo-200">
            {t("yourAnswer")}
          </h2>
          <ul className="flex flex-col gap-2 opacity-90">
            {ownOptions.map((option) => (
              <OptionChip key={option.id} option={option} />
            ))}
          </ul>
        </section>
      ) : null}

      <p className="mt-auto text-sm text-indigo-200">{common("streakRule")}</p>
    </div>
  );
}
