// One colour + shape + letter per option position, the same on the projector and phones.
export type AnswerShapeName = "triangle" | "diamond" | "circle" | "square" | "star" | "hexagon";

export interface AnswerStyle {
  letter: string;
  shape: AnswerShapeName;
  /** Background and text classes with AA contrast between them. */
  surface: string;
  /** A ring colour for selected/correct emphasis. */
  ring: string;
  /** The solid fill used for bars. */
  bar: string;
}

const STYLES: Record<string, AnswerStyle> = {
  a: { letter: "A", shape: "triangle", surface: "bg-answer-a text-white", ring: "ring-answer-a", bar: "bg-answer-a" },
  b: { letter: "B", shape: "diamond", surface: "bg-answer-b text-white", ring: "ring-answer-b", bar: "bg-answer-b" },
  c: { letter: "C", shape: "circle", surface: "bg-answer-c text-slate-950", ring: "ring-answer-c", bar: "bg-answer-c" },
  d: { letter: "D", shape: "square", surface: "bg-answer-d text-white", ring: "ring-answer-d", bar: "bg-answer-d" },
  e: { letter: "E", shape: "star", surface: "bg-answer-e text-white", ring: "ring-answer-e", bar: "bg-answer-e" },
  f: { letter: "F", shape: "hexagon", surface: "bg-answer-f text-white", ring: "ring-answer-f", bar: "bg-answer-f" },
};

const FALLBACK: AnswerStyle = {
  letter: "?",
  shape: "circle",
  surface: "bg-slate-600 text-white",
  ring: "ring-slate-600",
  bar: "bg-slate-600",
};

export function answerStyle(optionId: string): AnswerStyle {
  return STYLES[optionId] ?? { ...FALLBACK, letter: optionId.toUpperCase() };
}
