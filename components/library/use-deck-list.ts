"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { DeckSummary } from "../../lib/deck";
import { useSignInRedirect } from "../dashboard/instructor-shell";
import { listDecks } from "./deck-api";

export type DeckListState = { status: "loading" } | { status: "error" } | { status: "ready"; decks: DeckSummary[] };

/** How long a deck that just arrived (imported, copied) stays marked as new. */
const HIGHLIGHT_MS = 8000;

/**
 * The decks the instructor sees, reloaded after each change (the server is the
 * one source of truth: counts, dates and order come from it); a 401 goes to sign-in.
 */
export function useDeckList() {
  const redirect = useSignInRedirect();
  const [state, setState] = useState<DeckListState>({ status: "loading" });
  const [highlightId, setHighlightId] = useState<string | null>(null);
  /** Bumped by Retry: the first load runs again. */
  const [attempt, setAttempt] = useState(0);
  const mounted = useRef(true);
  const highlightTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const fail = useCallback(
    async (error: unknown) => {
      if (!mounted.current || (await redirect(error))) return;
      // A failed refresh keeps the list already shown; only a first load shows the error.
      setState((previous) => (previous.status === "ready" ? previous : { status: "error" }));
    },
    [redirect],
  );

  /** After a change: resolves with the new list, or null when it could not be loaded. */
  const reload = useCallback(async (): Promise<DeckSummary[] | null> => {
    try {
      const decks = await listDecks();
      if (mounted.current) setState({ status: "ready", decks });
      return decks;
    } catch (error) {
      await fail(error);
      return null;
    }
  }, [fail]);

  useEffect(() => {
    mounted.current = true;
    listDecks().then((decks) => {
      if (mounted.current) setState({ status: "ready", decks });
    }, fail);
    return () => {
      mounted.current = false;
    };
  }, [fail, attempt]);

  useEffect(
    () => () => {
      if (highlightTimer.current) clearTimeout(highlightTimer.current);
    },
    [],
  );

  const highlight = useCallback((id: string) => {
    setHighlightId(id);
    if (highlightTimer.current) clearTimeout(highlightTimer.current);
    highlightTimer.current = setTimeout(() => setHighlightId(null), HIGHLIGHT_MS);
  }, []);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  return { state, reload, retry, highlightId, highlight };
}
