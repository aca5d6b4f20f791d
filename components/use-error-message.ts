"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

export interface ErrorLike {
  code: string;
  message?: string;
}

/** Our own wording for a known error code, else the server's (already localised) message. */
export function useErrorMessage() {
  const t = useTranslations("errors");
  return useCallback(
    (error: ErrorLike): string => {
      const key = error.code as Parameters<typeof t>[0];
      if (t.has(key)) return t(key);
      return error.message || t("UNKNOWN");
    },
    [t],
  );
}
