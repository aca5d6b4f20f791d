// Reads a deck CSV (columns: deck-csv-columns.ts) into Deck JSON input, and maps
// the deck rules' problems (lib/deck.ts parseDeck, located by JSON path) back to
// the CSV's physical lines and column names. csv-parse does the reading; nothing
// here splits CSV text by hand. Pure.
import type { DeckProblem } from "../../lib/deck";
import {
  DECK_CSV_COLUMNS,
  DECK_LEVEL_COLUMNS,
  MAX_OPTION_COLUMNS,
  REQUIRED_CSV_COLUMNS,
  type DeckCsvColumn,
} from "./deck-csv-columns";
import { readCsvRecords, type CsvRecord } from "./deck-csv-records";
import { clip, csvColumn, readQuestion } from "./deck-csv-row";
import { fileProblem } from "./deck-file";

/** What the CSV said about the deck, and how to place the deck rules' problems in it. */
export interface CsvDeckRead {
  /** Deck JSON input: a field is left out where its cell is empty, so the defaults apply. */
  input: { title?: string; language?: string; description?: string; questions: Record<string, unknown>[] };
  /** Problems of the CSV itself (header, syntax, cells that are not numbers…), located. */
  problems: DeckProblem[];
  /** false when there are no rows to check (a required column is missing, no row before a syntax error). */
  rulesApply: boolean;
  /**
   * A problem found in `input` (JSON path, 1-based question) placed at its row's
   * line and column name; null when that cell already has a CSV problem.
   */
  locate(problem: DeckProblem): DeckProblem | null;
}

const blank = (cells: string[]) => cells.every((cell) => cell.trim() === "");
const KNOWN = new Map<string, DeckCsvColumn>(DECK_CSV_COLUMNS.map((c) => [c.toLowerCase(), c]));

/** The column each header cell names; problems for unknown, repeated and missing ones. */
function readHeader(header: CsvRecord, rows: CsvRecord[]) {
  const columns = new Map<DeckCsvColumn, number>();
  const problems: DeckProblem[] = [];
  const at = (message: string, path = "") => problems.push({ question: null, line: header.line, path, message });
  header.cells.forEach((cell, index) => {
    const name = cell.trim();
    const column = KNOWN.get(name.toLowerCase());
    if (column && columns.has(column)) at(`The column "${name}" appears twice.`, column);
    else if (column) columns.set(column, index);
    else if (name === "") {
      if (rows.some((row) => (row.cells[index] ?? "").trim() !== "")) at(`Column ${index + 1} has values but no name.`);
    } else if (/^(option|rationale)\d+$/i.test(name)) {
      at(`Unknown column "${name}": a question has at most ${MAX_OPTION_COLUMNS} options.`, name);
    } else {
      at(`Unknown column "${name}". The columns are: ${DECK_CSV_COLUMNS.join(", ")}.`, name);
    }
  });
  const missing = REQUIRED_CSV_COLUMNS.filter((column) => !columns.has(column));
  for (const column of missing) at(`The required column "${column}" is missing.`, column);
  return { columns, problems, missingRequired: missing.length > 0 };
}

/**
 * Reads a deck CSV (UTF-8, BOM already removed). Each non-blank row after the
 * header is one question, numbered from 1; title, language and description come
 * from the first row, and a later row that gives a different one is a problem.
 */
export function readDeckCsv(bytes: Buffer): CsvDeckRead {
  const { records, error } = readCsvRecords(bytes);
  const [header, ...rest] = records;
  const rows = rest.filter((row) => !blank(row.cells));
  const problems: DeckProblem[] = error ? [error] : [];
  const empty: CsvDeckRead = { input: { questions: [] }, problems, rulesApply: false, locate: () => null };
  if (!header) {
    if (!error) problems.push(fileProblem("The file is empty: a header row and one row per question are needed.", 1));
    return empty;
  }
  const head = readHeader(header, rows);
  problems.unshift(...head.problems);
  if (head.missingRequired) return empty;
  if (rows.length === 0) {
    if (!error) problems.push(fileProblem("The file has a header but no questions: add one row per question."));
    return empty;
  }

  const { columns } = head;
  const cell = (row: CsvRecord, column: DeckCsvColumn) => {
    const index = columns.get(column);
    return index === undefined ? "" : (row.cells[index] ?? "");
  };
  /** Cells the CSV layer already reported, `question:column`: the deck rules' echo of them is dropped. */
  const reported = new Set<string>();
  const rowProblem = (question: number, row: CsvRecord, column: string, message: string) => {
    reported.add(`${question}:${column}`);
    problems.push({ question, line: row.line, path: column, message });
  };

  const first = rows[0];
  const input: CsvDeckRead["input"] = { questions: [] };
  // Title and language are always given (empty too), so that an empty cell gets the rules' own message.
  for (const column of DECK_LEVEL_COLUMNS) {
    const value = first ? cell(first, column).trim() : "";
    if (value || column !== "description") input[column] = column === "language" ? value.toLowerCase() : value;
  }
  const same = (column: DeckCsvColumn, a: string, b: string) =>
    column === "language" ? a.toLowerCase() === b.toLowerCase() : a === b;
  rows.forEach((row, index) => {
    const question = index + 1;
    const extra = row.cells.slice(header.cells.length).filter((c) => c.trim() !== "").length;
    if (extra > 0) {
      rowProblem(question, row, "", `This row has ${extra} more cell(s) than the header has columns.`);
    }
    if (index > 0) {
      for (const column of DECK_LEVEL_COLUMNS) {
        const value = cell(row, column).trim();
        const expected = input[column] ?? "";
        if (value && !same(column, value, expected)) {
          const message = `The ${column} "${clip(value)}" differs from the first row's "${clip(expected)}": a file holds one deck.`;
          rowProblem(question, row, column, message);
        }
      }
    }
    const report = (column: string, message: string) => rowProblem(question, row, column, message);
    input.questions.push(readQuestion((column) => cell(row, column), report));
  });

  const firstLine = first?.line ?? header.line;
  return {
    input,
    problems,
    rulesApply: true,
    locate(problem) {
      const [field = "", index, item, part] = problem.path.split(".");
      const withValue = (row: CsvRecord | undefined, column: string) => {
        const value = row && KNOWN.has(column.toLowerCase()) ? cell(row, column as DeckCsvColumn).trim() : "";
        return value && !problem.message.includes(value)
          ? `${problem.message} (${column}: "${clip(value)}")`
          : problem.message;
      };
      // A deck-level field: its cell is in the first row.
      if (field !== "questions") return { ...problem, line: firstLine, message: withValue(first, field) };
      // The number of questions: unknown past a syntax error, which is reported already.
      if (index === undefined) return error ? null : { ...problem, line: null };
      const column = csvColumn(item, part);
      if (reported.has(`${Number(index) + 1}:${column}`)) return null;
      const row = rows[Number(index)];
      return { ...problem, line: row?.line ?? null, path: column, message: withValue(row, column) };
    },
  };
}
