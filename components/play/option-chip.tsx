"use client";

import { useTranslations } from "next-intl";
import type { PublicOption } from "../../lib/contract";
import { AnswerShape } from "../answer-shape";
import { answerStyle } from "../answer-style";

/** A compact, non-interactive option: used to show the correct answer and one's own. */
export function OptionChip({ option }: { option: PublicOption }) {
  const t = useTranslations("answers");
  const style = answerStyle(option.id);
  return (
    <li className={`flex items-center gap-3 rounded-xl px-3 py-2 ${style.surface}`}>
      <AnswerShape shape={style.shape} className="size-5 shrink-0" />
      <span className="sr-only">{t("label", { letter: style.letter, text: option.text })}</span>
      <span aria-hidden="true" className="min-w-0 text-base leading-snug font-bold">
        <span className="mr-1.5 font-black">{style.letter}</span>
        {option.text}
      </span>
    </li>
  );
}
