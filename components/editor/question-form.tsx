"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { QuestionKind } from "../../lib/contract";
import { DECK_LIMITS } from "../../lib/deck";
import type { DraftQuestion } from "./draft";
import { TextArea, useProblemText } from "./fields";
import { ImageField } from "./image-field";
import { OptionsEditor } from "./options-editor";
import { questionFieldId } from "./problems";
import { QuestionActions } from "./question-actions";
import { QuestionSettings } from "./question-settings";
import { Segmented } from "./segmented";
import { TagsInput } from "./tags-input";
import type { DeckEditorModel } from "./use-deck-editor";

interface QuestionFormProps {
  editor: DeckEditorModel;
  question: DraftQuestion;
  number: number;
  readOnly: boolean;
  tagSuggestions: readonly string[];
  onDelete: () => void;
}

/** Everything about one question, top to bottom in the order it reaches the room. */
export function QuestionForm({ editor, question, number, readOnly, tagSuggestions, onDelete }: QuestionFormProps) {
  const t = useTranslations("editor");
  const problem = useProblemText();
  const { dispatch, touch } = editor;
  const { key } = question;
  const lang = editor.state.draft.language;
  const count = editor.state.draft.questions.length;
  const field = (name: string) => questionFieldId(key, name);
  const textId = field("text");
  const top = useRef<HTMLElement>(null);

  // A question chosen from the list while the page was scrolled down opens at its top.
  useEffect(() => {
    const element = top.current;
    if (element && element.getBoundingClientRect().top < 0) element.scrollIntoView({ block: "start" });
  }, []);

  return (
    <section
      ref={top}
      aria-labelledby="question-form-title"
      className="flex scroll-mt-24 flex-col gap-6 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="question-form-title" className="text-2xl font-black text-slate-900">
          {t("questionOf", { number, count })}
        </h2>
        {readOnly ? null : (
          <QuestionActions
            number={number}
            count={count}
            onMove={(by) => dispatch({ type: "move", from: number - 1, to: number - 1 + by })}
            onDuplicate={() => dispatch({ type: "duplicate", key })}
            onDelete={onDelete}
          />
        )}
      </div>
      {/* A disabled fieldset makes a built-in deck read-only in one place. */}
      <fieldset disabled={readOnly} className="flex min-w-0 flex-col gap-6">
        <legend className="sr-only">{t("questionOf", { number, count })}</legend>
        <Segmented<QuestionKind>
          id={field("kind")}
          name={`q-${key}-kind`}
          legend={t("kind")}
          value={question.kind}
          choices={[
            { value: "single", label: t("kindLong.single") },
            { value: "multiple", label: t("kindLong.multiple") },
            { value: "truefalse", label: t("kindLong.truefalse") },
          ]}
          onChange={(kind) => dispatch({ type: "kind", key, kind })}
        />
        <TextArea
          id={textId}
          label={t("text")}
          value={question.text}
          max={DECK_LIMITS.text}
          rows={4}
          maxHeight="max-h-[28rem]"
          lang={lang}
          placeholder={t("textPlaceholder")}
          error={problem(editor.errorFor(textId))}
          onChange={(event) => {
            touch(textId);
            dispatch({ type: "question", key, patch: { text: event.target.value } });
          }}
          onBlur={() => touch(textId)}
          className="min-h-28 text-lg"
        />
        <ImageField
          id={field("image")}
          readOnly={readOnly}
          imageUrl={question.imageUrl}
          error={problem(editor.errorFor(field("image")))}
          onChange={(imageUrl) => {
            touch(field("image"));
            dispatch({ type: "question", key, patch: { imageUrl } });
          }}
        />
        <OptionsEditor editor={editor} question={question} lang={lang} readOnly={readOnly} />
        <QuestionSettings editor={editor} question={question} />
        <TextArea
          id={field("explanation")}
          label={t("explanation")}
          hint={t("explanationHint")}
          value={question.explanation}
          max={DECK_LIMITS.explanation}
          rows={3}
          lang={lang}
          error={problem(editor.errorFor(field("explanation")))}
          onChange={(event) => {
            touch(field("explanation"));
            dispatch({ type: "question", key, patch: { explanation: event.target.value } });
          }}
        />
        <TagsInput
          id={field("tags")}
          readOnly={readOnly}
          tags={question.tags}
          suggestions={tagSuggestions}
          lang={lang}
          error={problem(editor.errorFor(field("tags")))}
          onChange={(tags) => dispatch({ type: "question", key, patch: { tags } })}
          onTouch={() => touch(field("tags"))}
        />
      </fieldset>
    </section>
  );
}
