// One CSV row as a question of Deck JSON input (columns: deck-csv-columns.ts). Pure.
import { CSV_LIST_SEPARATOR, MAX_OPTION_COLUMNS, type DeckCsvColumn } from "./deck-csv-columns";

/** A cell's value for a message, cut short. */
export const clip = (value: string): string => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** The CSV column behind a question's JSON field (`options`, 2 → "option3"; `options` alone stays). */
export function csvColumn(field: string | undefined, item: string | undefined): string {
  if (field === "options" && item !== undefined) return `option${Number(item) + 1}`;
  if (field === "rationales" && item !== undefined) return `rationale${Number(item) + 1}`;
  return field ?? "";
}

/**
 * One row's question as Deck JSON input. Options are the filled option columns in
 * order (a gap would shift every later number, so it is a problem); `correct`
 * holds 1-based option numbers, as spreadsheet users count ("1|3").
 */
export function readQuestion(
  cell: (column: DeckCsvColumn) => string,
  problem: (column: string, message: string) => void,
): Record<string, unknown> {
  const question: Record<string, unknown> = {};
  // Always given, empty too: an empty cell gets the rules' own message, not "required".
  question.kind = cell("kind").trim().toLowerCase();
  question.text = cell("text");

  const optionCells = Array.from({ length: MAX_OPTION_COLUMNS }, (_, i) => cell(`option${i + 1}` as DeckCsvColumn));
  const count = optionCells.reduce((last, value, i) => (value.trim() ? i + 1 : last), 0);
  const gap = optionCells.slice(0, count).findIndex((value) => !value.trim());
  if (gap !== -1) {
    problem(
      `option${gap + 1}`,
      `option${gap + 1} is empty but a later option is filled: number the options without gaps.`,
    );
  }
  question.options = optionCells.slice(0, count);

  const rationaleCells = Array.from({ length: MAX_OPTION_COLUMNS }, (_, i) =>
    cell(`rationale${i + 1}` as DeckCsvColumn),
  );
  rationaleCells.forEach((value, i) => {
    if (i >= count && value.trim())
      problem(`rationale${i + 1}`, `rationale${i + 1} explains an option${i + 1} that is empty.`);
  });
  if (rationaleCells.some((value) => value.trim())) question.rationales = rationaleCells.slice(0, count);

  const correct = readCorrect(cell("correct").trim(), count);
  if (correct.ok) question.correct = correct.indexes;
  else problem("correct", correct.message);

  const timeLimit = cell("timeLimitSec").trim();
  if (/^\d{1,6}$/.test(timeLimit)) question.timeLimitSec = Number(timeLimit);
  else if (timeLimit) problem("timeLimitSec", `timeLimitSec is "${clip(timeLimit)}": write a whole number of seconds.`);

  const points = cell("points").trim().toLowerCase();
  if (points) question.points = points;
  const explanation = cell("explanation");
  if (explanation.trim()) question.explanation = explanation;
  const tags = cell("tags")
    .split(CSV_LIST_SEPARATOR)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
  if (tags.length > 0) question.tags = tags;
  const imageUrl = cell("imageUrl").trim();
  if (imageUrl) question.imageUrl = imageUrl;
  return question;
}

/** `correct`'s 1-based option numbers ("1|3") as 0-based indexes, or why they cannot be. */
export function readCorrect(
  value: string,
  optionCount: number,
): { ok: true; indexes: number[] } | { ok: false; message: string } {
  if (value === "") return { ok: true, indexes: [] };
  const parts = value.split(CSV_LIST_SEPARATOR).map((part) => part.trim());
  if (!parts.every((part) => /^[1-9]\d{0,2}$/.test(part))) {
    return {
      ok: false,
      message: `correct is "${clip(value)}": write option numbers from 1, several separated by |, e.g. 1|3.`,
    };
  }
  const past = parts.find((part) => Number(part) > optionCount);
  if (past !== undefined) {
    const message = `correct names option ${past}, but this question has ${optionCount} options (numbers start at 1).`;
    return { ok: false, message };
  }
  return { ok: true, indexes: parts.map((part) => Number(part) - 1) };
}
