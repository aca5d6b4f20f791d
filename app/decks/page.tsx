import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeckLibrary } from "@/components/library/deck-library";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("library");
  return { title: t("metaTitle") };
}

export default async function DecksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { q } = await searchParams;
  const query = (Array.isArray(q) ? q[0] : q) ?? "";
  return <DeckLibrary initialQuery={query.slice(0, 200)} />;
}
