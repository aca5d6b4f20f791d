"use client";

import { useTranslations } from "next-intl";
import type { PublicOption } from "../../lib/contract";
import { AnswerShape } from "../answer-shape";
import { answerStyle } from "../answer-style";
import { CheckIcon } from "../icons";

interface RevealBarsProps {
  options: PublicOption[];
  counts: Record<string, number>;
  correctOptionIds: string[];
}

/**
 * One row per option: how many chose it; the correct ones checked and emphasised.
 * The others are dimmed by a quieter text colour and faded bars, never by lowering
 * the text's opacity: their text keeps WCAG AA contrast for a projector in a lit room.
 */
export function RevealBars({ options, counts, correctOptionIds }: RevealBarsProps) {
  const t = useTranslations("host");
  const most = Math.max(1, ...options.map((option) => counts[option.id] ?? 0));
  // Up to four options get three lines of text each; five or six get one, so all rows fit a 16:9 screen.
  const clamp = options.length > 4 ? "line-clamp-1" : "line-clamp-3";
  return (
    <ul className="flex min-h-0 flex-col gap-[1vh]">
      {options.map((option) => {
        const style = answerStyle(option.id);
        const count = counts[option.id] ?? 0;
        const correct = correctOptionIds.includes(option.id);
        return (
          <li
            key={option.id}
            className={`flex items-center gap-[1vw] rounded-[1vw] p-[0.8vw] ${
              correct ? "bg-white/15 ring-4 ring-emerald-400" : ""
            }`}
          >
            <span
              className={`grid size-[clamp(2.5rem,3.6vw,4.5rem)] shrink-0 place-items-center rounded-[0.7vw] ${style.surface} ${
                correct ? "" : "opacity-55"
              }`}
            >
              <AnswerShape shape={style.shape} className="size-[55%]" />
              <span className="sr-only">{style.letter}</span>
            </span>
            <div className="flex min-w-0 flex-1 flex-col gap-[0.6vh]">
              <span
                className={`${clamp} text-[clamp(0.95rem,1.4vw,1.75rem)] leading-snug ${
                  correct ? "font-bold text-white" : "font-semibold text-indigo-200"
                }`}
              >
                <span aria-hidden="true" className="mr-2 font-black">
                  {style.letter}
                </span>
                {option.text}
              </span>
              <span className="h-[clamp(0.6rem,1.3vh,1rem)] w-full overflow-hidden rounded-full bg-white/10">
                <span
                  className={`block h-full rounded-full transition-[width] duration-700 ${style.bar} ${correct ? "" : "opacity-55"}`}
                  style={{ width: `${(count / most) * 100}%` }}
                />
              </span>
            </div>
            <span
              className={`w-[5vw] shrink-0 text-right text-[clamp(1.4rem,2.4vw,3rem)] font-black tabular-nums ${
                correct ? "text-white" : "text-indigo-200"
              }`}
            >
              {count}
              <span className="sr-only"> {t("votes", { count })}</span>
            </span>
            <span
              className={`grid size-[clamp(2rem,2.8vw,3.5rem)] shrink-0 place-items-center rounded-full text-[clamp(1.2rem,1.8vw,2.2rem)] font-black ${
                correct ? "bg-emerald-400 text-emerald-950" : "text-transparent"
              }`}
            >
              {correct ? (
                <>
                  <CheckIcon className="size-[60%]" />
                  <span className="sr-only">{t("correctAnswer")}</span>
                </>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
