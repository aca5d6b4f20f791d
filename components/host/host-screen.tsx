"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { ConfirmDialog } from "../confirm-dialog";
import { LanguageSwitch } from "../language-switch";
import { ToastViewport, useToasts } from "../toast";
import { useErrorMessage } from "../use-error-message";
import { useHostGame } from "../use-host-game";
import { HostControlBar } from "./host-control-bar";
import { HostEnded } from "./host-ended";
import { HostLeaderboard } from "./host-leaderboard";
import { HostLobby } from "./host-lobby";
import { HostQuestion } from "./host-question";
import { HostReveal } from "./host-reveal";
import { HostTopBar } from "./host-top-bar";
import { PausedOverlay } from "./paused-overlay";
import type { ChipPlayer } from "./player-chips";
import { RoomPanel } from "./room-panel";
import { useHostShortcuts } from "./use-host-shortcuts";

function Stage({ children }: { children: ReactNode }) {
  return <div className="stage-backdrop relative flex h-dvh flex-col overflow-hidden text-white">{children}</div>;
}

function StageMessage({ children }: { children: ReactNode }) {
  return (
    <Stage>
      <div className="flex justify-end px-[3vw] py-[1.4vh]">
        <LanguageSwitch tone="dark" />
      </div>
      <div className="m-auto flex max-w-3xl flex-col items-center gap-8 px-8 text-center text-[clamp(1.2rem,2vw,2.5rem)] font-bold">
        {children}
      </div>
    </Stage>
  );
}

/** The projector: renders the HostView of one game and sends the instructor's commands. */
export function HostScreen({ gameId }: { gameId: string }) {
  const t = useTranslations("host");
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const { toasts, show, dismiss } = useToasts();
  const onError = useCallback(
    (error: { code: string; message: string }) => show(errorMessage(error)),
    [show, errorMessage],
  );
  const game = useHostGame(gameId, onError);
  const { view, command, kick: kickPlayer, setLocked } = game;
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [roomOpen, setRoomOpen] = useState(false);
  /** The player the instructor asked to remove, until they confirm or cancel. */
  const [kickTarget, setKickTarget] = useState<ChipPlayer | null>(null);

  useEffect(() => {
    if (game.fatal === "UNAUTHENTICATED") router.replace(`/sign-in?next=${encodeURIComponent(`/host/${gameId}`)}`);
  }, [game.fatal, gameId, router]);

  const phase = view?.phase;
  const inQuestion = phase === "question";
  const canStart = phase === "lobby" && (view?.players.length ?? 0) > 0;
  const next = useCallback(() => {
    if (canStart) void command("start");
    else if (phase === "reveal" || phase === "leaderboard") void command("next");
  }, [canStart, phase, command]);
  const togglePause = useCallback(() => {
    if (inQuestion) void command(view?.paused ? "resume" : "pause");
  }, [inQuestion, view?.paused, command]);
  const skip = useCallback(() => {
    if (inQuestion && !view?.paused) void command("skip");
  }, [inQuestion, view?.paused, command]);
  useHostShortcuts({ next, togglePause, skip }, Boolean(view) && !confirmEnd && !kickTarget && !roomOpen);

  const askKick = useCallback((player: ChipPlayer) => setKickTarget(player), []);
  const openRoom = useCallback(() => setRoomOpen(true), []);

  if (game.fatal === "NOT_FOUND") {
    return (
      <StageMessage>
        <p role="alert">{t("notFound")}</p>
        <Link
          href="/host"
          className="rounded-2xl bg-amber-400 px-8 py-4 font-extrabold text-indigo-950 hover:bg-amber-300"
        >
          {t("backToDecks")}
        </Link>
      </StageMessage>
    );
  }
  if (!view) {
    return (
      <StageMessage>
        <p role="status" className="animate-pulse">
          {t("connecting")}
        </p>
      </StageMessage>
    );
  }

  const question = view.question;
  return (
    <Stage>
      <div aria-live="polite" className="shrink-0">
        {game.connection === "reconnecting" ? (
          <p className="bg-amber-400 py-2 text-center text-[clamp(1rem,1.3vw,1.6rem)] font-bold text-indigo-950">
            {t("reconnecting")}
          </p>
        ) : null}
      </div>
      <HostTopBar view={view} />
      <main className="relative min-h-0 flex-1">
        {phase === "lobby" ? (
          <HostLobby
            view={view}
            busy={game.busy}
            settling={game.settling}
            onStart={() => void command("start")}
            onLock={(locked) => void setLocked(locked)}
            onKick={askKick}
          />
        ) : null}
        {phase === "question" && question ? (
          <HostQuestion view={view} question={question} receivedAt={game.receivedAt} onShowRoom={openRoom} />
        ) : null}
        {phase === "question" && view.paused ? (
          <PausedOverlay onResume={() => void command("resume")} busy={game.busy} settling={game.settling} />
        ) : null}
        {phase === "reveal" && question ? <HostReveal view={view} question={question} /> : null}
        {phase === "leaderboard" ? <HostLeaderboard view={view} /> : null}
        {phase === "ended" ? <HostEnded view={view} /> : null}
      </main>
      <HostControlBar
        view={view}
        busy={game.busy}
        settling={game.settling}
        onNext={() => void command("next")}
        onPause={() => void command("pause")}
        onResume={() => void command("resume")}
        onSkip={() => void command("skip")}
        onEnd={() => setConfirmEnd(true)}
        onRoom={openRoom}
      />
      <RoomPanel
        view={view}
        open={roomOpen}
        onClose={() => setRoomOpen(false)}
        onKick={askKick}
        onSearch={game.searchPlayers}
      />
      <ConfirmDialog
        open={kickTarget !== null}
        title={t("kickConfirmTitle", { nickname: kickTarget?.nickname ?? "" })}
        body={t("kickConfirmBody")}
        confirmLabel={t("kickConfirm")}
        onCancel={() => setKickTarget(null)}
        onConfirm={() => {
          if (kickTarget) void kickPlayer(kickTarget.id);
          setKickTarget(null);
        }}
      />
      <ConfirmDialog
        open={confirmEnd}
        title={t("endConfirmTitle")}
        body={t("endConfirmBody")}
        confirmLabel={t("endConfirm")}
        onCancel={() => setConfirmEnd(false)}
        onConfirm={() => {
          setConfirmEnd(false);
          void command("end");
        }}
      />
      <ToastViewport toasts={toasts} onDismiss={dismiss} />
    </Stage>
  );
}
