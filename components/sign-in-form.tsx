"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { ApiError, fetchSetupNeeded, signIn } from "./api-client";
import { FormField, formError, primaryButton } from "./form-field";

/** Email + password; on success goes to `next` (a /host page). */
export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const common = useTranslations("common");
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
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
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      router.replace(next);
    } catch (caught) {
      setBusy(false);
      if (caught instanceof ApiError && (caught.status === 401 || caught.status === 400))
        setError(t("wrongCredentials"));
      else if (caught instanceof ApiError && caught.status !== 0)
        setError(caught.message || common("serverUnreachable"));
      else setError(common("serverUnreachable"));
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-5">
      <FormField
        id="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <FormField
        id="password"
        label={t("password")}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
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
