"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { CopyIcon, ChevronLeftIcon } from "./editor-icons";
import type { SaveStatus } from "./use-deck-editor";

interface EditorToolbarProps {
  title: string;
  lang: string;
  isNew: boolean;
  readOnly: boolean;
  dirty: boolean;
  status: SaveStatus;
  problemCount: number;
  duplicating: boolean;
  onSave: () => void;
  onDuplicate: () => void;
}

/** Failures with a sentence of our own; others keep the server's. */
const SAVE_ERRORS = [
  "INVALID_DECK",
  "BUILTIN_READ_ONLY",
  "NOT_FOUND",
  "NETWORK",
  "RATE_LIMITED",
  "PAYLOAD_TOO_LARGE",
  "UNKNOWN",
] as const;
type SaveError = (typeof SAVE_ERRORS)[number];
const isSaveError = (code: string): code is SaveError => (SAVE_ERRORS as readonly string[]).includes(code);

/** The deck's name, where saving stands, and Save (or, on a built-in deck, Duplicate to edit). */
export function EditorToolbar(props: EditorToolbarProps) {
  const t = useTranslations("editor");
  const format = useFormatter();
  const { status, dirty, problemCount, readOnly } = props;
  const saving = status.state === "saving";

  let note: { text: string; tone: string } | null = null;
  if (status.state === "failed") {
    const reason = isSaveError(status.code)
      ? t(`saveErrors.${status.code}`)
      : status.message || t("saveErrors.UNKNOWN");
    note = { text: t("notSaved", { reason }), tone: "text-rose-800" };
  } else if (saving) note = { text: t("saving"), tone: "text-slate-700" };
  else if (dirty) note = { text: t("unsaved"), tone: "text-amber-800" };
  else if (status.state === "saved")
    note = {
      text: t("savedAt", { time: format.dateTime(status.at, { timeStyle: "short" }) }),
      tone: "text-emerald-800",
    };

  return (
    <div className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur print:hidden">
      <div className="mx-auto flex min-h-18 max-w-[120rem] flex-wrap items-center gap-x-5 gap-y-2 px-6 py-3">
        <Link
          href="/decks"
          className="inline-flex items-center gap-1 rounded-lg text-base font-bold text-indigo-800 hover:text-indigo-950"
        >
          <ChevronLeftIcon className="size-5" />
          {t("backToDecks")}
        </Link>
        <div className="flex min-w-0 flex-1 flex-col">
          <p className="text-xs font-bold tracking-wide text-indigo-700 uppercase">
            {readOnly ? t("eyebrowBuiltin") : props.isNew ? t("eyebrowNew") : t("eyebrowEdit")}
          </p>
          <h1 lang={props.lang} className="truncate text-2xl leading-tight font-black text-slate-900">
            {props.title.trim() || t("untitledDeck")}
          </h1>
        </div>
        <p role="status" className={`max-w-md text-sm font-semibold ${note?.tone ?? ""}`}>
          {note?.text ?? ""}
        </p>
        {readOnly ? (
          <button
            type="button"
            onClick={props.onDuplicate}
            disabled={props.duplicating}
            className="inline-flex h-12 items-center gap-2 rounded-xl bg-indigo-700 px-5 text-lg font-extrabold text-white shadow-md hover:bg-indigo-800 disabled:cursor-wait disabled:opacity-60"
          >
            <CopyIcon className="size-5" />
            {props.duplicating ? t("duplicating") : t("duplicateToEdit")}
          </button>
        ) : (
          <button
            type="button"
            onClick={props.onSave}
            disabled={saving || (!dirty && !props.isNew && problemCount === 0)}
            aria-keyshortcuts="Control+S Meta+S"
            className="inline-flex h-12 items-center gap-2.5 rounded-xl bg-indigo-700 px-5 text-lg font-extrabold text-white shadow-md hover:bg-indigo-800 disabled:cursor-default disabled:opacity-60"
          >
            {saving ? t("saving") : !dirty && !props.isNew && problemCount === 0 ? t("saved") : t("save")}
            {problemCount > 0 && !saving ? (
              <span className="rounded-full bg-rose-100 px-2.5 py-0.5 text-sm font-black text-rose-800">
                {t("problemCount", { count: problemCount })}
              </span>
            ) : null}
          </button>
        )}
      </div>
    </div>
  );
}
