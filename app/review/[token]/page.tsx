import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StudentReview } from "@/components/review/student-review";

export default async function ReviewPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <StudentReview token={token} />;
}

/** The token is the credential: not indexed, and never sent on as a Referer. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("review"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}
