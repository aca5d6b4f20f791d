"use client";

import { useTranslations } from "next-intl";
import type { HostView, PublicQuestion } from "../../lib/contract";
import { RevealBars } from "./reveal-bars";
import { BulbIcon, SkipIcon } from "../icons";
import { ScrollHintBox } from "./scroll-hint-box";

export function HostReveal({ view, question }: { view: HostView; question: PublicQuestion }) {
  const t = useTranslations("host");
  return (
    <div className="flex h-full min-h-0 flex-col gap-[2.5vh] px-[3vw] py-[2.5vh]">
      <h1 className="line-clamp-2 shrink-0 text-[clamp(1.05rem,1.7vw,2.2rem)] leading-snug font-bold whitespace-pre-line text-indigo-100">
        {question.text}
      </h1>
      {view.skipped ? (
        <p
          className="shrink-0 rounded-[1vw] bg-sky-300 px-[1.5vw] py-[1.2vh] text-[clamp(1rem,1.5vw,1.9rem)] font-bold text-sky-950"
          role="status"
        >
          <SkipIcon className="mr-[0.5em] align-[-0.1em]" />
          {t("skipped")}
        </p>
      ) : null}
      {/* Most of the width for the explanation: long paragraphs at ≥ 24 px on a 1280×720 projector. */}
      <div className="grid min-h-0 flex-1 grid-cols-[2fr_3fr] gap-[2.5vw]">
        <div className="min-h-0 overflow-y-auto p-1">
          <RevealBars
            options={question.options}
            counts={view.optionCounts ?? {}}
            correctOptionIds={view.correctOptionIds ?? []}
          />
        </div>
        <section
          aria-labelledby="explanation-title"
          className="flex max-h-full min-h-0 flex-col self-start gap-[1.5vh] rounded-[1.5vw] bg-white px-[2vw] py-[2.5vh] text-slate-900 shadow-2xl"
        >
          <h2
            id="explanation-title"
            className="flex items-center gap-[0.4em] text-[clamp(1.1rem,1.7vw,2.1rem)] font-black text-indigo-800"
          >
            <BulbIcon className="text-amber-500" />
            {t("explanation")}
          </h2>
          {/* 24 px at 1280 wide, scaling with the screen; a longer one scrolls, and says so. */}
          <ScrollHintBox>
            <p className="text-[clamp(1.5rem,1.875vw,2.6rem)] leading-[1.45] whitespace-pre-line">
              {view.explanation || t("noExplanation")}
            </p>
          </ScrollHintBox>
        </section>
      </div>
    </div>
  );
}
