"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import type { DeckSummary } from "../../lib/deck";
import { ConfirmDialog } from "../confirm-dialog";
import { InstructorShell } from "../dashboard/instructor-shell";
import { HostOptionsDialog } from "../hosting/host-options-dialog";
import { PlusIcon } from "./action-icons";
import { DeckRow } from "./deck-row";
import { EmptyLibrary } from "./empty-library";
import { libraryView, type DeckSort } from "./filter-decks";
import { ImportBox } from "./import-box";
import { LibraryToasts, useLibraryToasts } from "./library-toasts";
import { LibraryToolbar } from "./library-toolbar";
import { useDebounced } from "../use-debounced";
import { useDeckActions } from "./use-deck-actions";
import { useDeckImport } from "./use-deck-import";
import { useDeckList } from "./use-deck-list";

/** Long enough to skip the keystrokes of a word, short enough to feel immediate. */
const SEARCH_DEBOUNCE_MS = 200;

/** The search stays in the address, so Back from the editor returns to the same list. */
function useQueryInAddress(query: string) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (query.trim()) url.searchParams.set("q", query.trim());
    else url.searchParams.delete("q");
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
  }, [query]);
}

function LibrarySection({
  id,
  title,
  note,
  headingRef,
  children,
}: {
  id: string;
  title: string;
  note: string;
  headingRef?: RefObject<HTMLHeadingElement | null>;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h2 id={id} ref={headingRef} tabIndex={-1} className="text-2xl font-black text-slate-900">
          {title}
        </h2>
        <p className="text-base text-slate-600">{note}</p>
      </div>
      {children}
    </section>
  );
}

/** The instructor's decks and the built-in ones: search, import, host, edit, copy, export, delete. */
export function DeckLibrary({ initialQuery }: { initialQuery: string }) {
  const t = useTranslations("library");
  const common = useTranslations("common");
  const locale = useLocale();
  const toasts = useLibraryToasts();
  const list = useDeckList();
  const deps = { reload: list.reload, highlight: list.highlight, showNotice: toasts.showNotice };
  const actions = useDeckActions({ ...deps, showError: toasts.showError });
  const importer = useDeckImport(deps);
  const [query, setQuery] = useState(initialQuery);
  const [sort, setSort] = useState<DeckSort>("edited");
  const [hosting, setHosting] = useState<DeckSummary | null>(null);
  const ownHeading = useRef<HTMLHeadingElement>(null);
  const settledQuery = useDebounced(query, SEARCH_DEBOUNCE_MS).trim();
  useQueryInAddress(settledQuery);

  const view = list.state.status === "ready" ? libraryView(list.state.decks, settledQuery, sort, locale) : null;
  const row = (deck: DeckSummary) => (
    <DeckRow
      key={deck.id}
      deck={deck}
      highlighted={list.highlightId === deck.id}
      copying={actions.copyingId === deck.id}
      onHost={setHosting}
      onDuplicate={(d) => void actions.duplicate(d)}
      onDelete={actions.askDelete}
    />
  );
  const matches = view ? view.builtin.length + view.own.length : 0;

  return (
    <InstructorShell current="decks">
      <main className="mx-auto flex max-w-7xl flex-col gap-7 px-6 py-10">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="min-w-0">
            <h1 className="text-3xl font-black text-slate-900">{t("title")}</h1>
            <p className="mt-2 text-lg text-slate-600">{t("intro")}</p>
          </div>
          <Link
            href="/decks/new"
            className="inline-flex h-12 items-center gap-2 rounded-xl bg-indigo-700 px-6 text-lg font-extrabold text-white shadow-md hover:bg-indigo-800"
          >
            <PlusIcon className="size-5" />
            {t("newDeck")}
          </Link>
        </div>

        <ImportBox
          state={importer.state}
          onFile={(file) => void importer.importFile(file)}
          onClear={importer.clear}
          onFail={importer.fail}
        />

        <div className="flex flex-col gap-3">
          <LibraryToolbar query={query} onQuery={setQuery} sort={sort} onSort={setSort} />
          <p aria-live="polite" className="text-base font-semibold text-slate-700 empty:hidden">
            {view && settledQuery ? t("resultsFor", { count: matches, q: settledQuery }) : ""}
          </p>
        </div>

        {list.state.status === "loading" ? (
          <p role="status" className="animate-pulse text-lg text-slate-600">
            {common("loading")}
          </p>
        ) : null}
        {list.state.status === "error" ? (
          <div role="alert" className="flex flex-wrap items-center gap-4 rounded-xl bg-rose-50 px-4 py-3">
            <p className="text-lg font-semibold text-rose-800">{t("loadError")}</p>
            <button
              type="button"
              onClick={list.retry}
              className="rounded-lg bg-white px-4 py-1.5 text-base font-bold text-rose-900 ring-1 ring-rose-300 hover:bg-rose-100"
            >
              {t("retry")}
            </button>
          </div>
        ) : null}

        {view && view.builtin.length > 0 ? (
          <LibrarySection id="library-builtin" title={t("builtinTitle")} note={t("builtinIntro")}>
            <ul className="flex flex-col gap-4">{view.builtin.map(row)}</ul>
          </LibrarySection>
        ) : null}

        {view ? (
          <LibrarySection
            id="library-own"
            title={t("ownTitle")}
            note={t("ownCount", { count: view.ownTotal })}
            headingRef={ownHeading}
          >
            {view.ownTotal === 0 ? <EmptyLibrary /> : null}
            {view.ownTotal > 0 && view.own.length === 0 ? (
              <div className="flex flex-wrap items-center gap-4 rounded-2xl bg-white px-6 py-5 ring-1 ring-slate-200">
                <p className="text-lg text-slate-600">{t("noMatch", { q: settledQuery })}</p>
                <button
                  type="button"
                  onClick={() => setQuery("")}
                  className="rounded-lg px-3 py-1.5 text-lg font-bold text-indigo-800 underline underline-offset-4 hover:bg-indigo-50"
                >
                  {t("clearSearch")}
                </button>
              </div>
            ) : null}
            {view.own.length > 0 ? <ul className="flex flex-col gap-4">{view.own.map(row)}</ul> : null}
          </LibrarySection>
        ) : null}
      </main>

      <ConfirmDialog
        open={actions.toDelete !== null}
        title={t("deleteTitle")}
        body={
          actions.toDelete
            ? t("deleteBody", { title: actions.toDelete.title, count: actions.toDelete.questionCount })
            : ""
        }
        confirmLabel={t("deleteConfirm")}
        onCancel={actions.cancelDelete}
        // The deleted deck's button goes with it: the keyboard carries on from its list.
        onConfirm={() => void actions.confirmDelete().then(() => ownHeading.current?.focus())}
      />
      {hosting ? <HostOptionsDialog key={hosting.id} deck={hosting} onClose={() => setHosting(null)} /> : null}
      <LibraryToasts errors={toasts.errors} notices={toasts.notices} />
    </InstructorShell>
  );
}
