"use client";

import { useFormatter } from "next-intl";
import { useMemo } from "react";

/** Shown where a number does not exist (no players, nobody answered, not started). */
export const NO_VALUE = "—";

/** The browser's own time zone: these pages render after a fetch, in the browser only. */
function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Dates, durations, answer times and rates in the page's language. */
export function useReportFormat() {
  const format = useFormatter();
  return useMemo(() => {
    const timeZone = browserTimeZone();
    const unit = (value: number, name: "hour" | "minute" | "second", fraction = 0) =>
      format.number(value, { style: "unit", unit: name, unitDisplay: "short", maximumFractionDigits: fraction });
    return {
      number: (value: number) => format.number(value),
      date: (iso: string | null) =>
        iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone }) : NO_VALUE,
      day: (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long", timeZone }),
      time: (iso: string) => format.dateTime(new Date(iso), { timeStyle: "short", timeZone }),
      /** "1 hr 5 min", "12 min", "45 sec". */
      duration: (ms: number | null) => {
        if (ms === null) return NO_VALUE;
        const totalSeconds = Math.round(ms / 1000);
        if (totalSeconds < 60) return unit(totalSeconds, "second");
        const totalMinutes = Math.round(totalSeconds / 60);
        const hours = Math.floor(totalMinutes / 60);
        const minutes = totalMinutes % 60;
        if (hours === 0) return unit(minutes, "minute");
        return minutes === 0 ? unit(hours, "hour") : `${unit(hours, "hour")} ${unit(minutes, "minute")}`;
      },
      /** An answer time: "4.2 sec". */
      seconds: (ms: number | null) => (ms === null ? NO_VALUE : unit(ms / 1000, "second", 1)),
      /** "67%", or a dash when nobody could have answered. */
      percent: (rate: number | null) =>
        rate === null ? NO_VALUE : format.number(rate, { style: "percent", maximumFractionDigits: 0 }),
    };
  }, [format]);
}
