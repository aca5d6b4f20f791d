"use client";

// /decks/new and /decks/<id>: loads the deck (a signed-out visitor goes to
// sign-in), then hands it to the editor; a built-in deck opens read-only.
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { StoredDeck } from "../../lib/deck";
import { ApiError } from "../api-client";
import { InstructorShell, useSignInRedirect } from "../dashboard/instructor-shell";
import { DeckEditor } from "./deck-editor";
import { blankDeck, draftFromStored } from "./draft";
import { fetchDeck } from "./editor-api";

type Loaded =
  { status: "loading" } | { status: "missing" } | { status: "error" } | { status: "ready"; deck: StoredDeck };

function useStoredDeck(id: string | null): Loaded {
  const redirect = useSignInRedirect();
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  useEffect(() => {
    if (id === null) return;
    let cancelled = false;
    fetchDeck(id).then(
      (deck) => {
        if (!cancelled) setLoaded({ status: "ready", deck });
      },
      async (error: unknown) => {
        if (cancelled || (await redirect(error))) return;
        setLoaded({ status: error instanceof ApiError && error.status === 404 ? "missing" : "error" });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id, redirect]);
  return loaded;
}

function Notice({ tone, text }: { tone: "status" | "alert"; text: string }) {
  const t = useTranslations("editor");
  return (
    <main className="mx-auto flex max-w-3xl flex-col items-start gap-5 px-6 py-16">
      {tone === "status" ? (
        <p role="status" className="animate-pulse text-lg text-slate-600">
          {text}
        </p>
      ) : (
        <p role="alert" className="rounded-xl bg-rose-50 px-4 py-3 text-lg font-semibold text-rose-800">
          {text}
        </p>
      )}
      {tone === "alert" ? (
        <Link
          href="/decks"
          className="rounded-lg text-lg font-bold text-indigo-800 underline decoration-2 underline-offset-4 hover:text-indigo-950"
        >
          <span aria-hidden="true">← </span>
          {t("backToDecks")}
        </Link>
      ) : null}
    </main>
  );
}

export function DeckEditorPage({ id }: { id: string | null }) {
  const t = useTranslations("editor");
  const common = useTranslations("common");
  const locale = useLocale();
  const loaded = useStoredDeck(id);

  let content;
  if (id === null) {
    // A new deck starts in the interface's language, with one empty question.
    content = <DeckEditor key="new" deckId={null} initial={blankDeck(locale)} builtin={false} />;
  } else if (loaded.status === "ready") {
    content = <DeckEditor key={id} deckId={id} initial={draftFromStored(loaded.deck)} builtin={loaded.deck.builtin} />;
  } else if (loaded.status === "loading") {
    content = <Notice tone="status" text={common("loading")} />;
  } else {
    content = <Notice tone="alert" text={loaded.status === "missing" ? t("notFound") : t("loadError")} />;
  }
  return <InstructorShell current="decks">{content}</InstructorShell>;
}
