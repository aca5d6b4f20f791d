import type { PublicOption } from "../lib/contract";
import { AnswerShape } from "./answer-shape";
import { answerStyle } from "./answer-style";

/** A projector option tile: colour + shape + letter + the full text. Not interactive. */
export function AnswerTile({ option, compact = false }: { option: PublicOption; compact?: boolean }) {
  const style = answerStyle(option.id);
  return (
    <li
      className={`flex min-h-0 items-center gap-[1.2vw] rounded-[1.2vw] px-[1.4vw] py-[1vh] shadow-lg shadow-black/30 ${style.surface}`}
    >
      <span className="flex shrink-0 flex-col items-center gap-[0.4vh]">
        <AnswerShape shape={style.shape} className="size-[clamp(1.75rem,2.8vw,3.5rem)]" />
        <span className="text-[clamp(0.9rem,1.3vw,1.6rem)] leading-none font-black">{style.letter}</span>
      </span>
      <span
        className={`min-w-0 font-bold leading-snug ${compact ? "text-[clamp(0.95rem,1.5vw,1.9rem)]" : "text-[clamp(1.05rem,1.85vw,2.35rem)]"}`}
      >
        {option.text}
      </span>
    </li>
  );
}
