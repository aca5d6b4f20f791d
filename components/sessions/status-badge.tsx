"use client";

import { useTranslations } from "next-intl";
import type { SessionStatus } from "../../lib/reports";
import { CheckIcon, ClockIcon, ExitIcon, PlayIcon } from "../icons";

const STYLES: Record<SessionStatus, { className: string; Icon: typeof CheckIcon }> = {
  running: { className: "bg-sky-100 text-sky-900 ring-sky-300", Icon: PlayIcon },
  interrupted: { className: "bg-amber-100 text-amber-950 ring-amber-300", Icon: ClockIcon },
  completed: { className: "bg-emerald-100 text-emerald-900 ring-emerald-300", Icon: CheckIcon },
  "ended-early": { className: "bg-orange-100 text-orange-950 ring-orange-300", Icon: ExitIcon },
};

/** What became of a game, in words with an icon (never colour alone). */
export function StatusBadge({ status, className = "" }: { status: SessionStatus; className?: string }) {
  const t = useTranslations("sessions.status");
  const { className: colours, Icon } = STYLES[status];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-sm font-bold whitespace-nowrap ring-1 ${colours} ${className}`}
    >
      <Icon className="size-3.5" />
      {t(status)}
    </span>
  );
}
