"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { signInWithEmail } from "./account/auth-api";
import { authErrorKey, useAuthError } from "./account/use-auth-error";
import { useCheckedFields } from "./account/use-checked-fields";
import { instructorSchema } from "./account/validation";
import { createFirstInstructor, fetchSetupNeeded } from "./api-client";
import { FormField, formError, primaryButton } from "./form-field";

type Failure = { message: string; signInLink: boolean };

/**
 * Creates the first instructor, signs in, and goes to /host. Only while no
 * instructor exists; every field is checked in the page's language before sending.
 */
export function SetupForm() {
  const t = useTranslations("auth");
  const setup = useTranslations("setup");
  const common = useTranslations("common");
  const say = useTranslations("account.validation");
  const errorMessage = useAuthError("setup");
  const router = useRouter();
  const schema = useMemo(() => instructorSchema((key) => say(key)), [say]);
  const form = useCheckedFields(schema, { name: "", email: "", password: "" }, (field) => field);
  const [status, setStatus] = useState<"checking" | "ready" | "unreachable">("checking");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

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
    setFailure(null);
    const input = form.submit();
    if (!input) return;
    setBusy(true);
    try {
      await createFirstInstructor(input.name, input.email, input.password);
    } catch (caught) {
      setBusy(false);
      // Someone else finished the setup first: this visitor signs in instead.
      setFailure({ message: errorMessage(caught), signInLink: authErrorKey(caught, "setup") === "setupDone" });
      return;
    }
    try {
      await signInWithEmail(input.email, input.password);
      router.replace("/host");
    } catch {
      setBusy(false);
      setFailure({ message: setup("createdSignInFailed"), signInLink: true });
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
        value={form.values.name}
        error={form.errors.name}
        onChange={(e) => form.set("name", e.target.value)}
      />
      <FormField
        id="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        required
        value={form.values.email}
        error={form.errors.email}
        onChange={(e) => form.set("email", e.target.value)}
      />
      <FormField
        id="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordHint")}
        value={form.values.password}
        error={form.errors.password}
        onChange={(e) => form.set("password", e.target.value)}
      />
      {failure ? (
        <div role="alert" className={formError}>
          <p>{failure.message}</p>
          {failure.signInLink ? (
            <Link href="/sign-in" className="mt-1 inline-block text-indigo-800 underline underline-offset-4">
              {t("signIn")}
            </Link>
          ) : null}
        </div>
      ) : null}
      <button type="submit" disabled={busy} className={primaryButton}>
        {busy ? t("creating") : t("createAccount")}
      </button>
    </form>
  );
}
