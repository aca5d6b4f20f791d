"use client";

// A choice of a few, drawn as one row of pills: native radio buttons underneath,
// so arrow keys, the form's disabled state and screen readers work as usual.
import type { ReactNode } from "react";
import { FieldError } from "./fields";

export interface SegmentedChoice<T extends string> {
  value: T;
  label: ReactNode;
  /** A line under the label (e.g. what "double" means). */
  detail?: ReactNode;
  lang?: string;
}

interface SegmentedProps<T extends string> {
  id: string;
  name: string;
  legend: string;
  hideLegend?: boolean;
  value: T;
  choices: SegmentedChoice<T>[];
  onChange: (value: T) => void;
  error?: string | null;
  size?: "sm" | "md";
}

export function Segmented<T extends string>({
  id,
  name,
  legend,
  hideLegend,
  value,
  choices,
  onChange,
  error = null,
  size = "md",
}: SegmentedProps<T>) {
  return (
    <fieldset id={id} aria-describedby={error ? `${id}-error` : undefined} className="flex min-w-0 flex-col gap-1.5">
      <legend className={hideLegend ? "sr-only" : "mb-1.5 text-sm font-bold text-slate-700"}>{legend}</legend>
      <div className="flex flex-wrap gap-1 rounded-xl bg-slate-200/70 p-1">
        {choices.map((choice) => {
          const checked = choice.value === value;
          return (
            <label
              key={choice.value}
              lang={choice.lang}
              className={`flex min-w-0 flex-1 cursor-pointer flex-col items-center justify-center rounded-lg px-3 text-center font-bold transition-colors has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-amber-500 has-[:disabled]:cursor-default ${
                size === "sm" ? "py-1 text-sm" : "py-1.5 text-base"
              } ${checked ? "bg-white text-indigo-900 shadow-sm ring-1 ring-indigo-200" : "text-slate-700 hover:bg-white/60"}`}
            >
              <input
                type="radio"
                name={name}
                value={choice.value}
                checked={checked}
                onChange={() => onChange(choice.value)}
                className="sr-only"
              />
              <span className="break-keep">{choice.label}</span>
              {choice.detail ? (
                <span className={`text-xs font-semibold ${checked ? "text-indigo-700" : "text-slate-600"}`}>
                  {choice.detail}
                </span>
              ) : null}
            </label>
          );
        })}
      </div>
      <FieldError id={id} message={error} />
    </fieldset>
  );
}
