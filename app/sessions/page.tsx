import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SessionHistory } from "@/components/sessions/session-history";

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SessionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const q = (first(params.q) ?? "").trim().slice(0, 200);
  const page = Number.parseInt(first(params.page) ?? "1", 10);
  return <SessionHistory q={q} page={Number.isSafeInteger(page) && page >= 1 ? page : 1} />;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("sessions") };
}
