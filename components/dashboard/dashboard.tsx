"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import type { DeckSummary } from "../../lib/deck";
import type { RunningGame, SessionSummary } from "../../lib/reports";
import { fetchRunningGames, fetchSessions } from "../api-client";
import { DeckCard } from "../deck-card";
import { HostOptionsDialog } from "../hosting/host-options-dialog";
import { listDecks } from "../library/deck-api";
import { SessionTable } from "../sessions/session-table";
import { InstructorShell, useSignInRedirect } from "./instructor-shell";
import { RunningGameCard } from "./running-game-card";

const LATEST_SESSIONS = 5;

type Section<T> = { status: "loading" } | { status: "error" } | { status: "ready"; data: T };

/** Loads one part of the dashboard; a 401 anywhere goes to sign-in. */
function useSection<T>(load: () => Promise<T>): Section<T> {
  const redirect = useSignInRedirect();
  const [section, setSection] = useState<Section<T>>({ status: "loading" });
  useEffect(() => {
    let cancelled = false;
    load().then(
      (data) => {
        if (!cancelled) setSection({ status: "ready", data });
      },
      async (error: unknown) => {
        if (cancelled || (await redirect(error))) return;
        setSection({ status: "error" });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [load, redirect]);
  return section;
}

const loadRunning = () => fetchRunningGames();
const loadDecks = () => listDecks();
const loadLatest = () => fetchSessions({ page: 1, pageSize: LATEST_SESSIONS });

function SectionState({ section, errorText }: { section: Section<unknown>; errorText: string }) {
  const common = useTranslations("common");
  if (section.status === "loading") {
    return (
      <p role="status" className="animate-pulse text-lg text-slate-600">
        {common("loading")}
      </p>
    );
  }
  if (section.status === "error") {
    return (
      <p role="alert" className="rounded-xl bg-rose-50 px-4 py-3 text-lg font-semibold text-rose-800">
        {errorText}
      </p>
    );
  }
  return null;
}

function DashboardSection({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id={id} className="text-2xl font-black text-slate-900">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

/** The instructor's home: running games to resume, decks to host, the latest sessions. */
export function Dashboard() {
  const t = useTranslations("dashboard");
  const decksT = useTranslations("decks");
  const sessionsT = useTranslations("sessions");
  const library = useTranslations("library");
  const running = useSection<RunningGame[]>(loadRunning);
  const decks = useSection<DeckSummary[]>(loadDecks);
  const latest = useSection<{ sessions: SessionSummary[]; total: number }>(loadLatest);
  const [hosting, setHosting] = useState<DeckSummary | null>(null);

  const runningGames = running.status === "ready" ? running.data : [];
  return (
    <InstructorShell current="dashboard">
      <main className="mx-auto flex max-w-7xl flex-col gap-12 px-6 py-10">
        <div>
          <h1 className="text-3xl font-black text-slate-900">{t("title")}</h1>
          <p className="mt-2 text-lg text-slate-600">{t("intro")}</p>
        </div>

        {running.status === "error" ? <SectionState section={running} errorText={t("runningError")} /> : null}
        {runningGames.length > 0 ? (
          <DashboardSection id="running-title" title={t("runningTitle")}>
            <p className="-mt-2 text-base text-slate-600">{t("runningIntro")}</p>
            <ul className="flex flex-col gap-4">
              {runningGames.map((game) => (
                <RunningGameCard key={game.id} game={game} />
              ))}
            </ul>
          </DashboardSection>
        ) : null}

        <DashboardSection
          id="decks-title"
          title={t("decksTitle")}
          action={
            <Link
              href="/decks"
              className="rounded-lg text-lg font-bold text-indigo-800 underline decoration-2 underline-offset-4 hover:text-indigo-950"
            >
              {library("manageDecks")}
              <span aria-hidden="true"> →</span>
            </Link>
          }
        >
          <SectionState section={decks} errorText={decksT("loadError")} />
          {decks.status === "ready" && decks.data.length === 0 ? (
            <p className="text-lg text-slate-600">{decksT("empty")}</p>
          ) : null}
          {decks.status === "ready" && decks.data.length > 0 ? (
            <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
              {decks.data.map((deck) => (
                <DeckCard key={deck.id} deck={deck} onHost={() => setHosting(deck)} />
              ))}
            </ul>
          ) : null}
        </DashboardSection>

        <DashboardSection
          id="latest-title"
          title={t("latestTitle")}
          action={
            <Link
              href="/sessions"
              className="rounded-lg text-lg font-bold text-indigo-800 underline decoration-2 underline-offset-4 hover:text-indigo-950"
            >
              {latest.status === "ready" && latest.data.total > 0
                ? t("allSessionsCount", { count: latest.data.total })
                : t("allSessions")}
              <span aria-hidden="true"> →</span>
            </Link>
          }
        >
          <SectionState section={latest} errorText={sessionsT("loadError")} />
          {latest.status === "ready" && latest.data.sessions.length === 0 ? (
            <p className="rounded-2xl bg-white px-6 py-5 text-lg text-slate-600 ring-1 ring-slate-200">
              {sessionsT("empty")}
            </p>
          ) : null}
          {latest.status === "ready" && latest.data.sessions.length > 0 ? (
            <SessionTable sessions={latest.data.sessions} caption={t("latestCaption")} />
          ) : null}
        </DashboardSection>
      </main>
      {hosting ? <HostOptionsDialog key={hosting.id} deck={hosting} onClose={() => setHosting(null)} /> : null}
    </InstructorShell>
  );
}
