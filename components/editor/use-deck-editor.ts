"use client";

// The editor's state: the draft, which fields have problems (the server's own
// schema, so Save never sends what the server would refuse), which of those to
// show yet, whether anything is unsaved, and saving. Pages only render it.
import { useCallback, useDeferredValue, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useSignInRedirect } from "../dashboard/instructor-shell";
import { toDeckInput, type DraftDeck } from "./draft";
import { editorReducer, initialEditorState } from "./draft-reducer";
import { DeckApiError, createDeck, updateDeck } from "./editor-api";
import { findProblems, placeServerProblems, type Problem, type ProblemText } from "./problems";

export type SaveStatus =
  | { state: "idle" }
  | { state: "saving" }
  | { state: "saved"; at: number }
  | { state: "failed"; code: string; message: string };

const snapshotOf = (draft: DraftDeck) => JSON.stringify(toDeckInput(draft));

/** Focuses a field, or the first control inside a field group. */
function focusField(id: string) {
  const element = document.getElementById(id);
  if (!element) return false;
  const target = element.matches("input, textarea, select, button")
    ? element
    : element.querySelector<HTMLElement>("input:not([disabled]), textarea, select, button:not([disabled])");
  (target ?? element).focus({ preventScroll: true });
  element.scrollIntoView({ block: "center", behavior: "smooth" });
  return true;
}

export function useDeckEditor(initial: { id: string | null; draft: DraftDeck }) {
  const redirect = useSignInRedirect();
  const [state, dispatch] = useReducer(editorReducer, initial.draft, initialEditorState);
  const [deckId, setDeckId] = useState(initial.id);
  const [baseline, setBaseline] = useState(() => snapshotOf(initial.draft));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const [status, setStatus] = useState<SaveStatus>({ state: "idle" });
  // The server's word on the draft it was sent; any edit makes it stale.
  const [serverProblems, setServerProblems] = useState<{ draft: DraftDeck; problems: Problem[] } | null>(null);
  const pendingFocus = useRef<string | null>(null);

  // Typing stays quick on a 500-question deck: checks run on a deferred copy.
  const deferred = useDeferredValue(state.draft);
  const problems = useMemo(() => {
    const own = findProblems(deferred);
    const server = serverProblems?.draft === deferred ? serverProblems.problems : [];
    const fields = new Set(own.map((p) => p.field));
    return [...own, ...server.filter((p) => !fields.has(p.field))].sort((a, b) => a.order - b.order);
  }, [deferred, serverProblems]);
  const dirty = useMemo(() => snapshotOf(deferred) !== baseline, [deferred, baseline]);

  const byField = useMemo(() => new Map(problems.map((p) => [p.field, p])), [problems]);
  const errorFor = useCallback(
    (field: string): ProblemText | null => {
      const problem = byField.get(field);
      return problem && (attempted || touched.has(field)) ? problem.text : null;
    },
    [byField, attempted, touched],
  );
  const touch = useCallback((field: string) => {
    setTouched((set) => (set.has(field) ? set : new Set(set).add(field)));
  }, []);
  /** Problems per question, for the list; shown like the fields' own. */
  const problemCount = useCallback(
    (key: string) => problems.filter((p) => p.questionKey === key && (attempted || touched.has(p.field))).length,
    [problems, attempted, touched],
  );

  const goTo = useCallback((problem: Problem) => {
    if (focusField(problem.field)) return;
    // Another question's field: select it, and focus once it is drawn.
    pendingFocus.current = problem.field;
    if (problem.questionKey) dispatch({ type: "select", key: problem.questionKey });
  }, []);

  // After the render that shows the chosen question, its field exists to focus.
  useEffect(() => {
    const id = pendingFocus.current;
    if (id && focusField(id)) pendingFocus.current = null;
  });

  const save = useCallback(async () => {
    if (status.state === "saving") return;
    const draft = state.draft;
    const found = findProblems(draft);
    const first = found[0];
    if (first) {
      setAttempted(true);
      goTo(first);
      return;
    }
    const body = toDeckInput(draft);
    setStatus({ state: "saving" });
    try {
      if (deckId) {
        await updateDeck(deckId, body);
      } else {
        const { id } = await createDeck(body);
        setDeckId(id);
        // The address becomes the deck's own without remounting the editor (Next's
        // router follows history.replaceState), so the selection and focus stay.
        window.history.replaceState(null, "", `/decks/${encodeURIComponent(id)}`);
      }
      setBaseline(JSON.stringify(body));
      setStatus({ state: "saved", at: Date.now() });
    } catch (error) {
      if (await redirect(error)) return;
      const code = error instanceof DeckApiError ? error.code : "UNKNOWN";
      const message = error instanceof Error ? error.message : "";
      if (error instanceof DeckApiError && error.details.length > 0) {
        const placed = placeServerProblems(error.details, draft);
        setServerProblems({ draft, problems: placed });
        setAttempted(true);
        if (placed[0]) goTo(placed[0]);
      }
      setStatus({ state: "failed", code, message });
    }
  }, [status.state, state.draft, deckId, goTo, redirect]);

  return {
    state,
    dispatch,
    deckId,
    problems,
    errorFor,
    touch,
    problemCount,
    goTo,
    dirty,
    status,
    save,
    /** Problems outside any field (a deck-level rule the server added). */
    deckProblems: problems.filter((p) => p.field === "deck-questions"),
  };
}

export type DeckEditorModel = ReturnType<typeof useDeckEditor>;
