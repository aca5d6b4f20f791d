// Writes a deck as CSV (deck-csv-columns.ts) that deck-csv.ts reads back to the
// same deck. UTF-8 with a byte order mark, so that Excel opens Korean text as it
// is; CRLF line ends; a field is quoted when it holds a comma, a quote or a line
// break (csv-stringify). Pure.
import { stringify } from "csv-stringify/sync";
import type { Deck } from "../../lib/deck";
import {
  CSV_LIST_SEPARATOR,
  DECK_CSV_COLUMNS,
  MAX_OPTION_COLUMNS,
  OPTION_COLUMNS,
  RATIONALE_COLUMNS,
  type DeckCsvColumn,
} from "./deck-csv-columns";

/**
 * The CSV text, BOM first: the header, then one row per question. Title, language
 * and description are written on the first row only (a description repeated on
 * every row could make a long deck pass the 1 MB import limit). `correct` is
 * 1-based ("1|3"). `imageUrl` maps each stored image to what the file holds.
 *
 * Cells that start like a formula are written as they are: escaping them would
 * change the deck that comes back, and a deck file is the instructor's own text.
 */
export function writeDeckCsv(deck: Deck, imageUrl: (url: string) => string): string {
  const rows = deck.questions.map((q, index) => {
    const row: Partial<Record<DeckCsvColumn, string>> = {
      kind: q.kind,
      text: q.text,
      correct: q.correct.map((i) => i + 1).join(CSV_LIST_SEPARATOR),
      timeLimitSec: String(q.timeLimitSec),
      points: q.points,
      explanation: q.explanation,
      tags: q.tags.join(CSV_LIST_SEPARATOR),
      imageUrl: q.imageUrl === null ? "" : imageUrl(q.imageUrl),
    };
    if (index === 0) Object.assign(row, { title: deck.title, language: deck.language, description: deck.description });
    for (let i = 0; i < MAX_OPTION_COLUMNS; i += 1) {
      row[OPTION_COLUMNS[i] as DeckCsvColumn] = q.options[i] ?? "";
      row[RATIONALE_COLUMNS[i] as DeckCsvColumn] = q.rationales[i] ?? "";
    }
    return DECK_CSV_COLUMNS.map((column) => row[column] ?? "");
  });
  return stringify([[...DECK_CSV_COLUMNS], ...rows], { bom: true, record_delimiter: "windows" });
}
