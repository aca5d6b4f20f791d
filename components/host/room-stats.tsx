"use client";

import { useTranslations } from "next-intl";
import type { HostView } from "../../lib/contract";
import { UsersIcon } from "../icons";
import { roomCounts } from "./room-counts";

interface RoomStatsProps {
  view: HostView;
  /** Opens the list of who has not answered; without it (a preview) there is no button. */
  onShowRoom?: () => void;
}

/**
 * Beside the countdown: answered out of everyone in the game, then connected and
 * away, so a phone that dropped out never makes the count look finished.
 */
export function RoomStats({ view, onShowRoom }: RoomStatsProps) {
  const t = useTranslations("host");
  const counts = roomCounts(view);
  return (
    <div className="flex w-full flex-col items-center gap-[1vh] rounded-[1vw] bg-white/10 px-[1.2vw] py-[1.2vh] text-center">
      <p
        className="text-[clamp(1.1rem,1.9vw,2.4rem)] leading-tight font-black text-white tabular-nums"
        aria-live="polite"
      >
        {t("answered", { answered: counts.answered, total: counts.players })}
      </p>
      <p className="text-[clamp(0.9rem,1.2vw,1.5rem)] font-bold text-indigo-100 tabular-nums">
        {t("connectedAway", { connected: counts.connected, away: counts.away })}
      </p>
      {onShowRoom ? (
        <button
          type="button"
          onClick={onShowRoom}
          aria-haspopup="dialog"
          className="flex items-center gap-[0.4em] rounded-[0.7vw] bg-white/15 px-[1vw] py-[0.6vh] text-[clamp(0.9rem,1.15vw,1.45rem)] font-extrabold text-white ring-1 ring-white/30 hover:bg-white/25"
        >
          <UsersIcon className="size-[1.1em] shrink-0" />
          {t("whoNotAnswered", { count: counts.unanswered })}
        </button>
      ) : null}
    </div>
  );
}
