"use client";

import { useTranslations } from "next-intl";
import type { PublicOption } from "../lib/contract";
import { AnswerShape } from "./answer-shape";
import { answerStyle } from "./answer-style";
import { CheckIcon } from "./icons";

interface AnswerButtonProps {
  option: PublicOption;
  onPress: () => void;
  /** For multiple-select toggles: whether this option is chosen. Omit for one-tap answers. */
  selected?: boolean;
  disabled?: boolean;
}

/** A phone answer button: full width, tall, colour + shape + letter + the full option text. */
export function AnswerButton({ option, onPress, selected, disabled }: AnswerButtonProps) {
  const t = useTranslations("answers");
  const style = answerStyle(option.id);
  const toggle = selected !== undefined;
  const dimmed = toggle && !selected;
  return (
    <button
      type="button"
      onClick={onPress}
      disabled={disabled}
      aria-pressed={toggle ? selected : undefined}
      aria-label={t("label", { letter: style.letter, text: option.text })}
      className={`flex min-h-16 w-full items-center gap-3 rounded-2xl px-4 py-3 text-left shadow-md transition active:scale-[0.98] disabled:cursor-not-allowed disabled:opacity-60 ${style.surface} ${
        selected ? "ring-4 ring-white ring-offset-4 ring-offset-indigo-950" : ""
      } ${dimmed ? "opacity-85" : ""}`}
    >
      <span className="flex w-8 shrink-0 flex-col items-center gap-0.5">
        <AnswerShape shape={style.shape} className="size-7" />
        <span className="text-sm leading-none font-black">{style.letter}</span>
      </span>
      <span className="min-w-0 flex-1 text-[1.05rem] leading-snug font-bold">{option.text}</span>
      {toggle ? (
        <span
          aria-hidden="true"
          className={`grid size-8 shrink-0 place-items-center rounded-lg border-2 border-current text-xl font-black ${
            selected ? "bg-white text-slate-900" : ""
          }`}
        >
          {selected ? <CheckIcon className="size-6" /> : null}
        </span>
      ) : null}
    </button>
  );
}
