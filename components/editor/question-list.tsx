"use client";

// The deck's questions in order. Reordered by dragging a handle, or from the
// keyboard (focus a handle, Space to pick up, arrows to move, Space to drop,
// Escape to cancel), each step announced in the interface's language.
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type Modifier,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { DECK_LIMITS } from "../../lib/deck";
import { PlusIcon } from "./editor-icons";
import { QuestionListItem, excerpt } from "./question-list-item";
import type { DeckEditorModel } from "./use-deck-editor";

/** Questions move up and down only. */
const verticalOnly: Modifier = ({ transform }) => ({ ...transform, x: 0 });
const MODIFIERS = [verticalOnly];

export function QuestionList({ editor, readOnly }: { editor: DeckEditorModel; readOnly: boolean }) {
  const t = useTranslations("editor");
  const { draft, selectedKey } = editor.state;
  const { dispatch } = editor;
  // The order only, so typing in a question leaves the sortable list alone
  // (a 500-question deck re-renders one item per keystroke, not 500).
  const order = draft.questions.map((q) => q.key).join(" ");
  const keys = useMemo(() => order.split(" "), [order]);
  const questions = useRef(draft.questions);
  useEffect(() => {
    questions.current = draft.questions;
  });
  const select = useCallback((key: string) => dispatch({ type: "select", key }), [dispatch]);
  const sensors = useSensors(
    // A small move before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  // dnd-kit reports the item over its own place as a drag starts: not news, and
  // it would talk over "picked up". Said only once the item has moved.
  const leftHome = useRef(false);
  const accessibility = useMemo(() => {
    const count = keys.length;
    const position = (id: UniqueIdentifier | undefined) => keys.indexOf(String(id)) + 1;
    const textOf = (id: UniqueIdentifier) => excerpt(questions.current.find((q) => q.key === id)?.text ?? "", 60);
    const announcements: Announcements = {
      onDragStart: ({ active }) => {
        leftHome.current = false;
        return t("dnd.pickedUp", { number: position(active.id), count, text: textOf(active.id) || t("untitled") });
      },
      onDragOver: ({ active, over }) => {
        if (!over || (!leftHome.current && over.id === active.id)) return undefined;
        leftHome.current = true;
        return t("dnd.over", { number: position(active.id), position: position(over.id), count });
      },
      onDragEnd: ({ active, over }) =>
        over
          ? t("dnd.dropped", { number: position(active.id), position: position(over.id), count })
          : t("dnd.cancelled", { number: position(active.id) }),
      onDragCancel: ({ active }) => t("dnd.cancelled", { number: position(active.id) }),
    };
    return { announcements, screenReaderInstructions: { draggable: t("dnd.instructions") } };
  }, [keys, t]);

  const onDragEnd = useCallback(
    ({ active, over }: DragEndEvent) => {
      if (!over || active.id === over.id) return;
      dispatch({ type: "move", from: keys.indexOf(String(active.id)), to: keys.indexOf(String(over.id)) });
    },
    [dispatch, keys],
  );

  return (
    <section aria-labelledby="question-list-title" className="flex min-h-0 flex-col gap-3">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="question-list-title" className="text-lg font-black text-slate-900">
          {t("questionsSection")}
        </h2>
        <p className="text-sm font-bold text-slate-600 tabular-nums">
          {t("questionCount", { count: draft.questions.length })}
        </p>
      </div>
      <DndContext
        id="question-list"
        sensors={sensors}
        collisionDetection={closestCenter}
        modifiers={MODIFIERS}
        accessibility={accessibility}
        onDragEnd={onDragEnd}
      >
        <SortableContext items={keys} strategy={verticalListSortingStrategy} disabled={readOnly}>
          <ol className="flex flex-col gap-2">
            {draft.questions.map((question, index) => (
              <QuestionListItem
                key={question.key}
                question={question}
                number={index + 1}
                selected={question.key === selectedKey}
                problems={editor.problemCount(question.key)}
                readOnly={readOnly}
                onSelect={select}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {readOnly ? null : (
        <button
          type="button"
          onClick={() => dispatch({ type: "add", afterKey: null })}
          disabled={draft.questions.length >= DECK_LIMITS.questions}
          className="flex h-12 items-center justify-center gap-2 rounded-xl border-2 border-dashed border-indigo-300 bg-white text-base font-extrabold text-indigo-800 hover:border-indigo-500 hover:bg-indigo-50 disabled:cursor-not-allowed disabled:opacity-60"
        >
          <PlusIcon className="size-5" />
          {t("addQuestion")}
        </button>
      )}
    </section>
  );
}
