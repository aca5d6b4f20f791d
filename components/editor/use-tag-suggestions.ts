"use client";

import { useEffect, useMemo, useState } from "react";
import type { DraftDeck } from "./draft";
import { fetchTagSuggestions } from "./editor-api";

/**
 * Tags to offer: this deck's own first (a topic usually spans several
 * questions), then the instructor's other decks'. Fetched once per deck; a
 * failure only means fewer suggestions.
 */
export function useTagSuggestions(deckId: string | null, draft: DraftDeck): string[] {
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  useEffect(() => {
    let cancelled = false;
    fetchTagSuggestions(deckId).then(
      (tags) => {
        if (!cancelled) setElsewhere(tags);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [deckId]);
  return useMemo(
    () => [...new Set([...draft.questions.flatMap((q) => q.tags), ...elsewhere])],
    [draft.questions, elsewhere],
  );
}
