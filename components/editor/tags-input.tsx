"use client";

// Topic tags as chips. Enter, a comma or leaving the field adds what was typed;
// Backspace in the empty field takes the last chip back for editing. The
// instructor's own tags are offered as they type (a native <datalist>).
import { useTranslations } from "next-intl";
import { useState, type KeyboardEvent } from "react";
import { DECK_LIMITS } from "../../lib/deck";
import { FieldError, describedBy } from "./fields";

interface TagsInputProps {
  id: string;
  readOnly: boolean;
  tags: string[];
  suggestions: readonly string[];
  lang: string;
  error: string | null;
  onChange: (tags: string[]) => void;
  onTouch: () => void;
}

const normal = (tag: string) => tag.normalize("NFKC").toLocaleLowerCase();

export function TagsInput({ id, readOnly, tags, suggestions, lang, error, onChange, onTouch }: TagsInputProps) {
  const t = useTranslations("editor");
  const [typed, setTyped] = useState("");
  const full = tags.length >= DECK_LIMITS.tags;
  const taken = new Set(tags.map(normal));
  const offered = suggestions.filter((tag) => !taken.has(normal(tag)));

  function commit(raw: string) {
    const tag = raw.replace(/,/g, " ").replace(/\s+/g, " ").trim();
    setTyped("");
    onTouch();
    // The same tag twice (any case) is one tag.
    if (tag === "" || full || taken.has(normal(tag))) return;
    onChange([...tags, tag]);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return; // a Korean syllable still being typed
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      commit(typed);
    } else if (event.key === "Backspace" && typed === "" && tags.length > 0) {
      event.preventDefault();
      const last = tags[tags.length - 1] ?? "";
      onChange(tags.slice(0, -1));
      setTyped(last);
    }
  }

  if (readOnly) {
    return (
      <div className="flex flex-col gap-1.5">
        <p className="text-sm font-bold text-slate-700">{t("tags")}</p>
        {tags.length > 0 ? (
          <ul aria-label={t("tagsList")} className="flex flex-wrap gap-2">
            {tags.map((tag, i) => (
              <li
                key={`${i}-${tag}`}
                lang={lang}
                className="rounded-full bg-indigo-50 px-3 py-1 text-sm font-bold text-indigo-900 ring-1 ring-indigo-200"
              >
                #{tag}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("noTags")}</p>
        )}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-bold text-slate-700">
        {t("tags")}
      </label>
      <div
        className={`flex flex-wrap items-center gap-2 rounded-xl border-2 bg-white p-1.5 focus-within:border-indigo-600 ${
          error ? "border-rose-600" : "border-slate-300"
        }`}
      >
        {tags.length > 0 ? (
          <ul aria-label={t("tagsList")} className="contents">
            {tags.map((tag, i) => (
              <li
                key={`${i}-${tag}`}
                lang={lang}
                className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pr-1 pl-3 text-sm font-bold text-indigo-900 ring-1 ring-indigo-200"
              >
                #{tag}
                <button
                  type="button"
                  onClick={() => onChange(tags.filter((other) => other !== tag))}
                  aria-label={t("removeTag", { tag })}
                  className="grid size-6 place-items-center rounded-full text-base leading-none text-indigo-700 hover:bg-indigo-200"
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          id={id}
          value={typed}
          lang={lang}
          list={`${id}-suggestions`}
          disabled={full}
          maxLength={DECK_LIMITS.tag}
          placeholder={full ? t("tagsFull", { max: DECK_LIMITS.tags }) : t("tagsPlaceholder")}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { hint: true, error: Boolean(error) })}
          onChange={(event) => {
            const value = event.target.value;
            // A suggestion picked from the list arrives whole, not typed: take it at once.
            const inputType = (event.nativeEvent as Partial<InputEvent>).inputType;
            const picked = inputType === undefined || inputType === "insertReplacementText";
            if (picked && offered.includes(value)) commit(value);
            else setTyped(value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => commit(typed)}
          className="h-9 min-w-40 flex-1 rounded-lg bg-white px-2 text-base text-slate-900 placeholder:text-slate-500 focus:outline-none disabled:bg-transparent"
        />
        <datalist id={`${id}-suggestions`}>
          {offered.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </div>
      <FieldError id={id} message={error} />
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {t("tagsHint", { max: DECK_LIMITS.tags })}
      </p>
    </div>
  );
}
