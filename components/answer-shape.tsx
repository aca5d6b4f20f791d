import type { AnswerShapeName } from "./answer-style";

const PATHS: Record<AnswerShapeName, string> = {
  triangle: "M12 2.5 22.5 21h-21z",
  diamond: "M12 1.5 22.5 12 12 22.5 1.5 12z",
  circle: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z",
  square: "M3 3h18v18H3z",
  star: "m12 1.8 3.1 6.6 7.2.9-5.3 5 1.4 7.1L12 17.9l-6.4 3.5L7 14.3l-5.3-5 7.2-.9z",
  hexagon: "M6.5 2.5h11L23 12l-5.5 9.5h-11L1 12z",
};

/** A decorative answer shape in the current text colour; the button carries the label. */
export function AnswerShape({ shape, className = "size-6" }: { shape: AnswerShapeName; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} aria-hidden="true" focusable="false">
      <path d={PATHS[shape]} fill="currentColor" />
    </svg>
  );
}
