"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { useModalDialog } from "./use-modal-dialog";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal <dialog>: Escape and Cancel close it; focus starts on Cancel. */
export function ConfirmDialog({ open, title, body, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const t = useTranslations("common");
  const modal = useModalDialog(open, onCancel);
  // Own ids: a page may hold several dialogs (the projector: end the game, remove a player).
  const titleId = useId();

  return (
    <dialog
      {...modal}
      aria-labelledby={titleId}
      className="m-auto w-[min(90vw,40rem)] rounded-3xl bg-white p-8 text-slate-900 shadow-2xl backdrop:bg-indigo-950/70"
    >
      <h2 id={titleId} className="text-3xl font-black">
        {title}
      </h2>
      <p className="mt-4 text-xl text-slate-700">{body}</p>
      <div className="mt-8 flex justify-end gap-4">
        <button
          type="button"
          autoFocus
          onClick={onCancel}
          className="rounded-xl bg-slate-200 px-6 py-3 text-xl font-bold text-slate-900 hover:bg-slate-300"
        >
          {t("cancel")}
        </button>
        <button
          type="button"
          onClick={onConfirm}
          className="rounded-xl bg-rose-700 px-6 py-3 text-xl font-bold text-white hover:bg-rose-800"
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
