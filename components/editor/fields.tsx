"use client";

// The editor's labelled inputs: the look of components/form-field.tsx, plus a
// character counter against the deck's limits and the problem found at the field.
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { AlertIcon } from "./editor-icons";
import type { ProblemText } from "./problems";

export const inputClass =
  "w-full rounded-xl border-2 bg-white px-3.5 text-base text-slate-900 placeholder:text-slate-500 focus:border-indigo-600 focus:ring-4 focus:ring-indigo-600/15 focus:outline-none aria-invalid:border-rose-600 aria-invalid:focus:ring-rose-600/15 disabled:bg-slate-50 disabled:text-slate-800";
const borderOf = (error: string | null) => (error ? "border-rose-600" : "border-slate-300");

/** Turns a problem into the interface's language. */
export function useProblemText() {
  const t = useTranslations("editor.problems");
  return useCallback(
    (text: ProblemText | null): string | null => {
      if (!text) return null;
      return "raw" in text ? text.raw : t(text.key, text.values);
    },
    [t],
  );
}

export function FieldError({ id, message }: { id: string; message: string | null }) {
  // Always in the page so screen readers hear the message when it appears.
  return (
    <p
      id={`${id}-error`}
      aria-live="polite"
      className="flex items-start gap-1.5 text-sm font-semibold text-rose-700 empty:hidden"
    >
      {message ? (
        <>
          <AlertIcon className="mt-0.5 size-4" />
          <span>{message}</span>
        </>
      ) : null}
    </p>
  );
}

export function CharCount({ id, length, max }: { id: string; length: number; max: number }) {
  const t = useTranslations("editor");
  const format = useFormatter();
  const tone = length > max ? "font-bold text-rose-700" : length > max * 0.9 ? "text-amber-800" : "text-slate-600";
  return (
    <p id={`${id}-count`} className={`shrink-0 text-sm tabular-nums ${tone}`}>
      {t("charCount", { count: format.number(length), max: format.number(max) })}
    </p>
  );
}

/** aria-describedby for a field: its hint, its counter, its problem. */
export function describedBy(id: string, parts: { hint?: boolean; count?: boolean; error?: boolean }) {
  const ids = [parts.hint && `${id}-hint`, parts.count && `${id}-count`, parts.error && `${id}-error`];
  return ids.filter(Boolean).join(" ") || undefined;
}

interface Common {
  id: string;
  label: string;
  hint?: string;
  max?: number;
  error: string | null;
  /** Visually hidden label (the surrounding layout says what the field is). */
  hideLabel?: boolean;
}

function Label({ id, label, hideLabel }: Pick<Common, "id" | "label" | "hideLabel">) {
  return (
    <label htmlFor={id} className={hideLabel ? "sr-only" : "text-sm font-bold text-slate-700"}>
      {label}
    </label>
  );
}

function Footer({ id, hint, max, length, error }: Omit<Common, "label"> & { length: number }) {
  if (!hint && max === undefined && !error) return <FieldError id={id} message={null} />;
  return (
    <div className="flex items-start justify-between gap-3">
      <div className="flex min-w-0 flex-col gap-0.5">
        <FieldError id={id} message={error} />
        {hint ? (
          <p id={`${id}-hint`} className="text-sm text-slate-600">
            {hint}
          </p>
        ) : null}
      </div>
      {max !== undefined ? <CharCount id={id} length={length} max={max} /> : null}
    </div>
  );
}

export function TextField({
  id,
  label,
  hint,
  max,
  error,
  hideLabel,
  value,
  className = "",
  ...props
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value"> & { value: string }) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label id={id} label={label} hideLabel={hideLabel} />
      <input
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), count: max !== undefined, error: Boolean(error) })}
        {...props}
        className={`h-11 ${inputClass} ${borderOf(error)} ${className}`}
      />
      <Footer id={id} hint={hint} max={max} length={value.length} error={error} />
    </div>
  );
}

export function TextArea({
  id,
  label,
  hint,
  max,
  error,
  hideLabel,
  value,
  maxHeight = "max-h-80",
  className = "",
  ...props
}: Common &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "value"> & {
    value: string;
    /** How tall the field may grow with its text before it scrolls. */
    maxHeight?: string;
  }) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label id={id} label={label} hideLabel={hideLabel} />
      <textarea
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), count: max !== undefined, error: Boolean(error) })}
        {...props}
        // Grows with the text (field-sizing), within bounds the page can still scroll around.
        className={`field-sizing-content ${maxHeight} resize-y py-2.5 leading-relaxed ${inputClass} ${borderOf(error)} ${className}`}
      />
      <Footer id={id} hint={hint} max={max} length={value.length} error={error} />
    </div>
  );
}
