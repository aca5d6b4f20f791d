// The instructor forms' rules, checked in the browser before anything is sent so
// every field gets its own message in the page's language. The limits match the
// server's (server/http/api.ts and Better Auth's minPasswordLength/maxPasswordLength
// in server/auth.ts); the server checks again and stays the authority.
import { z } from "zod";

export const NAME_MAX = 100;
export const EMAIL_MAX = 200;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export type ValidationKey =
  | "nameRequired"
  | "nameTooLong"
  | "emailRequired"
  | "emailInvalid"
  | "emailTooLong"
  | "passwordRequired"
  | "passwordTooShort"
  | "passwordTooLong"
  | "currentPasswordRequired"
  | "newPasswordSame";

/** Gives the localized message for a rule; the forms pass their translator. */
export type Say = (key: ValidationKey) => string;

// `abort` stops at the first broken rule, so an empty field says "enter…", not "invalid".
const name = (say: Say) =>
  z
    .string()
    .trim()
    .min(1, { error: say("nameRequired"), abort: true })
    .max(NAME_MAX, { error: say("nameTooLong") });

const email = (say: Say) =>
  z
    .string()
    .trim()
    .min(1, { error: say("emailRequired"), abort: true })
    .max(EMAIL_MAX, { error: say("emailTooLong"), abort: true })
    // The same check as the server's z.email(): what passes here passes there.
    .pipe(z.email({ error: say("emailInvalid") }));

/** A password being chosen: never trimmed (spaces are characters like any other). */
const newPassword = (say: Say) =>
  z
    .string()
    .min(1, { error: say("passwordRequired"), abort: true })
    .min(PASSWORD_MIN, { error: say("passwordTooShort"), abort: true })
    .max(PASSWORD_MAX, { error: say("passwordTooLong") });

/** { name, email, password } for the setup page and "Add an instructor"; email trimmed. */
export const instructorSchema = (say: Say) =>
  z.object({ name: name(say), email: email(say), password: newPassword(say) });

/**
 * { email, password } for sign-in. Only "is there a password": an account made
 * before a longer minimum still signs in.
 */
export const signInSchema = (say: Say) =>
  z.object({
    email: email(say),
    password: z.string().min(1, { error: say("passwordRequired") }),
  });

/** { currentPassword, newPassword }; the new one must differ from the current one. */
export const changePasswordSchema = (say: Say) =>
  z
    .object({
      currentPassword: z
        .string()
        .min(1, { error: say("currentPasswordRequired"), abort: true })
        .max(PASSWORD_MAX, { error: say("passwordTooLong") }),
      newPassword: newPassword(say),
    })
    .refine((input) => input.newPassword !== input.currentPassword, {
      error: say("newPasswordSame"),
      path: ["newPassword"],
    });

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Checks `values` against `schema`: `{ data }` when they pass, else `{ errors }`
 * with the first message for each field that broke a rule.
 */
export function check<F extends string, T>(
  schema: z.ZodType<T>,
  values: Record<F, string>,
): { data: T; errors: null } | { data: null; errors: FieldErrors<F> } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data, errors: null };
  const errors: FieldErrors<F> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as F | undefined;
    if (field !== undefined && errors[field] === undefined) errors[field] = issue.message;
  }
  return { data: null, errors };
}
