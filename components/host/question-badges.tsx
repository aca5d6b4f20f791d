"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { PublicQuestion } from "../../lib/contract";
import { CheckSquareIcon } from "../icons";

/** Double / practice points and the multiple-select hint, as pills. */
export function QuestionBadges({ question }: { question: PublicQuestion }) {
  const t = useTranslations("host");
  const pills: { key: string; text: ReactNode; tone: string }[] = [];
  if (question.points === "double")
    pills.push({ key: "double", text: `×2 ${t("double")}`, tone: "bg-amber-400 text-amber-950" });
  if (question.points === "none") pills.push({ key: "practice", text: t("practice"), tone: "bg-sky-300 text-sky-950" });
  if (question.kind === "multiple")
    pills.push({
      key: "multiple",
      text: (
        <>
          <CheckSquareIcon className="mr-[0.4em] align-[-0.15em]" />
          {t("chooseAll")}
        </>
      ),
      tone: "bg-fuchsia-300 text-fuchsia-950",
    });
  if (question.kind === "truefalse")
    pills.push({ key: "truefalse", text: t("trueFalse"), tone: "bg-white/15 text-white" });
  if (pills.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-[0.8vw]">
      {pills.map((pill) => (
        <li
          key={pill.key}
          className={`rounded-full px-[1.1vw] py-[0.5vh] text-[clamp(0.9rem,1.3vw,1.6rem)] font-extrabold ${pill.tone}`}
        >
          {pill.text}
        </li>
      ))}
    </ul>
  );
}
