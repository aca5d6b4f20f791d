"use client";

// The selected question as the room will see it: the projector (16:9) and a
// phone, drawn by the game's own components, while it is open or once the
// answer is shown (with the explanation, and the rationale a wrong phone reads).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { OPTION_IDS } from "../../lib/contract";
import { HostControlBar } from "../host/host-control-bar";
import { HostQuestion } from "../host/host-question";
import { HostReveal } from "../host/host-reveal";
import { HostTopBar } from "../host/host-top-bar";
import { PlayerQuestion } from "../play/player-question";
import { PlayerReveal } from "../play/player-reveal";
import type { DraftQuestion } from "./draft";
import { MonitorIcon, PhoneIcon } from "./editor-icons";
import { PreviewFrame } from "./preview-frame";
import {
  ARRIVES_LATER,
  hostView,
  playerQuestionView,
  playerRevealView,
  publicQuestion,
  type PreviewText,
} from "./preview-views";
import { Segmented } from "./segmented";
import type { Locale } from "../../lib/contract";

const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 375, height: 812 };
const noop = () => undefined;

interface QuestionPreviewProps {
  question: DraftQuestion;
  index: number;
  count: number;
  deckTitle: string;
  language: Locale;
}

type Moment = "question" | "reveal";
type Screen = "projector" | "phone";

function ScreenLabel({ Icon, text }: { Icon: typeof MonitorIcon; text: string }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <Icon className="size-4" />
      {text}
    </span>
  );
}

export function QuestionPreview({ question, index, count, deckTitle, language }: QuestionPreviewProps) {
  const t = useTranslations("editor.preview");
  const [moment, setMoment] = useState<Moment>("question");
  const [chosen, setChosen] = useState(0);
  // Below a projector-sized window one screen at a time, so each is shown whole.
  const [screen, setScreen] = useState<Screen>("projector");
  const phoneChoice = Math.min(chosen, question.options.length - 1);
  const text: PreviewText = {
    deckTitle: deckTitle.trim() || t("untitledDeck"),
    emptyText: t("emptyText"),
    emptyOption: (letter) => t("emptyOption", { letter }),
    nickname: t("nickname"),
  };
  const open = publicQuestion(question, index, count, text);
  const host = hostView(question, open, language, text, moment);

  return (
    <section aria-labelledby="preview-title" className="flex flex-col gap-3">
      <div className="flex flex-col gap-2">
        <h2 id="preview-title" className="text-lg font-black text-slate-900">
          {t("title")}
        </h2>
        <Segmented<Moment>
          id="preview-moment"
          name="preview-moment"
          legend={t("moment")}
          hideLegend
          size="sm"
          value={moment}
          choices={[
            { value: "question", label: t("question") },
            { value: "reveal", label: t("reveal") },
          ]}
          onChange={setMoment}
        />
        <div className="2xl:hidden">
          <Segmented<Screen>
            id="preview-screen"
            name="preview-screen"
            legend={t("screen")}
            hideLegend
            size="sm"
            value={screen}
            choices={[
              { value: "projector", label: <ScreenLabel Icon={MonitorIcon} text={t("projector")} /> },
              { value: "phone", label: <ScreenLabel Icon={PhoneIcon} text={t("phone")} /> },
            ]}
            onChange={setScreen}
          />
        </div>
      </div>
      <figure className={`flex-col gap-1.5 ${screen === "projector" ? "flex" : "hidden 2xl:flex"}`}>
        {/* Below 2xl the screen toggle already says which screen this is. */}
        <figcaption className="sr-only flex items-center gap-1.5 text-sm font-bold text-slate-700 2xl:not-sr-only">
          <MonitorIcon className="size-4" />
          {t("projector")}
        </figcaption>
        <PreviewFrame {...PROJECTOR} title={t("projectorFrame")} className="rounded-xl shadow-md ring-1 ring-slate-300">
          <div className="stage-backdrop relative flex h-dvh flex-col overflow-hidden text-white">
            <HostTopBar view={host} />
            <main className="relative min-h-0 flex-1">
              {moment === "question" ? (
                <HostQuestion view={host} question={open} receivedAt={ARRIVES_LATER} />
              ) : (
                <HostReveal view={host} question={open} />
              )}
            </main>
            <HostControlBar
              view={host}
              busy={false}
              onNext={noop}
              onPause={noop}
              onResume={noop}
              onSkip={noop}
              onEnd={noop}
            />
          </div>
        </PreviewFrame>
      </figure>
      <figure className={`flex-col gap-1.5 ${screen === "phone" ? "flex" : "hidden 2xl:flex"}`}>
        <figcaption className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-sm font-bold text-slate-700">
          <span className="sr-only flex items-center gap-1.5 2xl:not-sr-only">
            <PhoneIcon className="size-4" />
            {t("phone")}
          </span>
          {moment === "reveal" ? (
            <label className="flex items-center gap-1.5 font-semibold">
              {t("phoneChose")}
              <select
                value={phoneChoice}
                onChange={(event) => setChosen(Number(event.target.value))}
                className="h-8 rounded-lg border-2 border-slate-300 bg-white px-2 text-sm font-bold text-slate-900"
              >
                {question.options.map((_, i) => (
                  <option key={i} value={i}>
                    {(OPTION_IDS[i] ?? "").toUpperCase()}
                    {question.correct.includes(i) ? ` — ${t("correctMark")}` : ""}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </figcaption>
        <PreviewFrame
          {...PHONE}
          title={t("phoneFrame")}
          className="mx-auto w-full max-w-60 rounded-[1.75rem] shadow-md ring-4 ring-slate-800 2xl:max-w-56"
        >
          <div className="stage-backdrop flex min-h-dvh flex-col">
            <header className="flex items-center gap-3 px-4 py-3">
              <span className="rounded-lg bg-amber-400 px-2 py-0.5 text-lg font-black text-indigo-950">Q</span>
              <p className="flex min-w-0 flex-1 items-center gap-2 text-base font-bold text-white">
                <span className="truncate">{text.nickname}</span>
                <span className="shrink-0 rounded-full bg-white/15 px-2.5 py-0.5 text-sm tabular-nums">0</span>
              </p>
            </header>
            <main className="mx-auto flex w-full max-w-lg flex-1 flex-col px-4 pb-6">
              {moment === "question" ? (
                <PlayerQuestion
                  view={playerQuestionView(open, text)}
                  receivedAt={ARRIVES_LATER}
                  answer={null}
                  onAnswer={noop}
                />
              ) : (
                <PlayerReveal view={playerRevealView(question, open, phoneChoice, text)} />
              )}
            </main>
          </div>
        </PreviewFrame>
      </figure>
    </section>
  );
}
