"use client";

import { useTranslations } from "next-intl";
import { OPTION_IDS } from "../../lib/contract";
import { DECK_LIMITS } from "../../lib/deck";
import { AnswerShape } from "../answer-shape";
import { answerStyle } from "../answer-style";
import { CheckIcon } from "../icons";
import { CharCount, FieldError, TextArea, describedBy, inputClass } from "./fields";
import { TrashIcon } from "./editor-icons";

interface OptionRowProps {
  questionKey: string;
  index: number;
  multiple: boolean;
  text: string;
  rationale: string;
  correct: boolean;
  lang: string;
  canRemove: boolean;
  readOnly: boolean;
  textError: string | null;
  rationaleError: string | null;
  correctError: boolean;
  onText: (text: string) => void;
  onRationale: (text: string) => void;
  onCorrect: () => void;
  onRemove: () => void;
  onTouch: (field: "option" | "rationale") => void;
}

/** Options near their limit show a counter; short ones need none. */
const COUNTER_FROM = 0.8;

/** One option: its colour and letter as players see them, its text, whether it is correct, and why. */
export function OptionRow(props: OptionRowProps) {
  const t = useTranslations("editor");
  const { questionKey, index, text, correct, multiple } = props;
  const style = answerStyle(OPTION_IDS[index] ?? "");
  const letter = style.letter;
  const textId = `q-${questionKey}-option-${index}`;
  const rationaleId = `q-${questionKey}-rationale-${index}`;
  // The first marker carries the group's id, so "no correct option" focuses it.
  const markerId = index === 0 ? `q-${questionKey}-correct` : `q-${questionKey}-correct-${index}`;
  const showCount = text.length >= DECK_LIMITS.option * COUNTER_FROM;

  return (
    <li
      className={`flex flex-col gap-2 rounded-2xl border-2 p-3 transition-colors ${
        correct ? "border-emerald-500 bg-emerald-50/60" : "border-slate-200 bg-white"
      }`}
    >
      <div className="flex items-center gap-2.5">
        <span
          aria-hidden="true"
          className={`flex h-11 w-10 shrink-0 flex-col items-center justify-center gap-0.5 rounded-lg ${style.surface}`}
        >
          <AnswerShape shape={style.shape} className="size-4" />
          <span className="text-xs leading-none font-black">{letter}</span>
        </span>
        <label htmlFor={textId} className="sr-only">
          {t("optionLabel", { letter })}
        </label>
        <input
          id={textId}
          value={text}
          lang={props.lang}
          placeholder={t("optionPlaceholder", { letter })}
          aria-invalid={props.textError ? true : undefined}
          aria-describedby={describedBy(textId, { count: showCount, error: Boolean(props.textError) })}
          onChange={(event) => {
            props.onTouch("option");
            props.onText(event.target.value);
          }}
          onBlur={() => props.onTouch("option")}
          className={`h-11 min-w-0 flex-1 font-semibold ${inputClass} ${props.textError ? "border-rose-600" : "border-slate-300"}`}
        />
        <label
          // Read-only, only the correct marks are worth showing.
          hidden={props.readOnly && !correct}
          className={`flex h-11 shrink-0 cursor-pointer items-center gap-2 rounded-xl px-3 text-sm font-bold ring-1 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-amber-500 has-[:disabled]:cursor-default ${
            correct
              ? "bg-emerald-700 text-white ring-emerald-800"
              : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"
          }`}
        >
          {/* The real control, restyled: what a pointer hits is what a screen reader reads. */}
          <span className="relative grid size-5 shrink-0 place-items-center">
            <input
              id={markerId}
              type={multiple ? "checkbox" : "radio"}
              name={`q-${questionKey}-correct`}
              checked={correct}
              onChange={props.onCorrect}
              aria-label={t("markCorrect", { letter })}
              aria-describedby={props.correctError ? `q-${questionKey}-correct-error` : undefined}
              className={`peer size-5 cursor-pointer appearance-none border-2 border-slate-400 checked:border-white checked:bg-white focus:outline-none disabled:cursor-default ${
                multiple ? "rounded-md" : "rounded-full"
              }`}
            />
            <CheckIcon className="pointer-events-none absolute size-4 text-emerald-700 opacity-0 peer-checked:opacity-100" />
          </span>
          <span aria-hidden="true">{correct ? t("correct") : t("markAsCorrect")}</span>
        </label>
        <button
          type="button"
          onClick={props.onRemove}
          disabled={!props.canRemove}
          aria-label={t("removeOption", { letter })}
          title={t("removeOption", { letter })}
          className="grid size-11 shrink-0 place-items-center rounded-xl text-slate-600 hover:bg-rose-50 hover:text-rose-700 disabled:invisible"
        >
          <TrashIcon className="size-5" />
        </button>
      </div>
      {props.textError || showCount ? (
        <div className="flex justify-between gap-3 pl-12">
          <FieldError id={textId} message={props.textError} />
          {showCount ? <CharCount id={textId} length={text.length} max={DECK_LIMITS.option} /> : null}
        </div>
      ) : (
        <FieldError id={textId} message={null} />
      )}
      {/* A built-in deck shows the rationales it has, not empty boxes. */}
      <div className={props.readOnly && props.rationale.trim() === "" ? "hidden" : "pl-12"}>
        <TextArea
          id={rationaleId}
          label={correct ? t("rationaleRight", { letter }) : t("rationaleWrong", { letter })}
          value={props.rationale}
          max={DECK_LIMITS.rationale}
          rows={1}
          lang={props.lang}
          placeholder={correct ? t("rationaleRightPlaceholder") : t("rationaleWrongPlaceholder")}
          error={props.rationaleError}
          onChange={(event) => {
            props.onTouch("rationale");
            props.onRationale(event.target.value);
          }}
          className="min-h-11 text-sm"
        />
      </div>
    </li>
  );
}
