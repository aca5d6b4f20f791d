"use client";

import { useTranslations } from "next-intl";
import { StageButton } from "../stage-button";
import { PauseIcon, PlayIcon } from "../icons";

/** Covers the question while paused; the countdown underneath stays frozen. */
export function PausedOverlay({
  onResume,
  busy,
  settling = false,
}: {
  onResume: () => void;
  busy: boolean;
  /** Just after the pause: Resume is ignored (aria-disabled), see useHostGame. */
  settling?: boolean;
}) {
  const t = useTranslations("host");
  return (
    <div
      role="status"
      className="absolute inset-0 z-20 flex flex-col items-center justify-center gap-[3vh] bg-indigo-950/85 backdrop-blur-sm"
    >
      <p className="flex items-center gap-[0.3em] text-[clamp(3rem,8vw,10rem)] leading-none font-black text-white">
        <PauseIcon />
        {t("paused")}
      </p>
      <p className="text-[clamp(1.1rem,1.8vw,2.2rem)] font-semibold text-indigo-100">{t("pausedHint")}</p>
      <StageButton
        variant="primary"
        shortcut="P"
        onClick={onResume}
        disabled={busy}
        aria-disabled={settling ? true : undefined}
        className="px-[4vw] py-[2vh]"
      >
        <PlayIcon />
        {t("resume")}
      </StageButton>
    </div>
  );
}
