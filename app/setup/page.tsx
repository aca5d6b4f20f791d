import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { SetupForm } from "@/components/setup-form";

export default async function SetupPage() {
  const t = await getTranslations("auth");
  return (
    <AuthShell title={t("setupTitle")} intro={t("setupIntro")}>
      <SetupForm />
    </AuthShell>
  );
}
