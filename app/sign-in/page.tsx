import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { checkSession } from "@/components/account/current-instructor";
import { SignInForm } from "@/components/sign-in-form";

/** Only the instructor's own pages, never another site or a path with tricks in it. */
function safeNext(value: string | string[] | undefined): string {
  return typeof value === "string" && /^\/(host|sessions|decks|account)(\/[\w-]*)?$/.test(value) ? value : "/host";
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("metaTitle") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next, signedOut } = await searchParams;
  // Already signed in: straight on, as a successful sign-in would go.
  if ((await checkSession()).status === "signed-in") redirect(safeNext(next));
  const t = await getTranslations("auth");
  const notice = signedOut === "everywhere" ? (await getTranslations("signIn"))("signedOutEverywhere") : null;
  return (
    <AuthShell title={t("signInTitle")} intro={t("signInIntro")}>
      <SignInForm next={safeNext(next)} notice={notice} />
    </AuthShell>
  );
}
