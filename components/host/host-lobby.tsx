"use client";

import { useTranslations } from "next-intl";
import type { HostView } from "../../lib/contract";
import { QrCode } from "../qr-code";
import { StageButton } from "../stage-button";
import { displayJoinAddress, spacedPin } from "./join-address";
import { FullBadge } from "./full-badge";
import { PlayerChips, type ChipPlayer } from "./player-chips";
import { roomCounts } from "./room-counts";
import { LockIcon, UnlockIcon } from "../icons";

interface HostLobbyProps {
  view: HostView;
  busy: boolean;
  /** Just after the screen changed: Start is ignored (aria-disabled), see useHostGame. */
  settling?: boolean;
  onStart: () => void;
  onLock: (locked: boolean) => void;
  /** Asks to remove a player (the screen confirms first). */
  onKick: (player: ChipPlayer) => void;
}

export function HostLobby({ view, busy, settling = false, onStart, onLock, onKick }: HostLobbyProps) {
  const t = useTranslations("host");
  const count = roomCounts(view).players;
  return (
    <div className="flex h-full min-h-0 flex-col gap-[3vh] px-[3vw] py-[3vh]">
      <section className="flex shrink-0 items-center justify-between gap-[3vw] rounded-[2vw] bg-white/8 px-[3vw] py-[3vh] ring-1 ring-white/15">
        <div className="flex min-w-0 flex-col gap-[2vh]">
          <div>
            <p className="text-[clamp(1rem,1.6vw,2rem)] font-semibold text-indigo-200">{t("joinAt")}</p>
            <p className="truncate text-[clamp(1.6rem,3.2vw,4rem)] font-black text-white">
              {displayJoinAddress(view.joinUrl)}
            </p>
          </div>
          <div>
            <p className="text-[clamp(1rem,1.6vw,2rem)] font-semibold text-indigo-200">{t("gamePin")}</p>
            <p
              data-testid="game-pin"
              className="text-[clamp(4rem,9vw,11rem)] leading-none font-black tracking-wider text-amber-300 tabular-nums"
            >
              {spacedPin(view.pin)}
            </p>
          </div>
        </div>
        <figure className="flex shrink-0 flex-col items-center gap-[1vh]">
          <QrCode
            value={view.joinUrl}
            alt={t("qrAlt", { url: view.joinUrl })}
            className="size-[clamp(10rem,30vh,22rem)]"
          />
          <figcaption className="text-[clamp(0.9rem,1.3vw,1.6rem)] font-semibold text-indigo-200">
            {t("orScan")}
          </figcaption>
        </figure>
      </section>

      <section className="flex min-h-0 flex-1 flex-col gap-[2vh]" aria-labelledby="lobby-players">
        <div className="flex flex-wrap items-center gap-[1.5vw]">
          <h2 id="lobby-players" className="text-[clamp(1.4rem,2.4vw,3rem)] font-black text-white">
            {t("playerCount", { count })}
          </h2>
          <FullBadge view={view} className="text-[clamp(0.9rem,1.2vw,1.5rem)]" />
          {view.locked ? (
            <p className="rounded-full bg-rose-700 px-[1.2vw] py-[0.6vh] text-[clamp(0.9rem,1.2vw,1.5rem)] font-bold text-white">
              <LockIcon className="mr-[0.4em] align-[-0.1em]" />
              {t("locked")}
            </p>
          ) : null}
          <div className="ml-auto flex items-center gap-[1vw]">
            <StageButton aria-pressed={view.locked} onClick={() => onLock(!view.locked)}>
              {view.locked ? <UnlockIcon /> : <LockIcon />}
              {view.locked ? t("unlock") : t("lock")}
            </StageButton>
            <StageButton
              variant="primary"
              shortcut="Space"
              disabled={count === 0 || busy}
              aria-disabled={settling ? true : undefined}
              onClick={onStart}
              aria-describedby={count === 0 ? "start-hint" : undefined}
              className="px-[3vw]"
            >
              {t("start")}
            </StageButton>
          </div>
        </div>
        {count === 0 ? (
          <p id="start-hint" className="animate-pulse text-[clamp(1.2rem,2vw,2.5rem)] font-semibold text-indigo-200">
            {t("waitingForPlayers")} <span className="sr-only">{t("startHint")}</span>
          </p>
        ) : (
          <div className="min-h-0 flex-1 overflow-y-auto p-1">
            <PlayerChips players={view.players} more={count - view.players.length} onKick={onKick} />
          </div>
        )}
      </section>
    </div>
  );
}
