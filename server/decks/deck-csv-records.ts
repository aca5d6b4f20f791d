// A CSV file's records, each with the physical line it starts on: the line a
// person finds in their editor, which a quoted field spanning several lines makes
// different from the record's number. csv-parse reads; this only counts.
import { CsvError, parse } from "csv-parse/sync";
import type { DeckProblem } from "../../lib/deck";
import { fileProblem, lineLocator } from "./deck-file";

export interface CsvRecord {
  cells: string[];
  /** 1-based physical line the record starts on (a quoted field may span several). */
  line: number;
}

/**
 * The file's records, each with the line it starts on. A syntax error (a quote
 * never closed) ends the reading: the records before it are returned with the
 * error, located at the row it starts in.
 */
export function readCsvRecords(bytes: Buffer): { records: CsvRecord[]; error: DeckProblem | null } {
  const lineOf = lineLocator(bytes);
  const records: CsvRecord[] = [];
  let previousEnd = 0;
  // A record starts where the last one ended, past the empty lines that were skipped.
  const nextStart = () => {
    let at = previousEnd;
    while (bytes[at] === 0x0a || bytes[at] === 0x0d) at += 1;
    return at;
  };
  try {
    parse(bytes, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (cells, context) => {
        records.push({ cells, line: lineOf(nextStart()) });
        previousEnd = context.bytes;
        return null; // kept above, with its line; csv-parse need not keep a copy
      },
    });
    return { records, error: null };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = lineOf(nextStart());
    const message =
      error.code === "CSV_QUOTE_NOT_CLOSED"
        ? `A quoted field in the row that starts on line ${line} is never closed: its closing " is missing (a " inside a quoted field is written twice: "").`
        : `The CSV cannot be read from line ${line} on: ${error.message}.`;
    return { records, error: fileProblem(message, line) };
  }
}
