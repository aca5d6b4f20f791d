"use client";

import { useTranslations } from "next-intl";
import type { HostView, PublicQuestion } from "../../lib/contract";
import { AnswerTile } from "../answer-tile";
import { CountdownRing } from "../countdown-ring";
import { QuestionImage } from "../play/question-image";
import { QuestionBadges } from "./question-badges";
import { RoomStats } from "./room-stats";

/** Long scenarios get a smaller size so stem and options still fit one screen. */
function stemSize(text: string) {
  if (text.length > 260) return "text-[clamp(1.05rem,1.95vw,2.5rem)]";
  if (text.length > 160) return "text-[clamp(1.15rem,2.25vw,2.9rem)]";
  if (text.length > 80) return "text-[clamp(1.3rem,2.6vw,3.3rem)]";
  return "text-[clamp(1.5rem,3.1vw,4rem)]";
}

interface HostQuestionProps {
  view: HostView;
  question: PublicQuestion;
  receivedAt: number;
  /** Opens the list of who has not answered and who is away; omitted in previews. */
  onShowRoom?: () => void;
}

export function HostQuestion({ view, question, receivedAt, onShowRoom }: HostQuestionProps) {
  const play = useTranslations("play");
  const many = question.options.length > 4;
  return (
    <div className="flex h-full min-h-0 flex-col gap-[2.5vh] px-[3vw] py-[2.5vh]">
      <div className="flex min-h-0 flex-1 gap-[3vw]">
        <div className="flex min-h-0 min-w-0 flex-1 flex-col gap-[1.5vh]">
          <QuestionBadges question={question} />
          <div className="flex min-h-0 flex-1 gap-[2vw] overflow-y-auto">
            <h1
              className={`min-w-0 flex-1 leading-snug font-bold whitespace-pre-line text-white ${stemSize(question.text)}`}
            >
              {question.text}
            </h1>
            {question.imageUrl ? (
              <div className="flex max-w-[28vw] shrink-0 items-start">
                <QuestionImage
                  src={question.imageUrl}
                  alt={play("imageAlt", { number: question.index + 1 })}
                  tone="dark"
                  className="max-h-[32vh] max-w-[28vw] rounded-[1vw] object-contain"
                  noteClassName="text-[clamp(1rem,1.3vw,1.7rem)]"
                />
              </div>
            ) : null}
          </div>
        </div>
        <aside className="flex w-[clamp(11rem,19vw,24rem)] shrink-0 flex-col items-center gap-[2vh]">
          <CountdownRing
            timeLeftMs={question.timeLeftMs}
            timeLimitMs={question.timeLimitMs}
            receivedAt={receivedAt}
            paused={view.paused}
            className="size-[clamp(7rem,20vh,14rem)]"
          />
          <RoomStats view={view} onShowRoom={onShowRoom} />
        </aside>
      </div>
      <ul
        className={`grid shrink-0 grid-cols-2 gap-[1.2vw] ${many ? "auto-rows-[minmax(9vh,auto)]" : "auto-rows-[minmax(12vh,auto)]"}`}
      >
        {question.options.map((option) => (
          <AnswerTile key={option.id} option={option} compact={many} />
        ))}
      </ul>
    </div>
  );
}
