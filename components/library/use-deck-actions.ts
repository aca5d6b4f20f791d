"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { DeckSummary } from "../../lib/deck";
import { ApiError } from "../api-client";
import { useSignInRedirect } from "../dashboard/instructor-shell";
import { deleteDeck, duplicateDeck } from "./deck-api";

interface DeckActionsDeps {
  reload: () => Promise<DeckSummary[] | null>;
  highlight: (id: string) => void;
  showNotice: (message: string) => void;
  showError: (message: string) => void;
}

/** Duplicate and delete (after a confirmation), each told with a toast and followed by a reload. */
export function useDeckActions({ reload, highlight, showNotice, showError }: DeckActionsDeps) {
  const t = useTranslations("library");
  const redirect = useSignInRedirect();
  /** The deck being copied: its button says so and does not take a second click. */
  const [copyingId, setCopyingId] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<DeckSummary | null>(null);

  const duplicate = useCallback(
    async (deck: DeckSummary) => {
      setCopyingId(deck.id);
      try {
        const id = await duplicateDeck(deck.id);
        const decks = await reload();
        highlight(id);
        const copy = decks?.find((d) => d.id === id);
        showNotice(t("duplicated", { title: copy?.title ?? deck.title }));
      } catch (error) {
        if (!(await redirect(error))) showError(t("duplicateError"));
      } finally {
        setCopyingId(null);
      }
    },
    [reload, highlight, showNotice, showError, redirect, t],
  );

  const confirmDelete = useCallback(async () => {
    const deck = toDelete;
    setToDelete(null);
    if (!deck) return;
    try {
      await deleteDeck(deck.id);
      showNotice(t("deleted", { title: deck.title }));
    } catch (error) {
      if (await redirect(error)) return;
      // Not found: deleted already (another tab); what the instructor wanted is true.
      if (error instanceof ApiError && error.status === 404) showNotice(t("deleted", { title: deck.title }));
      else showError(t("deleteError"));
    }
    // Also after a failure: a deck already gone elsewhere (404) leaves the list.
    await reload();
  }, [toDelete, reload, showNotice, showError, redirect, t]);

  return {
    copyingId,
    duplicate,
    toDelete,
    askDelete: setToDelete,
    cancelDelete: useCallback(() => setToDelete(null), []),
    confirmDelete,
  };
}
