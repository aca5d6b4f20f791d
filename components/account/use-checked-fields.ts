"use client";

import { useState } from "react";
import type { z } from "zod";
import { check, type FieldErrors } from "./validation";

/**
 * A form's text fields with their messages. Nothing is flagged while the user
 * first types; `submit()` checks every field, shows each one's message and moves
 * focus to the first field in error. After that, each change re-checks, so a
 * message goes away as soon as the field is right.
 *
 * `idOf(field)` is the input's id (for the focus). `submit()` returns the parsed
 * values, or null when a field is wrong.
 */
export function useCheckedFields<F extends string, T>(
  schema: z.ZodType<T>,
  initial: Record<F, string>,
  idOf: (field: F) => string,
) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [submitted, setSubmitted] = useState(false);

  function set(field: F, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (submitted) setErrors(check(schema, next).errors ?? {});
  }

  function submit(): T | null {
    setSubmitted(true);
    const result = check(schema, values);
    setErrors(result.errors ?? {});
    const errors = result.errors;
    if (errors) {
      const first = (Object.keys(initial) as F[]).find((field) => errors[field] !== undefined);
      if (first !== undefined) document.getElementById(idOf(first))?.focus();
      return null;
    }
    return result.data;
  }

  /** Back to the initial values with no messages (after a success). */
  function reset() {
    setValues(initial);
    setErrors({});
    setSubmitted(false);
  }

  return { values, errors, set, submit, reset };
}
