"use client";

import { useTranslations } from "next-intl";
import type { HostPlayer } from "../../lib/contract";

/** A screen holds about this many chips; a bigger room shows the latest arrivals and a count. */
const MAX_CHIPS = 120;

/** What a chip needs: a HostPlayer or a name from the host's short lists (HostPlayerRef). */
export type ChipPlayer = Pick<HostPlayer, "id" | "nickname" | "connected">;

interface PlayerChipsProps {
  players: ChipPlayer[];
  onKick: (player: ChipPlayer) => void;
  /** Players left out of `players` by the server (its lists are capped), added to the "+N more" chip. */
  more?: number;
}

/** Players as chips in join order, each with a × to remove them (the caller confirms). */
export function PlayerChips({ players, onKick, more = 0 }: PlayerChipsProps) {
  const t = useTranslations("host");
  const shown = players.slice(-MAX_CHIPS);
  const hidden = players.length - shown.length + Math.max(0, more);
  return (
    <ul className="flex flex-wrap content-start gap-[0.8vw]" aria-live="polite">
      {hidden > 0 ? (
        <li className="flex items-center rounded-full bg-white/15 px-[1.2vw] py-[0.6vh] text-[clamp(1rem,1.6vw,2rem)] font-bold text-white">
          {t("morePlayers", { count: hidden })}
        </li>
      ) : null}
      {shown.map((player) => (
        <li
          key={player.id}
          className={`animate-pop-in flex items-center gap-2 rounded-full py-[0.6vh] pr-[0.5vw] pl-[1.2vw] text-[clamp(1rem,1.6vw,2rem)] font-bold shadow-md ${
            player.connected ? "bg-white text-indigo-950" : "bg-indigo-200 text-indigo-950"
          }`}
        >
          <span className="max-w-[22vw] truncate">{player.nickname}</span>
          {player.connected ? null : (
            <span className="rounded-full bg-indigo-950 px-[0.5em] py-[0.1em] text-[0.6em] font-bold text-white uppercase">
              {t("offline")}
            </span>
          )}
          <button
            type="button"
            onClick={() => onKick(player)}
            aria-label={t("kick", { nickname: player.nickname })}
            title={t("kick", { nickname: player.nickname })}
            className="grid size-[clamp(1.6rem,2.2vw,2.6rem)] place-items-center rounded-full text-[1.1em] leading-none text-indigo-900 hover:bg-rose-600 hover:text-white"
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
