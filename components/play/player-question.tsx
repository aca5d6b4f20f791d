"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { PlayerQuestionView } from "../../lib/contract";
import { AnswerButton } from "../answer-button";
import { useErrorMessage } from "../use-error-message";
import type { AnswerStatus } from "../use-player-game";
import { OptionChip } from "./option-chip";
import { PhoneTimer } from "./phone-timer";
import { QuestionImage } from "./question-image";
import { CheckIcon, CheckSquareIcon } from "../icons";

interface PlayerQuestionProps {
  view: PlayerQuestionView;
  receivedAt: number;
  answer: AnswerStatus | null;
  onAnswer: (questionIndex: number, optionIds: string[]) => void;
}

export function PlayerQuestion({ view, receivedAt, answer, onAnswer }: PlayerQuestionProps) {
  const t = useTranslations("play");
  const common = useTranslations("common");
  const errorMessage = useErrorMessage();
  const { question } = view;
  const mine = answer?.questionIndex === question.index ? answer : null;
  const lockedIds = view.answeredOptionIds ?? (mine?.state === "locked" ? mine.optionIds : null);
  const sending = mine?.state === "sending";
  // Paused: the server would answer PAUSED, so nothing can be pressed (and it shows).
  const inactive = sending || view.paused;
  const [picked, setPicked] = useState<{ index: number; ids: string[] }>({ index: question.index, ids: [] });
  const selected = picked.index === question.index ? picked.ids : [];

  function toggle(id: string) {
    setPicked({
      index: question.index,
      ids: selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id],
    });
  }

  return (
    <div className="flex flex-1 flex-col gap-4">
      <div className="sticky top-[var(--banner-offset,0rem)] z-10 -mx-4 flex flex-col gap-2 bg-indigo-950/90 px-4 py-2 backdrop-blur">
        <div className="flex items-center justify-between gap-3 text-sm font-bold text-indigo-100">
          <span>{t("questionOf", { number: question.index + 1, count: question.count })}</span>
          {question.points === "double" ? (
            <span className="rounded-full bg-amber-400 px-3 py-1 font-extrabold text-amber-950">×2 {t("double")}</span>
          ) : null}
          {question.points === "none" ? (
            <span className="rounded-full bg-sky-300 px-3 py-1 font-extrabold text-sky-950">{t("practice")}</span>
          ) : null}
        </div>
        <PhoneTimer
          timeLeftMs={question.timeLeftMs}
          timeLimitMs={question.timeLimitMs}
          receivedAt={receivedAt}
          paused={view.paused}
        />
      </div>
      {/* The whole scenario, as long as it is: the page scrolls (the timer stays on top), no line is cut. */}
      <div className="rounded-2xl bg-white p-4 text-slate-900 shadow-lg">
        <h1 className="text-[1.05rem] leading-relaxed font-semibold whitespace-pre-line">{question.text}</h1>
      </div>
      {question.imageUrl ? (
        // The same picture as on the projector, for students who cannot read the screen from their seat.
        <QuestionImage
          src={question.imageUrl}
          alt={t("imageAlt", { number: question.index + 1 })}
          tone="dark"
          className="mx-auto max-h-[22dvh] w-auto max-w-full rounded-xl bg-white object-contain p-1 shadow-lg"
        />
      ) : null}

      {lockedIds ? (
        <section
          aria-live="polite"
          className="animate-pop-in flex flex-col items-center gap-4 rounded-3xl bg-white/10 p-6 text-center ring-2 ring-white/20"
        >
          <span className="grid size-16 place-items-center rounded-full bg-emerald-400 text-emerald-950">
            <CheckIcon className="size-10" />
          </span>
          <p className="text-2xl font-black text-white">{t("lockedIn")}</p>
          <p className="text-base text-indigo-100">{t("lockedInHint")}</p>
          <div className="w-full text-left">
            <p className="mb-2 text-sm font-bold text-indigo-200">{t("yourAnswer")}</p>
            <ul className="flex flex-col gap-2">
              {question.options
                .filter((option) => lockedIds.includes(option.id))
                .map((option) => (
                  <OptionChip key={option.id} option={option} />
                ))}
            </ul>
          </div>
        </section>
      ) : (
        <>
          {question.kind === "multiple" ? (
            <p className="rounded-xl bg-fuchsia-200 px-4 py-3 text-base font-bold text-fuchsia-950">
              <CheckSquareIcon className="mr-1.5 size-5 align-[-0.2em]" />
              {common("multipleInstruction")}
            </p>
          ) : null}
          {mine?.state === "failed" && mine.error ? (
            <p role="alert" className="rounded-xl bg-rose-100 px-4 py-3 text-base font-bold text-rose-900">
              {errorMessage(mine.error)}
            </p>
          ) : null}
          <p aria-live="polite" className="sr-only">
            {sending ? t("sending") : ""}
          </p>
          <ul
            className={`flex flex-col gap-3 ${question.kind === "truefalse" ? "sm:grid sm:grid-cols-2" : ""} ${
              view.paused ? "grayscale-[0.8]" : ""
            }`}
          >
            {question.options.map((option) => (
              <li key={option.id}>
                {question.kind === "multiple" ? (
                  <AnswerButton
                    option={option}
                    selected={selected.includes(option.id)}
                    disabled={inactive}
                    onPress={() => toggle(option.id)}
                  />
                ) : (
                  <AnswerButton
                    option={option}
                    disabled={inactive}
                    onPress={() => onAnswer(question.index, [option.id])}
                  />
                )}
              </li>
            ))}
          </ul>
          {question.kind === "multiple" ? (
            // In the flow after the last option, never over one: every option stays in reach.
            <div className="pt-1">
              <button
                type="button"
                disabled={selected.length === 0 || inactive}
                onClick={() =>
                  onAnswer(
                    question.index,
                    question.options.map((o) => o.id).filter((id) => selected.includes(id)),
                  )
                }
                className="h-14 w-full rounded-2xl bg-amber-400 text-xl font-black text-indigo-950 shadow-lg disabled:opacity-50"
              >
                {sending
                  ? t("sending")
                  : selected.length > 0
                    ? t("submitCount", { count: selected.length })
                    : t("submit")}
              </button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
