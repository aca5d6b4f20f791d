"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { HostView } from "../../lib/contract";
import { LanguageSwitch } from "../language-switch";
import { StageButton } from "../stage-button";
import { PauseIcon, PlayIcon, SkipIcon, UsersIcon } from "../icons";
import { roomCounts } from "./room-counts";

interface HostControlBarProps {
  view: HostView;
  busy: boolean;
  /** Just after a phase change: presses are ignored (aria-disabled), see useHostGame. */
  settling?: boolean;
  onNext: () => void;
  onPause: () => void;
  onResume: () => void;
  onSkip: () => void;
  onEnd: () => void;
  /** Opens who has not answered, who is away and everyone (to remove a player); omitted in previews. */
  onRoom?: () => void;
}

function Shortcut({ keys, label }: { keys: string; label: string }) {
  return (
    <li className="flex items-center gap-2">
      <kbd className="rounded-md bg-white/15 px-2 py-0.5 font-sans font-bold text-white">{keys}</kbd>
      <span>{label}</span>
    </li>
  );
}

/** The bottom bar: shortcuts legend, language, and the controls for this phase. */
export function HostControlBar({
  view,
  busy,
  settling = false,
  onNext,
  onPause,
  onResume,
  onSkip,
  onEnd,
  onRoom,
}: HostControlBarProps) {
  const waiting = settling ? true : undefined;
  const t = useTranslations("host");
  const { phase, paused } = view;
  const lastQuestion = view.question ? view.question.index + 1 >= view.question.count : true;
  const nextLabel = phase === "reveal" ? t("showLeaderboard") : lastQuestion ? t("finalResults") : t("nextQuestion");

  return (
    <footer className="flex shrink-0 items-center gap-[2vw] border-t border-white/10 px-[3vw] py-[1.4vh]">
      {phase !== "ended" ? (
        <ul
          aria-label={t("shortcuts")}
          className="flex flex-wrap items-center gap-x-[1.4vw] gap-y-1 text-[clamp(0.8rem,1vw,1.25rem)] text-indigo-200"
        >
          {phase === "lobby" ? <Shortcut keys="Space / →" label={t("shortcutStart")} /> : null}
          {phase === "reveal" || phase === "leaderboard" ? (
            <Shortcut keys="Space / →" label={t("shortcutNext")} />
          ) : null}
          {phase === "question" ? <Shortcut keys="P" label={t("shortcutPause")} /> : null}
          {phase === "question" && !paused ? <Shortcut keys="S" label={t("shortcutSkip")} /> : null}
        </ul>
      ) : null}
      <LanguageSwitch tone="dark" />
      <div className="ml-auto flex items-center gap-[1vw]">
        {onRoom && phase !== "lobby" && phase !== "ended" ? (
          <StageButton variant="ghost" onClick={onRoom} aria-haspopup="dialog">
            <UsersIcon />
            {t("room", { count: roomCounts(view).players })}
          </StageButton>
        ) : null}
        {phase === "question" && !paused ? (
          <>
            <StageButton shortcut="P" onClick={onPause} disabled={busy} aria-disabled={waiting}>
              <PauseIcon />
              {t("pause")}
            </StageButton>
            <StageButton shortcut="S" onClick={onSkip} disabled={busy} aria-disabled={waiting}>
              <SkipIcon />
              {t("skip")}
            </StageButton>
          </>
        ) : null}
        {phase === "question" && paused ? (
          <StageButton variant="primary" shortcut="P" onClick={onResume} disabled={busy} aria-disabled={waiting}>
            <PlayIcon />
            {t("resume")}
          </StageButton>
        ) : null}
        {phase === "reveal" || phase === "leaderboard" ? (
          <StageButton
            variant="primary"
            shortcut="→"
            onClick={onNext}
            disabled={busy}
            aria-disabled={waiting}
            className="px-[2.5vw]"
          >
            {nextLabel}
          </StageButton>
        ) : null}
        {phase === "ended" ? (
          <Link
            href="/host"
            className="rounded-[0.9vw] bg-amber-400 px-[2.5vw] py-[1.1vh] text-[clamp(1rem,1.35vw,1.75rem)] font-extrabold text-indigo-950 hover:bg-amber-300"
          >
            {t("backToDecks")}
          </Link>
        ) : (
          <StageButton variant="danger" onClick={onEnd} disabled={busy}>
            {t("end")}
          </StageButton>
        )}
      </div>
    </footer>
  );
}
