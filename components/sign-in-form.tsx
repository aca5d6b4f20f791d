"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { signInWithEmail } from "./account/auth-api";
import { useAuthError } from "./account/use-auth-error";
import { useCheckedFields } from "./account/use-checked-fields";
import { signInSchema } from "./account/validation";
import { fetchSetupNeeded } from "./api-client";
import { FormField, formError, primaryButton } from "./form-field";

const noticeBox = "rounded-xl bg-indigo-50 px-4 py-3 text-base font-semibold text-indigo-900";

/**
 * Email + password; every field checked in the page's language before sending.
 * On success goes to `next` (an instructor page); `notice` is shown above the form.
 */
export function SignInForm({ next, notice: message }: { next: string; notice?: string | null }) {
  const t = useTranslations("auth");
  const say = useTranslations("account.validation");
  const errorMessage = useAuthError("sign-in");
  const router = useRouter();
  const schema = useMemo(() => signInSchema((key) => say(key)), [say]);
  const form = useCheckedFields(schema, { email: "", password: "" }, (field) => field);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Nobody to sign in as yet: the first account is made on /setup.
  useEffect(() => {
    fetchSetupNeeded().then(
      (needed) => {
        if (needed) router.replace("/setup");
      },
      () => undefined,
    );
  }, [router]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const input = form.submit();
    if (!input) return;
    setBusy(true);
    try {
      await signInWithEmail(input.email, input.password);
      router.replace(next);
    } catch (caught) {
      setBusy(false);
      setError(errorMessage(caught));
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      {message && !error ? (
        <p role="status" className={noticeBox}>
          {message}
        </p>
      ) : null}
      <FormField
        id="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        required
        value={form.values.email}
        error={form.errors.email}
        onChange={(event) => form.set("email", event.target.value)}
      />
      <FormField
        id="password"
        label={t("password")}
        type="password"
        autoComplete="current-password"
        required
        value={form.values.password}
        error={form.errors.password}
        onChange={(event) => form.set("password", event.target.value)}
      />
      {error ? (
        <p role="alert" className={formError}>
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className={primaryButton}>
        {busy ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}
