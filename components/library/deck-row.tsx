"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useId, useRef } from "react";
import type { DeckSummary } from "../../lib/deck";
import { CheckSquareIcon, ClockIcon, LockIcon, PlayIcon } from "../icons";
import { CopyIcon, DownloadIcon, EyeIcon, PencilIcon, TrashIcon } from "./action-icons";
import { exportDeckUrl } from "./deck-api";
import { useEditedDate } from "./use-edited-date";

interface DeckRowProps {
  deck: DeckSummary;
  /** Just imported or copied: marked, and scrolled into view. */
  highlighted: boolean;
  copying: boolean;
  onHost: (deck: DeckSummary) => void;
  onDuplicate: (deck: DeckSummary) => void;
  onDelete: (deck: DeckSummary) => void;
}

const action =
  "inline-flex h-11 items-center gap-2 rounded-xl bg-white px-4 text-base font-bold whitespace-nowrap ring-1 disabled:cursor-wait disabled:opacity-60";
const secondary = `${action} text-slate-800 ring-slate-300 hover:bg-slate-50`;
const danger = `${action} text-rose-800 ring-rose-200 hover:bg-rose-50`;

function DeckMeta({ deck }: { deck: DeckSummary }) {
  const t = useTranslations("library");
  const decks = useTranslations("decks");
  const edited = useEditedDate()(deck.updatedAt);
  const item = "flex items-center gap-1.5 whitespace-nowrap";
  return (
    <dl className="flex flex-wrap gap-x-5 gap-y-1 text-base text-slate-700">
      <div className={item}>
        <dt className="sr-only">{t("questionsLabel")}</dt>
        <dd className="flex items-center gap-1.5">
          <CheckSquareIcon className="text-slate-400" />
          {decks("questions", { count: deck.questionCount })}
        </dd>
      </div>
      <div className={item}>
        <dt className="sr-only">{t("editedLabel")}</dt>
        <dd className="flex items-center gap-1.5">
          <ClockIcon className="text-slate-400" />
          <time dateTime={deck.updatedAt} title={edited.full}>
            {t("edited", { when: edited.text })}
          </time>
        </dd>
      </div>
      <div className={item}>
        <dt className="sr-only">{t("playedLabel")}</dt>
        <dd className="flex items-center gap-1.5">
          <PlayIcon className="text-slate-400" />
          {t("played", { count: deck.timesPlayed })}
        </dd>
      </div>
    </dl>
  );
}

function ExportLinks({ deck }: { deck: DeckSummary }) {
  const t = useTranslations("library");
  // Inside a clipped pill, the focus ring is drawn inward so it stays visible.
  const link =
    "flex items-center px-3 text-base font-bold text-indigo-800 hover:bg-indigo-50 focus-visible:outline-offset-[-3px]";
  return (
    <div
      role="group"
      aria-label={t("exportLabel")}
      className="inline-flex h-11 items-stretch overflow-hidden rounded-xl bg-white ring-1 ring-slate-300"
    >
      <span className="flex items-center gap-1.5 border-r border-slate-200 bg-slate-50 px-3 text-sm font-bold text-slate-600">
        <DownloadIcon />
        {t("exportLabel")}
      </span>
      <a
        href={exportDeckUrl(deck.id, "json")}
        download
        className={link}
        aria-label={t("exportJson", { title: deck.title })}
      >
        JSON
      </a>
      <a
        href={exportDeckUrl(deck.id, "csv")}
        download
        className={`${link} border-l border-slate-200`}
        aria-label={t("exportCsv", { title: deck.title })}
      >
        CSV
      </a>
    </div>
  );
}

/** One deck: what it is, when it changed, how often it was played, and what can be done with it. */
export function DeckRow({ deck, highlighted, copying, onHost, onDuplicate, onDelete }: DeckRowProps) {
  const t = useTranslations("library");
  const decks = useTranslations("decks");
  const titleId = useId();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // Centred: the toast that announces it sits at the bottom of the screen.
    if (highlighted) ref.current?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [highlighted]);

  return (
    <li
      ref={ref}
      aria-labelledby={titleId}
      className={`flex flex-col gap-4 rounded-3xl bg-white p-5 shadow-sm transition-shadow xl:flex-row xl:items-center xl:gap-6 ${
        highlighted ? "ring-4 ring-emerald-400" : "ring-1 ring-slate-200"
      }`}
    >
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2 text-sm font-bold">
          <span className="rounded-full bg-indigo-100 px-3 py-1 text-indigo-800">
            {decks(`languageName.${deck.language}`)}
          </span>
          {deck.builtin ? (
            <span className="inline-flex items-center gap-1.5 rounded-full bg-amber-100 px-3 py-1 text-amber-900">
              <LockIcon className="size-3.5" />
              {t("builtinBadge")}
            </span>
          ) : null}
          {highlighted ? (
            <span className="rounded-full bg-emerald-100 px-3 py-1 text-emerald-900">{t("newBadge")}</span>
          ) : null}
        </div>
        <h3 id={titleId} lang={deck.language} className="line-clamp-2 text-xl leading-snug font-black text-slate-900">
          {deck.title}
        </h3>
        {deck.description ? (
          <p lang={deck.language} className="line-clamp-1 text-base text-slate-600">
            {deck.description}
          </p>
        ) : null}
        <DeckMeta deck={deck} />
      </div>

      <div className="flex flex-wrap items-center gap-2 xl:shrink-0 xl:justify-end">
        <Link
          href={`/decks/${encodeURIComponent(deck.id)}`}
          className={secondary}
          aria-label={deck.builtin ? t("viewDeck", { title: deck.title }) : t("editDeck", { title: deck.title })}
        >
          {deck.builtin ? <EyeIcon className="text-slate-500" /> : <PencilIcon className="text-slate-500" />}
          {deck.builtin ? t("view") : t("edit")}
        </Link>
        <button
          type="button"
          onClick={() => onDuplicate(deck)}
          disabled={copying}
          className={secondary}
          aria-label={
            deck.builtin ? t("duplicateToEditDeck", { title: deck.title }) : t("duplicateDeck", { title: deck.title })
          }
        >
          <CopyIcon className="text-slate-500" />
          {copying ? t("duplicating") : deck.builtin ? t("duplicateToEdit") : t("duplicate")}
        </button>
        <ExportLinks deck={deck} />
        {deck.builtin ? null : (
          <button
            type="button"
            onClick={() => onDelete(deck)}
            className={danger}
            aria-label={t("deleteDeck", { title: deck.title })}
          >
            <TrashIcon />
            {t("delete")}
          </button>
        )}
        <button
          type="button"
          onClick={() => onHost(deck)}
          className="inline-flex h-11 items-center gap-2 rounded-xl bg-indigo-700 px-5 text-base font-extrabold whitespace-nowrap text-white shadow-md hover:bg-indigo-800"
          aria-label={decks("hostDeck", { title: deck.title })}
        >
          <PlayIcon className="size-4" />
          {decks("host")}
        </button>
      </div>
    </li>
  );
}
