"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { FileIcon, PlusIcon } from "./action-icons";

/** An instructor with no decks of their own: the three ways to get one. */
export function EmptyLibrary() {
  const t = useTranslations("library");
  return (
    <div className="flex flex-col items-center gap-4 rounded-3xl border-2 border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <span className="flex size-16 items-center justify-center rounded-2xl bg-indigo-100 text-indigo-700">
        <FileIcon className="size-8" />
      </span>
      <h3 className="text-2xl font-black text-slate-900">{t("emptyTitle")}</h3>
      <p className="max-w-2xl text-lg text-slate-600">{t("emptyBody")}</p>
      <Link
        href="/decks/new"
        className="inline-flex h-12 items-center gap-2 rounded-xl bg-indigo-700 px-6 text-lg font-extrabold text-white shadow-md hover:bg-indigo-800"
      >
        <PlusIcon className="size-5" />
        {t("newDeck")}
      </Link>
    </div>
  );
}
