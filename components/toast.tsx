"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";

export interface Toast {
  id: number;
  message: string;
}

const TOAST_MS = 5000;

/** A short queue of messages that dismiss themselves. */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((toast) => toast.id !== id));
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
  }, []);

  const show = useCallback(
    (message: string) => {
      const id = nextId.current++;
      setToasts((list) => [...list.filter((toast) => toast.message !== message), { id, message }].slice(-3));
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), TOAST_MS),
      );
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  return { toasts, show, dismiss };
}

export function ToastViewport({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  const t = useTranslations("common");
  return (
    <section
      aria-label={t("notifications")}
      aria-live="assertive"
      className="pointer-events-none fixed inset-x-0 bottom-6 z-50 flex flex-col items-center gap-3 px-4"
    >
      {toasts.map((toast) => (
        <div
          key={toast.id}
          role="alert"
          className="animate-pop-in pointer-events-auto flex max-w-xl items-start gap-4 rounded-2xl bg-rose-700 px-5 py-4 text-lg font-semibold text-white shadow-2xl ring-2 ring-white/30"
        >
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
