"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "../api-client";

type ErrorKey =
  | "emailTaken"
  | "wrongCredentials"
  | "wrongCurrentPassword"
  | "rateLimited"
  | "setupDone"
  | "wrongOrigin"
  | "invalid"
  | "unreachable"
  | "unknown";

/**
 * Which message a failed call earns, by the server's code first, then its status.
 * "sign-in" reads a 401 as wrong credentials and "setup" as a setup someone else
 * finished; elsewhere a 401 is a lost session, which the caller sends to sign-in
 * before asking for a message.
 */
export function authErrorKey(error: unknown, call: "sign-in" | "signed-in" | "setup"): ErrorKey {
  if (!(error instanceof ApiError)) return "unknown";
  switch (error.code) {
    case "EMAIL_TAKEN":
      return "emailTaken";
    case "INVALID_EMAIL_OR_PASSWORD":
      return "wrongCredentials";
    case "INVALID_PASSWORD":
      return "wrongCurrentPassword";
    case "SETUP_DONE":
      return "setupDone";
    case "INVALID_ORIGIN":
    case "MISSING_OR_NULL_ORIGIN":
      return "wrongOrigin";
  }
  if (error.status === 0) return "unreachable";
  if (error.status === 429) return "rateLimited";
  if (error.status === 401 && call === "sign-in") return "wrongCredentials";
  // Once an instructor exists, /api/setup is closed to visitors like any other route.
  if (error.status === 401 && call === "setup") return "setupDone";
  if (error.status === 409) return "emailTaken";
  if (error.status === 400 || error.status === 422) return "invalid";
  return "unknown";
}

/**
 * The page-language message for a failed account call. The server's own message
 * (English) is never shown: every code maps to a key, anything else is "unknown".
 */
export function useAuthError(call: "sign-in" | "signed-in" | "setup") {
  const t = useTranslations("account.errors");
  return useCallback((error: unknown) => t(authErrorKey(error, call)), [t, call]);
}
