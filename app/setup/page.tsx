import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { checkSession } from "@/components/account/current-instructor";
import { SetupForm } from "@/components/setup-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("setup");
  return { title: t("metaTitle") };
}

export default async function SetupPage() {
  // A signed-in instructor has nothing to set up; more instructors are added on /account.
  if ((await checkSession()).status === "signed-in") redirect("/host");
  const t = await getTranslations("auth");
  return (
    <AuthShell title={t("setupTitle")} intro={t("setupIntro")}>
      <SetupForm />
    </AuthShell>
  );
}
