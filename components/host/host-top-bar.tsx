"use client";

import { useTranslations } from "next-intl";
import type { HostView } from "../../lib/contract";
import { FullBadge } from "./full-badge";
import { spacedPin } from "./join-address";
import { roomCounts } from "./room-counts";
import { UsersIcon } from "../icons";

/** Deck title, question number, and (after the lobby) the PIN for late joiners. */
export function HostTopBar({ view }: { view: HostView }) {
  const t = useTranslations("host");
  const showQuestion = view.question && (view.phase === "question" || view.phase === "reveal");
  return (
    <header className="flex shrink-0 items-center gap-[2vw] border-b border-white/10 px-[3vw] py-[1.4vh] text-[clamp(0.95rem,1.3vw,1.65rem)]">
      <p className="flex min-w-0 flex-1 items-center gap-[1vw] font-bold text-indigo-100">
        <span className="rounded-lg bg-amber-400 px-2 py-0.5 font-black text-indigo-950" aria-hidden="true">
          Q
        </span>
        <span className="truncate">{view.deckTitle}</span>
      </p>
      {showQuestion && view.question ? (
        <p className="shrink-0 rounded-full bg-white/10 px-[1.2vw] py-[0.5vh] font-black text-white tabular-nums">
          {t("questionOf", { number: view.question.index + 1, count: view.question.count })}
        </p>
      ) : null}
      <div className="flex flex-1 items-center justify-end gap-[1.5vw] font-bold text-white">
        {view.phase !== "lobby" && view.phase !== "ended" ? (
          <p className="tabular-nums">
            <span className="text-indigo-200">{t("gamePin")} </span>
            <span className="font-black tracking-wide text-amber-300">{spacedPin(view.pin)}</span>
          </p>
        ) : null}
        {/* The lobby shows it beside its own player count. */}
        {view.phase !== "lobby" ? <FullBadge view={view} /> : null}
        <p className="flex items-center gap-[0.4em] tabular-nums">
          <UsersIcon />
          {t("playerCount", { count: roomCounts(view).players })}
        </p>
      </div>
    </header>
  );
}
