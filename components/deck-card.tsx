"use client";

import { useTranslations } from "next-intl";
import type { DeckSummary } from "../lib/deck";
import { PlayIcon } from "./icons";

interface DeckCardProps {
  deck: DeckSummary;
  /** Opens the hosting options; the game is created from there. */
  onHost: () => void;
}

export function DeckCard({ deck, onHost }: DeckCardProps) {
  const t = useTranslations("decks");
  return (
    <li className="flex flex-col gap-4 rounded-3xl bg-white p-6 shadow-lg ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-2 text-sm font-bold">
        <span className="rounded-full bg-indigo-100 px-3 py-1 text-indigo-800">
          {t(`languageName.${deck.language}`)}
        </span>
        <span className="rounded-full bg-slate-100 px-3 py-1 text-slate-700">
          {t("questions", { count: deck.questionCount })}
        </span>
        {deck.builtin ? (
          <span className="rounded-full bg-amber-100 px-3 py-1 text-amber-900">{t("builtin")}</span>
        ) : null}
      </div>
      <h3 className="line-clamp-3 text-2xl leading-tight font-black text-slate-900" lang={deck.language}>
        {deck.title}
      </h3>
      {deck.description ? (
        <p className="line-clamp-3 text-base text-slate-600" lang={deck.language}>
          {deck.description}
        </p>
      ) : null}
      <button
        type="button"
        onClick={onHost}
        aria-label={t("hostDeck", { title: deck.title })}
        aria-haspopup="dialog"
        className="mt-auto h-12 rounded-xl bg-indigo-700 text-lg font-extrabold text-white shadow-md hover:bg-indigo-800"
      >
        <PlayIcon className="mr-2 size-5 align-[-0.15em]" />
        {t("host")}
      </button>
    </li>
  );
}
