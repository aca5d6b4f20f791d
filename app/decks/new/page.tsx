import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeckEditorPage } from "@/components/editor/deck-editor-page";

export default function NewDeckPage() {
  return <DeckEditorPage id={null} />;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("editor");
  return { title: t("metaNew") };
}
