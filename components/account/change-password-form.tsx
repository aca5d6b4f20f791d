"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState, type FormEvent } from "react";
import { useSignInRedirect } from "../dashboard/instructor-shell";
import { FormField, formError, primaryButton } from "../form-field";
import { changePassword } from "./auth-api";
import { useAuthError } from "./use-auth-error";
import { useCheckedFields } from "./use-checked-fields";
import { changePasswordSchema } from "./validation";

/**
 * The signed-in instructor's own password, through Better Auth's change-password
 * (the current password is checked there). With "sign out of my other devices"
 * every other session ends and this browser keeps a fresh one. `email` fills the
 * hidden username field password managers look for; `onChanged` hears whether the
 * other sessions were ended.
 */
export function ChangePasswordForm({
  email,
  onChanged,
}: {
  email: string | null;
  onChanged: (signedOutOthers: boolean) => void;
}) {
  const t = useTranslations("account");
  const say = useTranslations("account.validation");
  const errorMessage = useAuthError("signed-in");
  const redirect = useSignInRedirect();
  const schema = useMemo(() => changePasswordSchema((key) => say(key)), [say]);
  const form = useCheckedFields(schema, { currentPassword: "", newPassword: "" }, (field) => `change-${field}`);
  const [signOutOthers, setSignOutOthers] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const input = form.submit();
    if (!input) return;
    setBusy(true);
    try {
      await changePassword({ ...input, revokeOtherSessions: signOutOthers });
      form.reset();
      onChanged(signOutOthers);
    } catch (caught) {
      if (!(await redirect(caught))) setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      {email ? <input type="email" name="username" autoComplete="username" value={email} readOnly hidden /> : null}
      <FormField
        id="change-currentPassword"
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        required
        value={form.values.currentPassword}
        error={form.errors.currentPassword}
        onChange={(e) => form.set("currentPassword", e.target.value)}
      />
      <FormField
        id="change-newPassword"
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordHint")}
        value={form.values.newPassword}
        error={form.errors.newPassword}
        onChange={(e) => form.set("newPassword", e.target.value)}
      />
      <div className="flex items-start gap-3">
        <input
          id="change-signOutOthers"
          type="checkbox"
          checked={signOutOthers}
          onChange={(e) => setSignOutOthers(e.target.checked)}
          aria-describedby="change-signOutOthers-hint"
          className="mt-1 size-5 shrink-0 accent-indigo-700"
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="change-signOutOthers" className="text-base font-bold text-slate-800">
            {t("signOutOthers")}
          </label>
          <p id="change-signOutOthers-hint" className="text-sm text-slate-600">
            {t("signOutOthersHint")}
          </p>
        </div>
      </div>
      {error ? (
        <p role="alert" className={formError}>
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className={primaryButton}>
        {busy ? t("changing") : t("changeSubmit")}
      </button>
    </form>
  );
}
