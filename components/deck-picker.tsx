"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ApiError, fetchDecks, fetchMe, fetchSetupNeeded, signOut, type DeckSummary, type Me } from "./api-client";
import { createGame } from "./create-game";
import { DeckCard } from "./deck-card";
import { LanguageSwitch } from "./language-switch";
import { ToastViewport, useToasts } from "./toast";
import { useErrorMessage } from "./use-error-message";

type Loaded = { status: "loading" } | { status: "error" } | { status: "ready"; me: Me; decks: DeckSummary[] };

/** The signed-in instructor's decks, each with a Host button. */
export function DeckPicker() {
  const t = useTranslations("decks");
  const common = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const { toasts, show, dismiss } = useToasts();
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [opening, setOpening] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    Promise.all([fetchMe(), fetchDecks()]).then(
      ([me, decks]) => {
        if (!cancelled) setLoaded({ status: "ready", me, decks });
      },
      async (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 401) {
          const needed = await fetchSetupNeeded().catch(() => false);
          router.replace(needed ? "/setup" : "/sign-in");
        } else setLoaded({ status: "error" });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [router]);

  async function host(deck: DeckSummary) {
    setOpening(deck.id);
    const result = await createGame(deck.id, locale);
    if (result.ok) {
      router.push(`/host/${result.gameId}`);
      return;
    }
    setOpening(null);
    if (result.error.code === "FORBIDDEN") router.replace("/sign-in");
    else show(errorMessage(result.error));
  }

  async function leave() {
    await signOut().catch(() => undefined);
    router.replace("/sign-in");
  }

  return (
    <div className="min-h-dvh bg-slate-100">
      <header className="stage-backdrop text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-6 py-4">
          <Link href="/" className="flex items-center gap-2 rounded-lg text-xl font-black">
            <span className="rounded-lg bg-amber-400 px-2 py-0.5 text-indigo-950" aria-hidden="true">
              Q
            </span>
            {common("appName")}
          </Link>
          <div className="ml-auto flex flex-wrap items-center gap-4">
            {loaded.status === "ready" ? (
              <p className="text-sm font-semibold text-indigo-100">
                {t("signedInAs", { name: loaded.me.name || loaded.me.email })}
              </p>
            ) : null}
            <LanguageSwitch tone="dark" />
            <button
              type="button"
              onClick={() => void leave()}
              className="rounded-full bg-white/10 px-4 py-1.5 text-sm font-bold ring-1 ring-white/30 hover:bg-white/20"
            >
              {t("signOut")}
            </button>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-6 py-10">
        <h1 className="text-3xl font-black text-slate-900">{t("title")}</h1>
        {loaded.status === "loading" ? (
          <p role="status" className="mt-8 animate-pulse text-lg text-slate-600">
            {common("loading")}
          </p>
        ) : null}
        {loaded.status === "error" ? (
          <p role="alert" className="mt-8 rounded-xl bg-rose-50 px-4 py-3 text-lg font-semibold text-rose-800">
            {t("loadError")}
          </p>
        ) : null}
        {loaded.status === "ready" && loaded.decks.length === 0 ? (
          <p className="mt-8 text-lg text-slate-600">{t("empty")}</p>
        ) : null}
        {loaded.status === "ready" && loaded.decks.length > 0 ? (
          <ul className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {loaded.decks.map((deck) => (
              <DeckCard
                key={deck.id}
                deck={deck}
                opening={opening === deck.id}
                disabled={opening !== null}
                onHost={() => void host(deck)}
              />
            ))}
          </ul>
        ) : null}
      </main>
      <ToastViewport toasts={toasts} onDismiss={dismiss} />
    </div>
  );
}
