"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Locale } from "../../lib/contract";
import { DECK_LIMITS } from "../../lib/deck";
import { ChevronDownIcon } from "./editor-icons";
import { TextArea, TextField, useProblemText } from "./fields";
import { deckFieldId } from "./problems";
import { Segmented } from "./segmented";
import type { DeckEditorModel } from "./use-deck-editor";

/**
 * The deck's own fields: title, the language its questions are written in,
 * description. Folded away on an existing deck so the question list has the
 * room (the title is in the toolbar); opened by itself when a field has a problem.
 */
export function DeckFields({ editor, readOnly }: { editor: DeckEditorModel; readOnly: boolean }) {
  const t = useTranslations("editor");
  const common = useTranslations("common");
  const problem = useProblemText();
  const { draft } = editor.state;
  const titleId = deckFieldId("title");
  const descriptionId = deckFieldId("description");
  const languageId = deckFieldId("language");
  const [open, setOpen] = useState(editor.deckId === null);
  const troubled = Boolean(editor.errorFor(titleId) ?? editor.errorFor(descriptionId));
  const shown = open || troubled;
  const languageName = draft.language === "ko" ? common("korean") : common("english");

  return (
    <section
      aria-labelledby="deck-fields-title"
      className="flex flex-col gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="deck-fields-title" className="text-lg font-black text-slate-900">
        <button
          type="button"
          aria-expanded={shown}
          aria-controls="deck-fields-body"
          disabled={troubled}
          onClick={() => setOpen(!shown)}
          className="flex w-full items-center justify-between gap-2 rounded-lg text-left disabled:cursor-default"
        >
          {t("deckSection")}
          <span className="flex items-center gap-1 text-sm font-bold text-indigo-800">
            {shown ? t("hideDetails") : t("showDetails")}
            <ChevronDownIcon className={`size-4 transition-transform ${shown ? "rotate-180" : ""}`} />
          </span>
        </button>
      </h2>
      {shown ? null : (
        <p className="-mt-2 flex flex-col gap-1 text-sm text-slate-700">
          <span className="font-bold">{languageName}</span>
          {draft.description.trim() ? (
            <span lang={draft.language} className="line-clamp-2">
              {draft.description}
            </span>
          ) : null}
        </p>
      )}
      <fieldset id="deck-fields-body" hidden={!shown} disabled={readOnly} className="flex min-w-0 flex-col gap-4">
        <legend className="sr-only">{t("deckSection")}</legend>
        <TextField
          id={titleId}
          label={t("title")}
          value={draft.title}
          max={DECK_LIMITS.title}
          lang={draft.language}
          placeholder={t("titlePlaceholder")}
          error={problem(editor.errorFor(titleId))}
          onChange={(event) => {
            editor.touch(titleId);
            editor.dispatch({ type: "deck", patch: { title: event.target.value } });
          }}
          onBlur={() => editor.touch(titleId)}
        />
        <Segmented<Locale>
          id={languageId}
          name="deck-language"
          legend={t("language")}
          value={draft.language}
          size="sm"
          choices={[
            { value: "ko", label: common("korean"), lang: "ko" },
            { value: "en", label: common("english"), lang: "en" },
          ]}
          onChange={(language) => editor.dispatch({ type: "language", language })}
        />
        <TextArea
          id={descriptionId}
          label={t("description")}
          value={draft.description}
          max={DECK_LIMITS.description}
          rows={2}
          maxHeight="max-h-40"
          lang={draft.language}
          placeholder={t("descriptionPlaceholder")}
          error={problem(editor.errorFor(descriptionId))}
          onChange={(event) => {
            editor.touch(descriptionId);
            editor.dispatch({ type: "deck", patch: { description: event.target.value } });
          }}
        />
      </fieldset>
    </section>
  );
}
