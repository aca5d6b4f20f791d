"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

export interface ErrorLike {
  code: string;
  message?: string;
}

/** Codes whose server message says the particular cause (a nickname's: too long, invisible, offensive…). */
const CAUSE_IN_MESSAGE = new Set(["NICKNAME_INVALID"]);

/**
 * Our own wording for a known error code, else the server's (already localised,
 * from the socket's locale) message; the server's wins where it names the cause.
 */
export function useErrorMessage() {
  const t = useTranslations("errors");
  return useCallback(
    (error: ErrorLike): string => {
      if (CAUSE_IN_MESSAGE.has(error.code) && error.message) return error.message;
      const key = error.code as Parameters<typeof t>[0];
      if (t.has(key)) return t(key);
      return error.message || t("UNKNOWN");
    },
    [t],
  );
}
