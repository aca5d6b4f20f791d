"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { ApiError, createFirstInstructor, fetchSetupNeeded, signIn } from "./api-client";
import { FormField, formError, primaryButton } from "./form-field";

const MIN_PASSWORD = 8;

/** Creates the first instructor, signs in, and goes to /host. Only while no instructor exists. */
export function SetupForm() {
  const t = useTranslations("auth");
  const common = useTranslations("common");
  const router = useRouter();
  const [status, setStatus] = useState<"checking" | "ready" | "unreachable">("checking");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchSetupNeeded().then(
      (needed) => {
        if (needed) setStatus("ready");
        else router.replace("/sign-in");
      },
      () => setStatus("unreachable"),
    );
  }, [router]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < MIN_PASSWORD) {
      setError(t("passwordTooShort"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await createFirstInstructor(name.trim(), email.trim(), password);
      await signIn(email.trim(), password);
      router.replace("/host");
    } catch (caught) {
      setBusy(false);
      setError(
        caught instanceof ApiError && caught.status !== 0 && caught.message
          ? caught.message
          : common("serverUnreachable"),
      );
    }
  }

  if (status !== "ready") {
    return status === "unreachable" ? (
      <p role="alert" className={formError}>
        {common("serverUnreachable")}
      </p>
    ) : (
      <p role="status" className="animate-pulse text-slate-600">
        {common("loading")}
      </p>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      <FormField
        id="name"
        label={t("name")}
        autoComplete="name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <FormField
        id="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <FormField
        id="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        hint={t("passwordHint")}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {error ? (
        <p role="alert" className={formError}>
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className={primaryButton}>
        {busy ? t("creating") : t("createAccount")}
      </button>
    </form>
  );
}
