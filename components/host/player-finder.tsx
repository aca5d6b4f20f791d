"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import type { HostView, PlayerSearchResult } from "../../lib/contract";
import { useDebounced } from "../use-debounced";
import { PlayerChips, type ChipPlayer } from "./player-chips";
import { roomCounts } from "./room-counts";

/** Typing pauses this long before the server is asked (each search is a host event, rate-limited). */
const SEARCH_DEBOUNCE_MS = 250;

interface PlayerFinderProps {
  view: HostView;
  onKick: (player: ChipPlayer) => void;
  onSearch: (query: string) => Promise<PlayerSearchResult | null>;
}

/**
 * Everyone in the room: the latest joiners as the view lists them, or, once the
 * instructor types a name, every match the server finds (a 2,000-player hall is not
 * in the view). Searched again when the room's size changes, so a kicked player leaves.
 */
export function PlayerFinder({ view, onKick, onSearch }: PlayerFinderProps) {
  const t = useTranslations("host");
  const inputId = useId();
  const [query, setQuery] = useState("");
  const settled = useDebounced(query.trim(), SEARCH_DEBOUNCE_MS);
  const [found, setFound] = useState<{ query: string; result: PlayerSearchResult } | null>(null);
  const playerCount = roomCounts(view).players;

  useEffect(() => {
    if (settled === "") return;
    let current = true;
    void onSearch(settled).then((result) => {
      if (current && result) setFound({ query: settled, result });
    });
    return () => {
      current = false;
    };
  }, [settled, playerCount, onSearch]);

  const shown = settled !== "" && found?.query === settled ? found.result : null;
  return (
    <div className="flex flex-col gap-[1.2vh]">
      <label htmlFor={inputId} className="sr-only">
        {t("findPlayer")}
      </label>
      <input
        id={inputId}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder={t("findPlayer")}
        maxLength={80}
        autoComplete="off"
        className="w-full max-w-[40rem] rounded-[0.8vw] border-2 border-white/30 bg-white/10 px-[1.2vw] py-[1vh] text-[clamp(1rem,1.4vw,1.75rem)] font-semibold text-white placeholder:text-indigo-200 focus:border-amber-300 focus:outline-none"
      />
      {settled === "" ? (
        <PlayerChips players={view.players} more={playerCount - view.players.length} onKick={onKick} />
      ) : shown ? (
        <>
          <p role="status" className="text-[clamp(1rem,1.3vw,1.6rem)] font-semibold text-indigo-100">
            {shown.total === 0 ? t("findPlayerNone", { query: settled }) : t("findPlayerCount", { count: shown.total })}
          </p>
          <PlayerChips players={shown.players} more={shown.total - shown.players.length} onKick={onKick} />
        </>
      ) : null}
    </div>
  );
}
