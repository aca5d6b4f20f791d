"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { PinForm } from "./pin-form";

/** The landing page's PIN box: hands over to /join?pin=… */
export function LandingJoin() {
  const t = useTranslations("landing");
  const router = useRouter();
  return <PinForm submitLabel={t("join")} onSubmit={(pin) => router.push(`/join?pin=${pin}`)} />;
}
