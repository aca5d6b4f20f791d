"use client";

import { useEffect, useState } from "react";

const TICK_MS = 200;

/**
 * Milliseconds left, counted down locally from `timeLeftMs` as it was when the
 * view arrived (`receivedAt`, a performance.now() stamp). Frozen when not running.
 */
export function useCountdown(timeLeftMs: number, receivedAt: number, running: boolean): number {
  const [now, setNow] = useState(receivedAt);

  useEffect(() => {
    if (!running) return;
    const tick = () => setNow(performance.now());
    const timer = setInterval(tick, TICK_MS);
    const first = setTimeout(tick, 0);
    return () => {
      clearInterval(timer);
      clearTimeout(first);
    };
  }, [running, receivedAt]);

  if (!running) return timeLeftMs;
  const left = receivedAt + timeLeftMs - now;
  return Math.max(0, Math.min(timeLeftMs, left));
}

export const wholeSeconds = (ms: number) => Math.ceil(ms / 1000);
