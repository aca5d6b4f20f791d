"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { LeaderboardEntry } from "../lib/contract";
import { CrownIcon } from "./icons";

const STEPS = [
  { place: 1, height: "h-[26vh]", colour: "bg-amber-300 text-amber-950" },
  { place: 2, height: "h-[19vh]", colour: "bg-slate-200 text-slate-900" },
  { place: 3, height: "h-[14vh]", colour: "bg-orange-300 text-orange-950" },
] as const;

/** The top three on steps, winner in the middle. */
export function Podium({ entries }: { entries: LeaderboardEntry[] }) {
  const t = useTranslations("host");
  const format = useFormatter();
  const top = STEPS.map((step, i) => ({ step, entry: entries[i] }));
  const [first, second, third] = top;
  const visualOrder = [second, first, third];
  return (
    <ol className="flex w-full items-end justify-center gap-[2vw]">
      {visualOrder.map((slot) => {
        if (!slot?.entry) return null;
        const { step, entry } = slot;
        return (
          <li
            key={entry.playerId}
            className="animate-pop-in flex w-[22vw] flex-col items-center gap-[1.5vh]"
            style={{
              order: step.place === 1 ? 2 : step.place === 2 ? 1 : 3,
              animationDelay: `${(3 - step.place) * 250}ms`,
            }}
          >
            <CrownIcon
              className={`size-[clamp(2.5rem,4.5vw,5.5rem)] ${step.place === 1 ? "text-amber-300" : "invisible"}`}
            />
            <span className="w-full truncate text-center text-[clamp(1.4rem,2.6vw,3.25rem)] font-black text-white">
              {entry.nickname}
            </span>
            <span className="text-[clamp(1.1rem,1.8vw,2.25rem)] font-bold text-indigo-100 tabular-nums">
              {t("points", { score: format.number(entry.score) })}
            </span>
            <span
              className={`flex w-full items-start justify-center rounded-t-[1.2vw] pt-[2vh] text-[clamp(2rem,4vw,5rem)] font-black shadow-2xl ${step.height} ${step.colour}`}
            >
              <span className="sr-only">{t("place", { rank: entry.rank })}</span>
              <span aria-hidden="true">{step.place}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
