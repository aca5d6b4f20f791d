"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A scrolling box that says so: while text lies below its edge, the bottom fades
 * and a "more below" tab shows, so a long explanation is never cut mid-line without
 * a hint. Focusable, so the keyboard scrolls it too.
 */
export function ScrollHintBox({ children, className = "" }: { children: ReactNode; className?: string }) {
  const t = useTranslations("host");
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setMore(box.scrollTop + box.clientHeight < box.scrollHeight - 2);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of Array.from(box.children)) observer.observe(child);
    box.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener("scroll", measure);
    };
  }, []);

  return (
    <div className="relative flex min-h-0 flex-col">
      <div ref={ref} tabIndex={0} className={`min-h-0 overflow-y-auto ${className}`}>
        {children}
      </div>
      {more ? (
        <p
          aria-hidden="true"
          className="pointer-events-none absolute inset-x-0 bottom-0 flex h-[5vh] items-end justify-center bg-gradient-to-t from-white via-white/90 to-transparent"
        >
          <span className="rounded-full bg-indigo-800 px-[0.9em] py-[0.15em] text-[clamp(0.85rem,1.05vw,1.3rem)] font-bold text-white">
            {t("moreBelow")}
          </span>
        </p>
      ) : null}
    </div>
  );
}
