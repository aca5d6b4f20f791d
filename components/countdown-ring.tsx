"use client";

import { useTranslations } from "next-intl";
import { useCountdown, wholeSeconds } from "./use-countdown";

interface CountdownRingProps {
  timeLeftMs: number;
  timeLimitMs: number;
  receivedAt: number;
  paused: boolean;
  /** Tailwind size classes for the ring, e.g. "size-40". */
  className?: string;
}

/** Announce only now and then, not every second: every 10 s, then the last 5. */
function announceable(seconds: number) {
  return seconds <= 5 || seconds % 10 === 0;
}

export function CountdownRing({
  timeLeftMs,
  timeLimitMs,
  receivedAt,
  paused,
  className = "size-40",
}: CountdownRingProps) {
  const t = useTranslations("host");
  const left = useCountdown(timeLeftMs, receivedAt, !paused);
  const seconds = wholeSeconds(left);
  const fraction = timeLimitMs > 0 ? left / timeLimitMs : 0;
  const radius = 45;
  const circumference = 2 * Math.PI * radius;
  const urgent = seconds <= 5;
  const stroke = seconds === 0 ? "stroke-slate-500" : urgent ? "stroke-rose-500" : "stroke-amber-400";

  return (
    <div className={`relative shrink-0 ${className}`} style={{ containerType: "size" }} role="timer">
      <svg viewBox="0 0 100 100" className="size-full -rotate-90" aria-hidden="true">
        <circle cx="50" cy="50" r={radius} className="fill-indigo-950/70 stroke-white/15" strokeWidth="8" />
        <circle
          cx="50"
          cy="50"
          r={radius}
          fill="none"
          strokeWidth="8"
          strokeLinecap="round"
          className={`${stroke} transition-[stroke-dashoffset] duration-200 ease-linear`}
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - fraction)}
        />
      </svg>
      <span
        aria-hidden="true"
        className={`absolute inset-0 grid place-items-center font-black tabular-nums ${urgent ? "text-rose-300" : "text-white"}`}
        style={{ fontSize: "clamp(1.5rem, 38cqmin, 6rem)" }}
      >
        {seconds}
      </span>
      <span className="sr-only" aria-live="polite">
        {seconds === 0 ? t("timeUp") : announceable(seconds) ? t("timeLeft", { seconds }) : null}
      </span>
    </div>
  );
}
