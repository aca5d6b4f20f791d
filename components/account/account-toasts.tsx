"use client";

import { useTranslations } from "next-intl";
import { CheckIcon } from "../icons";
import type { Toast } from "../toast";

/**
 * Good news from the account forms (their errors are inline, by the fields). The
 * queue is toast.tsx's useToasts; its viewport is an error's red, so a success is
 * drawn here in green, read politely, not as an alert. It stands at the top right,
 * beside the page's title, where it covers none of the forms' buttons.
 */
export function SuccessToasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  const t = useTranslations("common");
  return (
    <section
      aria-label={t("notifications")}
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 top-20 z-50 flex flex-col items-center gap-3 px-4 sm:items-end sm:px-6"
    >
      {toasts.map((toast) => (
        <div
          key={toast.id}
          role="status"
          className="animate-pop-in pointer-events-auto flex max-w-xl items-start gap-3 rounded-2xl bg-emerald-800 px-5 py-4 text-lg font-semibold text-white shadow-2xl ring-2 ring-white/30"
        >
          <CheckIcon className="mt-1 size-5" />
          <span className="min-w-0 flex-1">{toast.message}</span>
          <button
            type="button"
            onClick={() => onDismiss(toast.id)}
            className="-m-1 rounded-lg px-2 text-2xl leading-none text-white/90 hover:bg-white/15"
            aria-label={t("dismiss")}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
