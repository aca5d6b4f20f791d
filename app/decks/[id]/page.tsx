import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeckEditorPage } from "@/components/editor/deck-editor-page";

export default async function EditDeckPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <DeckEditorPage id={id} />;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("editor");
  return { title: t("metaEdit") };
}
