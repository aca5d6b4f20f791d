"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState, type FormEvent } from "react";
import { apiPost } from "../api-client";
import { useSignInRedirect } from "../dashboard/instructor-shell";
import { FormField, formError, primaryButton } from "../form-field";
import { useAuthError } from "./use-auth-error";
import { useCheckedFields } from "./use-checked-fields";
import { instructorSchema } from "./validation";

/**
 * Adds an instructor with POST /api/instructors ({ name, email, password } → 201;
 * 409 EMAIL_TAKEN). The new account gets no session: they sign in themselves.
 * `onAdded` hears the new instructor's name and email.
 */
export function AddInstructorForm({ onAdded }: { onAdded: (added: { name: string; email: string }) => void }) {
  const t = useTranslations("account");
  const say = useTranslations("account.validation");
  const errorMessage = useAuthError("signed-in");
  const redirect = useSignInRedirect();
  const schema = useMemo(() => instructorSchema((key) => say(key)), [say]);
  const form = useCheckedFields(schema, { name: "", email: "", password: "" }, (field) => `add-${field}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const input = form.submit();
    if (!input) return;
    setBusy(true);
    try {
      const added = await apiPost<{ name: string; email: string }>("/api/instructors", input);
      form.reset();
      onAdded({ name: added.name, email: added.email });
    } catch (caught) {
      if (!(await redirect(caught))) setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5" aria-labelledby="add-title">
      <FormField
        id="add-name"
        label={t("name")}
        autoComplete="off"
        required
        value={form.values.name}
        error={form.errors.name}
        onChange={(e) => form.set("name", e.target.value)}
      />
      <FormField
        id="add-email"
        label={t("email")}
        type="email"
        autoComplete="off"
        required
        value={form.values.email}
        error={form.errors.email}
        onChange={(e) => form.set("email", e.target.value)}
      />
      <FormField
        id="add-password"
        label={t("password")}
        type="password"
        // Someone else's password: a password manager must not offer (or save) the instructor's own.
        autoComplete="new-password"
        required
        hint={t("passwordHint")}
        value={form.values.password}
        error={form.errors.password}
        onChange={(e) => form.set("password", e.target.value)}
      />
      {error ? (
        <p role="alert" className={formError}>
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className={primaryButton}>
        {busy ? t("adding") : t("addSubmit")}
      </button>
    </form>
  );
}
