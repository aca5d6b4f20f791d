"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import type { Locale } from "../../lib/contract";
import { firstLine } from "./hosting-form";

export interface PickerQuestion {
  text: string;
  timeLimitSec: number;
}

interface QuestionPickerProps {
  questions: PickerQuestion[];
  language: Locale;
  selected: readonly number[];
  onChange: (selected: number[]) => void;
  /** The time every question will get, when the instructor overrides it. */
  timeLimitSec: number | undefined;
}

/**
 * "All", or the questions one by one (number, first line of the scenario, time
 * limit). Emptying it is allowed but said at once: a game needs one question.
 */
export function QuestionPicker({ questions, language, selected, onChange, timeLimitSec }: QuestionPickerProps) {
  const t = useTranslations("hosting");
  const errorId = useId();
  const all = useRef<HTMLInputElement>(null);
  const chosen = new Set(selected);
  const everyOne = chosen.size === questions.length;
  const none = chosen.size === 0;

  // "All" is half-checked for a subset; only a DOM property can say so.
  useEffect(() => {
    if (all.current) all.current.indeterminate = !everyOne && !none;
  }, [everyOne, none]);

  const toggle = (index: number) =>
    onChange(chosen.has(index) ? selected.filter((i) => i !== index) : [...selected, index].sort((a, b) => a - b));

  return (
    <fieldset className="flex min-h-0 min-w-0 flex-col gap-3" aria-describedby={none ? errorId : undefined}>
      <legend className="text-lg font-black text-slate-900">{t("questions")}</legend>
      <div className="-mt-1 flex flex-wrap items-center justify-between gap-3">
        <label className="inline-flex cursor-pointer items-center gap-3 rounded-lg py-1 text-base font-bold text-slate-900">
          <input
            ref={all}
            type="checkbox"
            checked={everyOne}
            onChange={() => onChange(everyOne ? [] : questions.map((_, i) => i))}
            className="size-5 accent-indigo-700"
          />
          {t("all")}
        </label>
        <p className="text-sm font-semibold text-slate-600 tabular-nums" aria-live="polite">
          {t("selectedCount", { selected: chosen.size, count: questions.length })}
        </p>
      </div>
      <ul className="max-h-[min(26rem,42dvh)] divide-y divide-slate-100 overflow-y-auto rounded-2xl bg-white ring-1 ring-slate-200">
        {questions.map((question, index) => (
          <li key={index}>
            <label className="flex cursor-pointer items-center gap-3 px-4 py-2.5 hover:bg-indigo-50/60">
              <input
                type="checkbox"
                checked={chosen.has(index)}
                onChange={() => toggle(index)}
                className="size-5 shrink-0 accent-indigo-700"
              />
              <span className="w-8 shrink-0 text-right font-bold text-slate-600 tabular-nums">{index + 1}.</span>
              <span
                lang={language}
                title={firstLine(question.text)}
                className="min-w-0 flex-1 truncate text-base text-slate-900"
              >
                {firstLine(question.text)}
              </span>
              <span className="shrink-0 text-sm font-semibold whitespace-nowrap text-slate-600 tabular-nums">
                {t("seconds", { seconds: timeLimitSec ?? question.timeLimitSec })}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {none ? (
        <p id={errorId} role="alert" className="text-base font-semibold text-rose-800">
          {t("noneSelected")}
        </p>
      ) : null}
    </fieldset>
  );
}
