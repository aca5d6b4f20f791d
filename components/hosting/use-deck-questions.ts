"use client";

import { useEffect, useState } from "react";
import { fetchDeck } from "../library/deck-api";
import type { PickerQuestion } from "./question-picker";

export type DeckQuestions =
  { status: "loading" } | { status: "error" } | { status: "ready"; questions: PickerQuestion[] };

/** The deck's questions, fetched when the dialog opens (the summary carries only their count). */
export function useDeckQuestions(deckId: string) {
  const [state, setState] = useState<DeckQuestions>({ status: "loading" });
  useEffect(() => {
    let cancelled = false;
    fetchDeck(deckId).then(
      (deck) => {
        if (!cancelled) {
          setState({
            status: "ready",
            questions: deck.questions.map((q) => ({ text: q.text, timeLimitSec: q.timeLimitSec })),
          });
        }
      },
      () => {
        if (!cancelled) setState({ status: "error" });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [deckId]);
  return state;
}
