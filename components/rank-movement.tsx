"use client";

import { useTranslations } from "next-intl";

/** ▲ / ▼ / – from previousRank to rank (a lower number is better), for a light row. */
export function RankMovement({ rank, previousRank }: { rank: number; previousRank: number | null }) {
  const t = useTranslations("host");
  if (previousRank === null) {
    return (
      <span className="rounded-full bg-sky-100 px-3 py-1 whitespace-nowrap text-[0.7em] font-bold text-sky-800 uppercase">
        {t("newEntry")}
      </span>
    );
  }
  const places = previousRank - rank;
  const [symbol, colour, label] =
    places > 0
      ? [`▲ ${places}`, "text-emerald-800", t("movedUp", { places })]
      : places < 0
        ? [`▼ ${-places}`, "text-rose-800", t("movedDown", { places: -places })]
        : ["–", "text-slate-600", t("unchanged")];
  return (
    <span className={`font-black ${colour}`}>
      <span aria-hidden="true">{symbol}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
