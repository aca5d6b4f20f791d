"use client";

import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import type { HostView, PlayerSearchResult } from "../../lib/contract";
import { PlayerChips, type ChipPlayer } from "./player-chips";
import { PlayerFinder } from "./player-finder";
import { roomCounts } from "./room-counts";
import { useModalDialog } from "../use-modal-dialog";

interface RoomPanelProps {
  view: HostView;
  open: boolean;
  onClose: () => void;
  onKick: (player: ChipPlayer) => void;
  onSearch: (query: string) => Promise<PlayerSearchResult | null>;
}

function Section({ title, empty, children }: { title: string; empty: string | null; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="flex flex-col gap-[1.2vh]">
      <h3 id={id} className="text-[clamp(1.1rem,1.6vw,2rem)] font-black text-white">
        {title}
      </h3>
      {empty ? <p className="text-[clamp(1rem,1.3vw,1.6rem)] font-semibold text-indigo-100">{empty}</p> : children}
    </section>
  );
}

/**
 * On demand, over the stage: who has not answered the open question and who is away
 * (the server's short lists, with the whole counts), then everyone, each with a
 * remove button. A modal <dialog>: Escape closes it and the stage shortcuts pause.
 */
export function RoomPanel({ view, open, onClose, onKick, onSearch }: RoomPanelProps) {
  const t = useTranslations("host");
  const modal = useModalDialog(open, onClose);
  const titleId = useId();
  const counts = roomCounts(view);
  const inQuestion = view.phase === "question";
  const unanswered = view.unanswered ?? [];
  const away = view.away ?? view.players.filter((p) => !p.connected);

  return (
    <dialog
      {...modal}
      aria-labelledby={titleId}
      className="m-auto max-h-[88vh] w-[min(92vw,90rem)] overflow-hidden rounded-[1.5vw] bg-indigo-950 p-0 text-white shadow-2xl ring-2 ring-white/20 backdrop:bg-indigo-950/75"
    >
      {open ? (
        <div className="flex max-h-[88vh] flex-col">
          <header className="flex shrink-0 items-center gap-[2vw] border-b border-white/15 px-[2.5vw] py-[2vh]">
            <h2 id={titleId} className="flex-1 text-[clamp(1.4rem,2.2vw,2.8rem)] font-black">
              {t("roomTitle")}
            </h2>
            <p className="text-[clamp(1rem,1.4vw,1.75rem)] font-bold text-indigo-100 tabular-nums">
              {t("connectedAway", { connected: counts.connected, away: counts.away })}
            </p>
            <button
              type="button"
              autoFocus
              onClick={onClose}
              className="rounded-[0.8vw] bg-white px-[1.6vw] py-[1vh] text-[clamp(1rem,1.35vw,1.75rem)] font-extrabold text-indigo-950 hover:bg-indigo-100"
            >
              {t("close")}
            </button>
          </header>
          <div className="flex min-h-0 flex-col gap-[3vh] overflow-y-auto px-[2.5vw] py-[2.5vh]">
            {inQuestion ? (
              <Section
                title={t("notAnsweredTitle", { count: counts.unanswered })}
                empty={counts.unanswered === 0 ? t("allAnswered") : null}
              >
                <PlayerChips players={unanswered} more={counts.unanswered - unanswered.length} onKick={onKick} />
              </Section>
            ) : null}
            <Section title={t("awayTitle", { count: counts.away })} empty={counts.away === 0 ? t("nobodyAway") : null}>
              <PlayerChips players={away} more={counts.away - away.length} onKick={onKick} />
            </Section>
            <Section
              title={t("everyoneTitle", { count: counts.players })}
              empty={counts.players === 0 ? t("playerCount", { count: 0 }) : null}
            >
              <PlayerFinder view={view} onKick={onKick} onSearch={onSearch} />
            </Section>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
