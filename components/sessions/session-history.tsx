"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import type { SessionSummary } from "../../lib/reports";
import { ApiError, deleteSession, fetchSessions, type SessionPage } from "../api-client";
import { ConfirmDialog } from "../confirm-dialog";
import { InstructorShell, useSignInRedirect } from "../dashboard/instructor-shell";
import { ToastViewport, useToasts } from "../toast";
import { SessionTable } from "./session-table";
import { useReportFormat } from "./use-report-format";

export const HISTORY_PAGE_SIZE = 20;

type Loaded = { status: "loading" } | { status: "error" } | { status: "ready"; result: SessionPage };

function historyHref(q: string, page: number) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/sessions?${search}` : "/sessions";
}

function Pagination({ q, page, pages }: { q: string; page: number; pages: number }) {
  const t = useTranslations("sessions");
  const link =
    "inline-flex h-11 items-center rounded-xl px-4 text-base font-bold ring-1 ring-slate-300 bg-white text-indigo-800 hover:bg-indigo-50";
  const off = "inline-flex h-11 items-center rounded-xl px-4 text-base font-bold text-slate-500 ring-1 ring-slate-200";
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-center gap-3">
      {page > 1 ? (
        <Link href={historyHref(q, page - 1)} className={link} rel="prev">
          <span aria-hidden="true">←&nbsp;</span>
          {t("previous")}
        </Link>
      ) : (
        <span className={off} aria-disabled="true">
          <span aria-hidden="true">←&nbsp;</span>
          {t("previous")}
        </span>
      )}
      <p className="px-2 text-base font-semibold text-slate-700 tabular-nums" aria-current="page">
        {t("pageOf", { page, pages })}
      </p>
      {page < pages ? (
        <Link href={historyHref(q, page + 1)} className={link} rel="next">
          {t("next")}
          <span aria-hidden="true">&nbsp;→</span>
        </Link>
      ) : (
        <span className={off} aria-disabled="true">
          {t("next")}
          <span aria-hidden="true">&nbsp;→</span>
        </span>
      )}
    </nav>
  );
}

/** The instructor's sessions, newest first: searchable by deck title, paginated, each deletable. */
export function SessionHistory({ q, page }: { q: string; page: number }) {
  const t = useTranslations("sessions");
  const common = useTranslations("common");
  const router = useRouter();
  const redirect = useSignInRedirect();
  const f = useReportFormat();
  const searchId = useId();
  const { toasts, show, dismiss } = useToasts();
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [query, setQuery] = useState(q);
  const [reload, setReload] = useState(0);
  const [toDelete, setToDelete] = useState<SessionSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // A new search from the address (back, forward, Clear) refills the field.
  const [shownQ, setShownQ] = useState(q);
  if (shownQ !== q) {
    setShownQ(q);
    setQuery(q);
  }

  useEffect(() => {
    let cancelled = false;
    fetchSessions({ q: q || undefined, page, pageSize: HISTORY_PAGE_SIZE }).then(
      (result) => {
        if (cancelled) return;
        const pages = Math.max(1, Math.ceil(result.total / HISTORY_PAGE_SIZE));
        // A page past the end (after a delete, or an old link): show the last one.
        if (result.sessions.length === 0 && page > pages) router.replace(historyHref(q, pages));
        else setLoaded({ status: "ready", result });
      },
      async (error: unknown) => {
        if (cancelled || (await redirect(error))) return;
        setLoaded({ status: "error" });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [q, page, reload, redirect, router]);

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    router.push(historyHref(query.trim(), 1));
  }

  const confirmDelete = useCallback(async () => {
    const session = toDelete;
    setToDelete(null);
    if (!session) return;
    try {
      await deleteSession(session.id);
      setNotice(t("deleted", { title: session.deckTitle }));
      setReload((n) => n + 1);
    } catch (error) {
      if (await redirect(error)) return;
      show(error instanceof ApiError && error.code === "GAME_RUNNING" ? t("runningNoDelete") : t("deleteError"));
    }
  }, [toDelete, redirect, show, t]);

  const result = loaded.status === "ready" ? loaded.result : null;
  const pages = result ? Math.max(1, Math.ceil(result.total / HISTORY_PAGE_SIZE)) : 1;
  return (
    <InstructorShell current="sessions">
      <main className="mx-auto flex max-w-7xl flex-col gap-6 px-6 py-10">
        <div>
          <h1 className="text-3xl font-black text-slate-900">{t("title")}</h1>
          <p className="mt-2 text-lg text-slate-600">{t("intro")}</p>
        </div>

        <form role="search" onSubmit={search} className="flex flex-wrap items-end gap-3">
          <div className="flex min-w-0 flex-1 flex-col gap-1.5 sm:max-w-md">
            <label htmlFor={searchId} className="text-base font-bold text-slate-800">
              {t("searchLabel")}
            </label>
            <input
              id={searchId}
              type="search"
              value={query}
              maxLength={200}
              onChange={(event) => setQuery(event.target.value)}
              placeholder={t("searchPlaceholder")}
              className="h-12 rounded-xl border border-slate-400 bg-white px-4 text-lg text-slate-900 placeholder:text-slate-500 focus:border-indigo-600"
            />
          </div>
          <button
            type="submit"
            className="h-12 rounded-xl bg-indigo-700 px-6 text-lg font-extrabold text-white shadow-sm hover:bg-indigo-800"
          >
            {t("search")}
          </button>
          {q ? (
            <Link
              href="/sessions"
              className="flex h-12 items-center rounded-xl px-4 text-lg font-bold text-indigo-800 underline underline-offset-4 hover:bg-indigo-50"
            >
              {t("clearSearch")}
            </Link>
          ) : null}
        </form>

        <div aria-live="polite" className="flex flex-col gap-2">
          {notice ? (
            <p className="rounded-xl bg-emerald-50 px-4 py-3 text-lg font-semibold text-emerald-900 ring-1 ring-emerald-200">
              {notice}
            </p>
          ) : null}
          {result ? (
            <p className="text-base font-semibold text-slate-700">
              {q ? t("totalFor", { count: result.total, q }) : t("total", { count: result.total })}
            </p>
          ) : null}
        </div>

        {loaded.status === "loading" ? (
          <p role="status" className="animate-pulse text-lg text-slate-600">
            {common("loading")}
          </p>
        ) : null}
        {loaded.status === "error" ? (
          <p role="alert" className="rounded-xl bg-rose-50 px-4 py-3 text-lg font-semibold text-rose-800">
            {t("loadError")}
          </p>
        ) : null}
        {result && result.sessions.length === 0 ? (
          <p className="rounded-2xl bg-white px-6 py-5 text-lg text-slate-600 ring-1 ring-slate-200">
            {q ? t("noMatch", { q }) : t("empty")}
          </p>
        ) : null}
        {result && result.sessions.length > 0 ? (
          <>
            <SessionTable sessions={result.sessions} caption={t("title")} onDelete={setToDelete} />
            {pages > 1 ? <Pagination q={q} page={page} pages={pages} /> : null}
          </>
        ) : null}
      </main>
      <ConfirmDialog
        open={toDelete !== null}
        title={t("deleteTitle")}
        body={
          toDelete
            ? t("deleteBody", { title: toDelete.deckTitle, date: f.date(toDelete.startedAt ?? toDelete.createdAt) })
            : ""
        }
        confirmLabel={t("deleteConfirm")}
        onCancel={() => setToDelete(null)}
        onConfirm={() => void confirmDelete()}
      />
      <ToastViewport toasts={toasts} onDismiss={dismiss} />
    </InstructorShell>
  );
}
