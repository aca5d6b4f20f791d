"use client";

import { useTranslations } from "next-intl";
import { useCountdown, wholeSeconds } from "../use-countdown";

interface PhoneTimerProps {
  timeLeftMs: number;
  timeLimitMs: number;
  receivedAt: number;
  paused: boolean;
}

/** Seconds left as a number and a shrinking bar, counted down locally. */
export function PhoneTimer({ timeLeftMs, timeLimitMs, receivedAt, paused }: PhoneTimerProps) {
  const t = useTranslations("play");
  const left = useCountdown(timeLeftMs, receivedAt, !paused);
  const seconds = wholeSeconds(left);
  const urgent = seconds <= 5;
  const announce = seconds === 0 ? t("timeUp") : seconds <= 5 || seconds % 10 === 0 ? t("timeLeft", { seconds }) : null;
  return (
    <div className="flex items-center gap-3" role="timer">
      <div className="h-2.5 flex-1 overflow-hidden rounded-full bg-white/15" aria-hidden="true">
        <div
          className={`h-full rounded-full transition-[width] duration-200 ease-linear ${urgent ? "bg-rose-400" : "bg-amber-400"}`}
          style={{ width: `${timeLimitMs > 0 ? (left / timeLimitMs) * 100 : 0}%` }}
        />
      </div>
      <span
        aria-hidden="true"
        className={`min-w-12 rounded-full px-3 py-1 text-center text-xl font-black tabular-nums ${
          urgent ? "bg-rose-500 text-white" : "bg-white text-indigo-950"
        }`}
      >
        {seconds}
      </span>
      <span className="sr-only" aria-live="polite">
        {announce}
      </span>
    </div>
  );
}
