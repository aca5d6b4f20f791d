"use client";

import { useTranslations } from "next-intl";
import { MAX_OPTIONS, MIN_OPTIONS, type DraftQuestion } from "./draft";
import { PlusIcon } from "./editor-icons";
import { FieldError, useProblemText } from "./fields";
import { OptionRow } from "./option-row";
import { questionFieldId } from "./problems";
import type { DeckEditorModel } from "./use-deck-editor";

/** The options with their correct marks and rationales; 2–6, two fixed ones for true/false. */
export function OptionsEditor({
  editor,
  question,
  lang,
  readOnly,
}: {
  editor: DeckEditorModel;
  question: DraftQuestion;
  lang: string;
  readOnly: boolean;
}) {
  const t = useTranslations("editor");
  const problem = useProblemText();
  const { key } = question;
  const { dispatch, touch } = editor;
  const trueFalse = question.kind === "truefalse";
  const groupId = questionFieldId(key, "options");
  const correctId = questionFieldId(key, "correct");
  const correctError = problem(editor.errorFor(correctId));
  const full = question.options.length >= MAX_OPTIONS;

  return (
    <fieldset id={groupId} className="flex min-w-0 flex-col gap-3">
      <legend className="mb-1 text-sm font-bold text-slate-700">{t("options")}</legend>
      <p className={readOnly ? "sr-only" : "-mt-1 text-sm text-slate-600"}>
        {question.kind === "multiple"
          ? t("optionsHintMultiple")
          : trueFalse
            ? t("optionsHintTrueFalse")
            : t("optionsHintSingle")}{" "}
        {t("rationaleHint")}
      </p>
      <ol className="flex flex-col gap-2.5">
        {question.options.map((text, index) => {
          const optionField = questionFieldId(key, `option-${index}`);
          const rationaleField = questionFieldId(key, `rationale-${index}`);
          return (
            <OptionRow
              key={index}
              questionKey={key}
              index={index}
              multiple={question.kind === "multiple"}
              text={text}
              rationale={question.rationales[index] ?? ""}
              correct={question.correct.includes(index)}
              lang={lang}
              canRemove={!readOnly && !trueFalse && question.options.length > MIN_OPTIONS}
              readOnly={readOnly}
              textError={problem(editor.errorFor(optionField))}
              rationaleError={problem(editor.errorFor(rationaleField))}
              correctError={Boolean(correctError)}
              onText={(value) => dispatch({ type: "option", key, index, text: value })}
              onRationale={(value) => dispatch({ type: "rationale", key, index, text: value })}
              onCorrect={() => {
                touch(correctId);
                dispatch({ type: "toggleCorrect", key, index });
              }}
              onRemove={() => {
                touch(groupId);
                dispatch({ type: "removeOption", key, index });
              }}
              onTouch={(field) => touch(field === "option" ? optionField : rationaleField)}
            />
          );
        })}
      </ol>
      <FieldError id={correctId} message={correctError} />
      <FieldError id={groupId} message={problem(editor.errorFor(groupId))} />
      {trueFalse || readOnly ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => {
              touch(groupId);
              dispatch({ type: "addOption", key });
            }}
            disabled={full}
            className="inline-flex h-10 items-center gap-1.5 rounded-xl bg-white px-4 text-sm font-extrabold text-indigo-800 ring-1 ring-indigo-200 hover:bg-indigo-50 disabled:cursor-not-allowed disabled:opacity-50"
          >
            <PlusIcon className="size-4" />
            {t("addOption")}
          </button>
          <p className="text-sm text-slate-600">{t("optionLimits", { min: MIN_OPTIONS, max: MAX_OPTIONS })}</p>
        </div>
      )}
    </fieldset>
  );
}
