"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "../confirm-dialog";
import { useSignInRedirect } from "../dashboard/instructor-shell";
import { formError } from "../form-field";
import { revokeAllSessions } from "./auth-api";
import { useAuthError } from "./use-auth-error";

/**
 * Ends every session of the account, this one included (Better Auth's
 * revoke-sessions), after a confirmation; then sign-in says what happened.
 */
export function SignOutEverywhere() {
  const t = useTranslations("account");
  const errorMessage = useAuthError("signed-in");
  const redirect = useSignInRedirect();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOutEverywhere() {
    setConfirming(false);
    setBusy(true);
    setError(null);
    try {
      await revokeAllSessions();
      router.replace("/sign-in?signedOut=everywhere");
    } catch (caught) {
      setBusy(false);
      if (!(await redirect(caught))) setError(errorMessage(caught));
    }
  }

  return (
    <div className="flex flex-col gap-5">
      {error ? (
        <p role="alert" className={formError}>
          {error}
        </p>
      ) : null}
      <button
        type="button"
        disabled={busy}
        onClick={() => setConfirming(true)}
        className="h-12 w-full rounded-xl bg-white text-lg font-extrabold text-rose-800 ring-2 ring-rose-700 hover:bg-rose-50 disabled:cursor-wait disabled:opacity-60"
      >
        {busy ? t("signingOut") : t("everywhereSubmit")}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t("everywhereConfirmTitle")}
        body={t("everywhereConfirmBody")}
        confirmLabel={t("everywhereSubmit")}
        onConfirm={() => void signOutEverywhere()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
