import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SessionReport } from "@/components/sessions/session-report";

export default async function SessionReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SessionReport id={id} />;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("report") };
}
