"use client";

import { useTranslations } from "next-intl";
import { CheckIcon } from "../icons";
import { useToasts, type Toast } from "../toast";

/**
 * Errors and confirmations, each a self-dismissing queue. The shared toast is
 * an error's red; a deck that was imported or copied is good news, told politely
 * in green so it is not read as a failure.
 */
export function useLibraryToasts() {
  const errors = useToasts();
  const notices = useToasts();
  return { errors, notices, showError: errors.show, showNotice: notices.show };
}

type Queue = ReturnType<typeof useToasts>;

function ToastItem({ toast, tone, onDismiss }: { toast: Toast; tone: "error" | "success"; onDismiss: () => void }) {
  const t = useTranslations("common");
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`animate-pop-in pointer-events-auto flex max-w-xl items-start gap-3 rounded-2xl px-5 py-4 text-lg font-semibold text-white shadow-2xl ring-2 ring-white/30 ${
        tone === "error" ? "bg-rose-700" : "bg-emerald-800"
      }`}
    >
      {tone === "success" ? <CheckIcon className="mt-1 size-5" /> : null}
      <span className="min-w-0 flex-1">{toast.message}</span>
      <button
        type="button"
        onClick={onDismiss}
        className="-m-1 rounded-lg px-2 text-2xl leading-none text-white/90 hover:bg-white/15"
        aria-label={t("dismiss")}
      >
        ×
      </button>
    </div>
  );
}

export function LibraryToasts({ errors, notices }: { errors: Queue; notices: Queue }) {
  const t = useTranslations("common");
  return (
    <section
      aria-label={t("notifications")}
      className="pointer-events-none fixed inset-x-0 bottom-6 z-50 flex flex-col items-center gap-3 px-4"
    >
      <div aria-live="polite" className="flex flex-col items-center gap-3">
        {notices.toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} tone="success" onDismiss={() => notices.dismiss(toast.id)} />
        ))}
      </div>
      <div aria-live="assertive" className="flex flex-col items-center gap-3">
        {errors.toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} tone="error" onDismiss={() => errors.dismiss(toast.id)} />
        ))}
      </div>
    </section>
  );
}
