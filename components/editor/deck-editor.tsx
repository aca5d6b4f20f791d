"use client";

// The editor's layout: the deck and its questions on the left, the selected
// question in the middle, its preview on the right (below, on narrow screens).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ConfirmDialog } from "../confirm-dialog";
import { useSignInRedirect } from "../dashboard/instructor-shell";
import { ToastViewport, useToasts } from "../toast";
import { DeckFields } from "./deck-fields";
import { isBlank, type DraftDeck } from "./draft";
import { duplicateDeck } from "./editor-api";
import { EditorToolbar } from "./editor-toolbar";
import { useProblemText } from "./fields";
import { QuestionForm } from "./question-form";
import { QuestionList } from "./question-list";
import { QuestionPreview } from "./question-preview";
import { useDeckEditor } from "./use-deck-editor";
import { useLeaveGuard } from "./use-leave-guard";
import { useTagSuggestions } from "./use-tag-suggestions";

interface DeckEditorProps {
  deckId: string | null;
  initial: DraftDeck;
  builtin: boolean;
}

export function DeckEditor({ deckId, initial, builtin }: DeckEditorProps) {
  const t = useTranslations("editor");
  const router = useRouter();
  const redirect = useSignInRedirect();
  const { toasts, show, dismiss } = useToasts();
  const problemText = useProblemText();
  const editor = useDeckEditor({ id: deckId, draft: initial });
  const { draft, selectedKey } = editor.state;
  const readOnly = builtin;
  const leave = useLeaveGuard(!readOnly && editor.dirty);
  const tags = useTagSuggestions(editor.deckId, draft);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [duplicating, setDuplicating] = useState(false);

  const index = Math.max(
    0,
    draft.questions.findIndex((q) => q.key === selectedKey),
  );
  const question = draft.questions[index];

  // Ctrl+S / Cmd+S saves here rather than saving the web page.
  const { save } = editor;
  useEffect(() => {
    if (readOnly) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [readOnly, save]);

  async function duplicate() {
    if (!deckId) return;
    setDuplicating(true);
    try {
      const copy = await duplicateDeck(deckId);
      router.push(`/decks/${encodeURIComponent(copy.id)}`);
    } catch (error) {
      setDuplicating(false);
      if (!(await redirect(error))) show(t("duplicateFailed"));
    }
  }

  function askDelete(key: string) {
    const target = draft.questions.find((q) => q.key === key);
    if (target && isBlank(target)) editor.dispatch({ type: "remove", key });
    else setDeleting(key);
  }

  const dialog = leave.pending
    ? {
        title: t("leaveTitle"),
        body: t("leaveBody"),
        confirmLabel: t("leaveConfirm"),
        onConfirm: leave.leave,
        onCancel: leave.stay,
      }
    : deleting
      ? {
          title: t("deleteTitle", { number: draft.questions.findIndex((q) => q.key === deleting) + 1 }),
          body: t("deleteBody"),
          confirmLabel: t("deleteConfirm"),
          onConfirm: () => {
            editor.dispatch({ type: "remove", key: deleting });
            setDeleting(null);
          },
          onCancel: () => setDeleting(null),
        }
      : null;

  return (
    <>
      <EditorToolbar
        title={draft.title}
        lang={draft.language}
        isNew={editor.deckId === null}
        readOnly={readOnly}
        dirty={editor.dirty}
        status={editor.status}
        problemCount={readOnly ? 0 : editor.problems.length}
        duplicating={duplicating}
        onSave={() => void editor.save()}
        onDuplicate={() => void duplicate()}
      />
      {readOnly ? (
        <div className="mx-auto mt-6 max-w-[120rem] px-6">
          <p
            role="note"
            className="rounded-2xl bg-amber-50 px-5 py-4 text-base font-semibold text-amber-950 ring-1 ring-amber-300"
          >
            {t("builtinNote")}
          </p>
        </div>
      ) : null}
      {editor.deckProblems.length > 0 ? (
        <p role="alert" className="mx-auto mt-6 max-w-[120rem] px-6 text-base font-semibold text-rose-800">
          {editor.deckProblems.map((p) => problemText(p.text)).join(" ")}
        </p>
      ) : null}
      <main className="mx-auto grid max-w-[120rem] items-start gap-6 px-6 py-6 lg:grid-cols-[17rem_minmax(0,1fr)_21rem] xl:grid-cols-[18rem_minmax(0,1fr)_24rem] 2xl:grid-cols-[21rem_minmax(0,1fr)_36rem]">
        <div className="flex flex-col gap-5 lg:sticky lg:top-24 lg:max-h-[calc(100dvh-7rem)] lg:overflow-y-auto lg:p-1 lg:-m-1">
          <DeckFields editor={editor} readOnly={readOnly} />
          <QuestionList editor={editor} readOnly={readOnly} />
        </div>
        {question ? (
          <QuestionForm
            key={question.key}
            editor={editor}
            question={question}
            number={index + 1}
            readOnly={readOnly}
            tagSuggestions={tags}
            onDelete={() => askDelete(question.key)}
          />
        ) : null}
        {question ? (
          <div className="lg:sticky lg:top-24 lg:max-h-[calc(100dvh-7rem)] lg:overflow-y-auto">
            <QuestionPreview
              question={question}
              index={index}
              count={draft.questions.length}
              deckTitle={draft.title}
              language={draft.language}
            />
          </div>
        ) : null}
      </main>
      <ConfirmDialog
        open={dialog !== null}
        title={dialog?.title ?? ""}
        body={dialog?.body ?? ""}
        confirmLabel={dialog?.confirmLabel ?? ""}
        onConfirm={dialog?.onConfirm ?? (() => undefined)}
        onCancel={dialog?.onCancel ?? (() => undefined)}
      />
      <ToastViewport toasts={toasts} onDismiss={dismiss} />
    </>
  );
}
