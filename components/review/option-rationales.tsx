"use client";

import { useTranslations } from "next-intl";
import { AnswerShape } from "../answer-shape";
import { answerStyle } from "../answer-style";

interface OptionRationalesProps {
  options: { id: string; text: string }[];
  /** Parallel to options; "" where the deck has none (those are left out). */
  rationales: string[];
  correctOptionIds: string[];
  /** Options to highlight: the student's own wrong picks (none in the instructor's report). */
  highlightIds?: string[];
  /** The deck's language, for the rationale text. */
  lang?: string;
}

/**
 * Why each option is right or wrong, under a question's options (the deck's
 * rationales), in option order; nothing when the deck wrote none. The student's
 * own wrong pick is ringed and labelled, so the one meant for them stands out.
 */
export function OptionRationales({
  options,
  rationales,
  correctOptionIds,
  highlightIds = [],
  lang,
}: OptionRationalesProps) {
  const t = useTranslations("review");
  const written = options.flatMap((option, i) => {
    const text = rationales[i] ?? "";
    return text ? [{ option, text }] : [];
  });
  if (written.length === 0) return null;
  return (
    <section className="report-avoid-break flex flex-col gap-2">
      <h4 className="text-base font-black text-slate-900">{t("rationalesTitle")}</h4>
      <ul className="flex flex-col gap-2">
        {written.map(({ option, text }) => {
          const style = answerStyle(option.id);
          const right = correctOptionIds.includes(option.id);
          const mine = highlightIds.includes(option.id);
          return (
            <li
              key={option.id}
              className={`flex items-start gap-3 rounded-xl px-3 py-2.5 ${
                mine ? "bg-rose-50 ring-2 ring-rose-600" : "bg-slate-50 ring-1 ring-slate-200"
              }`}
            >
              <span
                className={`print-colours grid size-8 shrink-0 place-items-center rounded-lg ${style.surface}`}
                aria-hidden="true"
              >
                <AnswerShape shape={style.shape} className="size-4" />
              </span>
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-black text-slate-800">
                  {t(right ? "whyRight" : "whyWrong", { letter: style.letter })}
                  {mine ? (
                    <span className="rounded-full bg-rose-700 px-2.5 py-0.5 text-xs font-black text-white">
                      {t("yourWrongPick")}
                    </span>
                  ) : null}
                </p>
                <p
                  lang={lang}
                  className="text-base leading-relaxed break-keep whitespace-pre-line text-slate-800 wrap-anywhere"
                >
                  {text}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
