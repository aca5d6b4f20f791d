"use client";

import { useTranslations } from "next-intl";
import type { PublicOption } from "../../lib/contract";
import { AnswerShape } from "../answer-shape";
import { answerStyle } from "../answer-style";

interface RevealRationalesProps {
  /** The deck's rationale of each option this phone chose, when its answer was wrong (the reveal view's). */
  rationales: PublicOption[];
  correctOptionIds: string[];
}

/**
 * Under a wrong answer's result: why each option the student chose is wrong, in
 * the deck's words. In a multiple-select answer that was partly right, a right
 * pick's rationale says why it is right, so the label follows the key.
 */
export function RevealRationales({ rationales, correctOptionIds }: RevealRationalesProps) {
  const t = useTranslations("play");
  if (rationales.length === 0) return null;
  return (
    <section aria-labelledby="why-title" className="animate-pop-in flex flex-col gap-2.5">
      <h2 id="why-title" className="sr-only">
        {t("whyTitle")}
      </h2>
      {rationales.map((rationale) => {
        const style = answerStyle(rationale.id);
        const right = correctOptionIds.includes(rationale.id);
        return (
          <article
            key={rationale.id}
            aria-labelledby={`why-${rationale.id}`}
            className="overflow-hidden rounded-2xl bg-white text-slate-900 shadow-lg"
          >
            <h3
              id={`why-${rationale.id}`}
              className={`flex items-center gap-2.5 px-4 py-2.5 text-base font-black ${
                right ? "bg-emerald-100 text-emerald-950" : "bg-rose-100 text-rose-950"
              }`}
            >
              <span
                className={`grid size-8 shrink-0 place-items-center rounded-lg ${style.surface}`}
                aria-hidden="true"
              >
                <AnswerShape shape={style.shape} className="size-4" />
              </span>
              {t(right ? "whyRight" : "whyWrong", { letter: style.letter })}
            </h3>
            {/* Korean wraps between words (keep-all); a long URL or code still breaks rather than overflow. */}
            <p className="px-4 pt-2.5 pb-3.5 text-[1.05rem] leading-relaxed break-keep whitespace-pre-line text-slate-800 wrap-anywhere">
              {rationale.text}
            </p>
          </article>
        );
      })}
    </section>
  );
}
