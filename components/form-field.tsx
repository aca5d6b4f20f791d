import type { InputHTMLAttributes } from "react";

interface FormFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  hint?: string;
  /** A message about this field's value (already in the page's language); marks the input invalid. */
  error?: string;
}

/** A labelled text input with an optional hint and error tied to it. */
export function FormField({ id, label, hint, error, className = "", ...props }: FormFieldProps) {
  // The error is read after the hint, so a screen reader hears what is wrong last.
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-bold text-slate-700">
        {label}
      </label>
      <input
        id={id}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        {...props}
        className={`h-12 rounded-xl border-2 bg-white px-4 text-lg text-slate-900 focus:border-indigo-600 focus:outline-none focus-visible:outline-3 focus-visible:outline-amber-500 ${
          error ? "border-rose-600" : "border-slate-300"
        } ${className}`}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const primaryButton =
  "h-12 w-full rounded-xl bg-indigo-700 text-lg font-extrabold text-white shadow-md hover:bg-indigo-800 disabled:cursor-wait disabled:opacity-60";

export const formError = "rounded-xl bg-rose-50 px-4 py-3 text-base font-semibold text-rose-800";
