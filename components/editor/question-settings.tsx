"use client";

import { useTranslations } from "next-intl";
import type { PointsKind } from "../../lib/contract";
import { DECK_LIMITS } from "../../lib/deck";
import type { DraftQuestion } from "./draft";
import { FieldError, describedBy, inputClass, useProblemText } from "./fields";
import { questionFieldId } from "./problems";
import { Segmented } from "./segmented";
import type { DeckEditorModel } from "./use-deck-editor";

/** Offered in the time field's list; any whole number in the limits can be typed. */
const TIME_PRESETS = [10, 20, 30, 45, 60, 90, 120, 180, 240];

/** Time limit and points: how long the room has, and what a right answer is worth. */
export function QuestionSettings({ editor, question }: { editor: DeckEditorModel; question: DraftQuestion }) {
  const t = useTranslations("editor");
  const problem = useProblemText();
  const { key } = question;
  const timeId = questionFieldId(key, "time");
  const timeError = problem(editor.errorFor(timeId));

  return (
    <div className="grid gap-4 2xl:grid-cols-[12rem_minmax(0,1fr)]">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={timeId} className="text-sm font-bold text-slate-700">
          {t("timeLimit")}
        </label>
        <div className="relative max-w-48">
          <input
            id={timeId}
            type="number"
            inputMode="numeric"
            min={DECK_LIMITS.minTimeLimitSec}
            max={DECK_LIMITS.maxTimeLimitSec}
            step={1}
            list={`${timeId}-presets`}
            value={question.timeLimit}
            aria-invalid={timeError ? true : undefined}
            aria-describedby={describedBy(timeId, { hint: true, error: Boolean(timeError) })}
            onChange={(event) => {
              editor.touch(timeId);
              editor.dispatch({ type: "question", key, patch: { timeLimit: event.target.value } });
            }}
            className={`h-11 pr-20 tabular-nums ${inputClass} ${timeError ? "border-rose-600" : "border-slate-300"}`}
          />
          <span
            aria-hidden="true"
            className="pointer-events-none absolute inset-y-0 right-9 flex items-center text-sm font-semibold text-slate-600"
          >
            {t("secondsUnit")}
          </span>
          <datalist id={`${timeId}-presets`}>
            {TIME_PRESETS.map((seconds) => (
              <option key={seconds} value={seconds} />
            ))}
          </datalist>
        </div>
        <FieldError id={timeId} message={timeError} />
        <p id={`${timeId}-hint`} className="text-sm text-slate-600">
          {t("timeHint", { min: DECK_LIMITS.minTimeLimitSec, max: DECK_LIMITS.maxTimeLimitSec })}
        </p>
      </div>
      <Segmented<PointsKind>
        id={questionFieldId(key, "points")}
        name={`q-${key}-points`}
        legend={t("points")}
        value={question.points}
        error={problem(editor.errorFor(questionFieldId(key, "points")))}
        choices={[
          { value: "standard", label: t("pointsLong.standard"), detail: t("pointsDetail.standard") },
          { value: "double", label: t("pointsLong.double"), detail: t("pointsDetail.double") },
          { value: "none", label: t("pointsLong.none"), detail: t("pointsDetail.none") },
        ]}
        onChange={(points) => editor.dispatch({ type: "question", key, patch: { points } })}
      />
    </div>
  );
}
