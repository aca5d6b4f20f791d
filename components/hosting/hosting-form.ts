// The hosting dialog's fields as typed, turned into the `create` options: pure,
// so the dialog only draws them.
import { TIME_LIMIT_SEC, type HostingOptions } from "../../lib/contract";

export type TimeLimitField = { ok: true; seconds: number | undefined } | { ok: false };

/**
 * Empty keeps every question's own limit. `badInput` is the browser's word for a
 * number field holding something that is not a number (its value reads "" then).
 */
export function parseTimeLimit(text: string, badInput = false): TimeLimitField {
  if (badInput) return { ok: false };
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, seconds: undefined };
  if (!/^\d+$/.test(trimmed)) return { ok: false };
  const seconds = Number(trimmed);
  return seconds >= TIME_LIMIT_SEC.min && seconds <= TIME_LIMIT_SEC.max ? { ok: true, seconds } : { ok: false };
}

export interface HostingChoices {
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  timeLimitSec: number | undefined;
  /** The chosen questions' 0-based indexes; null when the deck's questions are unknown (all are played). */
  selected: readonly number[] | null;
  questionCount: number;
}

/** Only what differs from the deck's own way; `questionIndexes` only for a strict subset, in deck order. */
export function toHostingOptions(choices: HostingChoices): HostingOptions {
  const options: HostingOptions = {};
  if (choices.shuffleQuestions) options.shuffleQuestions = true;
  if (choices.shuffleOptions) options.shuffleOptions = true;
  if (choices.timeLimitSec !== undefined) options.timeLimitSec = choices.timeLimitSec;
  if (choices.selected && choices.selected.length > 0 && choices.selected.length < choices.questionCount) {
    options.questionIndexes = [...choices.selected].sort((a, b) => a - b);
  }
  return options;
}

/** The first line of a question's scenario, for the picker. */
export const firstLine = (text: string) => text.trim().split(/\r?\n/, 1)[0] ?? "";
