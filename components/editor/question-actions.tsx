"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { DECK_LIMITS } from "../../lib/deck";
import { ArrowDownIcon, ArrowUpIcon, CopyIcon, TrashIcon } from "./editor-icons";

interface QuestionActionsProps {
  number: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

function Action({
  label,
  onClick,
  disabled,
  tone = "plain",
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  tone?: "plain" | "danger";
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      className={`inline-flex h-10 items-center gap-1.5 rounded-xl px-3 text-sm font-bold ring-1 disabled:cursor-not-allowed disabled:opacity-40 ${
        tone === "danger"
          ? "bg-white text-rose-800 ring-rose-200 hover:bg-rose-50"
          : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-100"
      }`}
    >
      {children}
      {label}
    </button>
  );
}

/** Move, duplicate and delete the selected question; the buttons say why they are off. */
export function QuestionActions({ number, count, onMove, onDuplicate, onDelete }: QuestionActionsProps) {
  const t = useTranslations("editor");
  return (
    <div role="group" aria-label={t("questionActions", { number })} className="flex flex-wrap gap-2">
      <Action label={t("moveUp")} onClick={() => onMove(-1)} disabled={number <= 1}>
        <ArrowUpIcon className="size-4" />
      </Action>
      <Action label={t("moveDown")} onClick={() => onMove(1)} disabled={number >= count}>
        <ArrowDownIcon className="size-4" />
      </Action>
      <Action label={t("duplicate")} onClick={onDuplicate} disabled={count >= DECK_LIMITS.questions}>
        <CopyIcon className="size-4" />
      </Action>
      <Action label={t("delete")} onClick={onDelete} disabled={count <= 1} tone="danger">
        <TrashIcon className="size-4" />
      </Action>
    </div>
  );
}
