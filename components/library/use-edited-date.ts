"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";

const MINUTE = 60_000;
/** Past a week, "12 days ago" says less than the date itself. */
const RELATIVE_FOR_MS = 7 * 24 * 60 * MINUTE;

/** The browser's own time zone: the library renders after a fetch, in the browser only. */
function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** "3 hours ago" for a recent edit, the date beyond a week; the full date and time for a tooltip. */
export function useEditedDate() {
  const format = useFormatter();
  const t = useTranslations("library");
  // Ticks each minute, so "just now" does not stay on a page left open.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return useCallback(
    (iso: string) => {
      const date = new Date(iso);
      const timeZone = browserTimeZone();
      const full = format.dateTime(date, { dateStyle: "long", timeStyle: "short", timeZone });
      const age = now - date.getTime();
      const text =
        age < MINUTE
          ? t("justNow")
          : age < RELATIVE_FOR_MS
            ? format.relativeTime(date, now)
            : format.dateTime(date, { dateStyle: "medium", timeZone });
      return { text, full };
    },
    [format, now, t],
  );
}
