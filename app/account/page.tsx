import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AccountPage } from "@/components/account/account-page";
import { checkSession } from "@/components/account/current-instructor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("metaTitle") };
}

export default async function Account() {
  const session = await checkSession();
  // Sign-in sends the visitor back here (or on to /setup on a fresh install).
  if (session.status === "signed-out") redirect("/sign-in?next=/account");
  return <AccountPage instructor={session.status === "signed-in" ? session.instructor : null} />;
}
