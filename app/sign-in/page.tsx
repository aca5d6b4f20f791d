import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { SignInForm } from "@/components/sign-in-form";

/** Only our own host pages are allowed as a destination after sign-in. */
/** Only the instructor's own pages, never another site or a path with tricks in it. */
function safeNext(value: string | string[] | undefined): string {
  return typeof value === "string" && /^\/(host|sessions)(\/[\w-]*)?$/.test(value) ? value : "/host";
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <AuthShell title={t("signInTitle")} intro={t("signInIntro")}>
      <SignInForm next={safeNext(next)} />
    </AuthShell>
  );
}
