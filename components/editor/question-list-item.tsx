"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import { memo } from "react";
import { ClockIcon } from "../icons";
import type { DraftQuestion } from "./draft";
import { GripIcon, ImageIcon } from "./editor-icons";

/** The first words of a scenario, on one line. */
export function excerpt(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

interface ItemProps {
  question: DraftQuestion;
  number: number;
  selected: boolean;
  problems: number;
  readOnly: boolean;
  onSelect: (key: string) => void;
}

/** Drawn again only when its own question, place or marks change. */
export const QuestionListItem = memo(function QuestionListItem({
  question,
  number,
  selected,
  problems,
  readOnly,
  onSelect,
}: ItemProps) {
  const t = useTranslations("editor");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: question.key,
    disabled: readOnly,
  });
  const stem = excerpt(question.text, 90);
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`relative flex items-stretch rounded-xl bg-white ring-1 transition-shadow ${
        selected ? "ring-2 ring-indigo-600" : "ring-slate-200"
      } ${isDragging ? "z-10 shadow-xl" : "shadow-sm"}`}
    >
      {readOnly ? null : (
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={t("dragHandle", { number })}
          className="flex w-8 shrink-0 cursor-grab touch-none items-center justify-center rounded-l-xl text-slate-500 hover:bg-slate-100 hover:text-slate-800 active:cursor-grabbing"
        >
          <GripIcon className="size-5" />
        </button>
      )}
      <button
        type="button"
        onClick={() => onSelect(question.key)}
        aria-current={selected ? "true" : undefined}
        className={`flex min-w-0 flex-1 items-start gap-2.5 rounded-r-xl py-2.5 pr-3 text-left ${readOnly ? "rounded-l-xl pl-3" : "pl-1"} ${
          selected ? "bg-indigo-50" : "hover:bg-slate-50"
        }`}
      >
        <span
          className={`grid size-7 shrink-0 place-items-center rounded-full text-sm font-black tabular-nums ${
            selected ? "bg-indigo-700 text-white" : "bg-slate-200 text-slate-800"
          }`}
        >
          {number}
        </span>
        <span className="flex min-w-0 flex-1 flex-col gap-1">
          <span
            className={`line-clamp-2 text-sm leading-snug ${stem ? "font-semibold text-slate-900" : "text-slate-600 italic"}`}
          >
            {stem || t("untitled")}
          </span>
          <span className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs font-bold text-slate-600">
            <span>{t(`kindShort.${question.kind}`)}</span>
            <span className="inline-flex items-center gap-0.5 tabular-nums">
              <ClockIcon className="size-3.5" />
              {t("seconds", { seconds: question.timeLimit || "–" })}
            </span>
            {question.points !== "standard" ? (
              <span className={question.points === "double" ? "text-violet-800" : "text-sky-800"}>
                {t(`pointsShort.${question.points}`)}
              </span>
            ) : null}
            {question.imageUrl ? (
              <span className="inline-flex items-center">
                <ImageIcon className="size-3.5" />
                <span className="sr-only">{t("hasImage")}</span>
              </span>
            ) : null}
          </span>
        </span>
        {problems > 0 ? (
          <span className="shrink-0 rounded-full bg-rose-100 px-2 py-0.5 text-xs font-black text-rose-800 tabular-nums">
            <span aria-hidden="true">{problems}</span>
            <span className="sr-only">{t("problemCount", { count: problems })}</span>
          </span>
        ) : null}
      </button>
    </li>
  );
});
