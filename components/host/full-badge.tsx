"use client";

import { useTranslations } from "next-intl";
import type { HostView } from "../../lib/contract";
import { roomCounts } from "./room-counts";

/** "Full: 2000 / 2000" once the game takes no more players (a phone is told GAME_FULL at its PIN). */
export function FullBadge({ view, className = "" }: { view: HostView; className?: string }) {
  const t = useTranslations("host");
  const { full, players, maxPlayers } = roomCounts(view);
  if (!full || maxPlayers === null || view.phase === "ended") return null;
  return (
    <p
      role="status"
      className={`shrink-0 rounded-full bg-amber-400 px-[1em] py-[0.25em] font-black text-indigo-950 tabular-nums ${className}`}
    >
      {t("full", { count: players, max: maxPlayers })}
    </p>
  );
}
