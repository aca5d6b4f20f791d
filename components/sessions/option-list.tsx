"use client";

import { useTranslations } from "next-intl";
import { AnswerShape } from "../answer-shape";
import { answerStyle } from "../answer-style";
import { CheckIcon } from "../icons";

export interface OptionMark {
  /** Right-hand text: "3 answers · 60%" in the report. */
  detail?: string;
  /** Extra tags ("Your answer"). */
  badges?: { text: string; tone: "mine" | "wrong" }[];
}

interface OptionListProps {
  options: { id: string; text: string }[];
  correctOptionIds: string[];
  marks?: Record<string, OptionMark>;
  lang?: string;
}

/** A question's options, full text, with letter + shape; the correct ones ringed green and labelled. */
export function OptionList({ options, correctOptionIds, marks = {}, lang }: OptionListProps) {
  const t = useTranslations("report");
  return (
    <ul className="flex flex-col gap-2">
      {options.map((option) => {
        const style = answerStyle(option.id);
        const correct = correctOptionIds.includes(option.id);
        const mark = marks[option.id];
        return (
          <li
            key={option.id}
            className={`report-avoid-break flex items-start gap-3 rounded-xl px-3 py-2.5 ring-1 ${
              correct ? "bg-emerald-50 ring-2 ring-emerald-600" : "bg-white ring-slate-200"
            }`}
          >
            <span
              className={`print-colours grid size-8 shrink-0 place-items-center rounded-lg text-sm font-black ${style.surface}`}
            >
              <AnswerShape shape={style.shape} className="size-4" />
            </span>
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <p className="text-base leading-snug text-slate-900">
                <span className="mr-1.5 font-black">{style.letter}.</span>
                <span lang={lang}>{option.text}</span>
              </p>
              {correct || mark?.badges?.length ? (
                <p className="flex flex-wrap gap-1.5 text-sm font-bold">
                  {correct ? (
                    <span className="print-colours inline-flex items-center gap-1 rounded-full bg-emerald-700 px-2.5 py-0.5 text-white">
                      <CheckIcon className="size-3.5" />
                      {t("correctOption")}
                    </span>
                  ) : null}
                  {mark?.badges?.map((badge) => (
                    <span
                      key={badge.text}
                      className={`rounded-full px-2.5 py-0.5 ring-1 ${
                        badge.tone === "mine"
                          ? "bg-indigo-100 text-indigo-900 ring-indigo-300"
                          : "bg-rose-100 text-rose-900 ring-rose-300"
                      }`}
                    >
                      {badge.text}
                    </span>
                  ))}
                </p>
              ) : null}
            </div>
            {mark?.detail ? (
              <span className="shrink-0 pt-0.5 text-right text-sm font-bold whitespace-nowrap text-slate-700 tabular-nums">
                {mark.detail}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
