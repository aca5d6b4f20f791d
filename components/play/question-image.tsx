"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

interface QuestionImageProps {
  src: string;
  /** What the picture shows, for screen readers ("Picture for question 3"). */
  alt: string;
  /** Sizing of the image itself: each screen fits it differently. */
  className: string;
  /** The failure note's colours and size: dark stage (phone, projector) or light card (report, review). */
  tone: "dark" | "light";
  /** Text size of the failure note (the projector's is larger). */
  noteClassName?: string;
}

/** A small crossed-out picture, drawn here: the note must read without an icon font. */
function BrokenImageIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-5 shrink-0" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <rect x="3" y="4" width="18" height="16" rx="2" />
        <path d="m3 16 5-5 4 4 3-3 6 6" />
        <path d="M3 3l18 18" />
      </g>
    </svg>
  );
}

/**
 * A question's picture. When it cannot be loaded (a deleted upload, a host the
 * page's CSP blocks, no network) a visible note takes its place: a silently
 * broken image would leave a student wondering what the question refers to.
 */
export function QuestionImage({ src, alt, className, tone, noteClassName = "text-base" }: QuestionImageProps) {
  const t = useTranslations("play");
  // Keyed by the URL that failed, so the next question's picture is tried afresh.
  const [failed, setFailed] = useState<string | null>(null);
  if (failed === src) {
    const colours =
      tone === "dark" ? "bg-white/10 text-indigo-50 ring-white/25" : "bg-slate-100 text-slate-700 ring-slate-300";
    return (
      <p
        role="note"
        className={`flex items-center gap-2 self-start rounded-xl px-3 py-2 font-semibold ring-1 ${colours} ${noteClassName}`}
      >
        <BrokenImageIcon />
        {t("imageFailed")}
      </p>
    );
  }
  return (
    // A deck's image is either this server's upload or any https URL; next/image would need every host listed.
    // eslint-disable-next-line @next/next/no-img-element
    <img src={src} alt={alt} className={className} onError={() => setFailed(src)} />
  );
}
