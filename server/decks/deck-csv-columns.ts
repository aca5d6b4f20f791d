// The deck CSV's columns (docs/protocol.md "Deck CSV"): one question per row, the
// deck's own fields taken from the first row. Options and rationales have a column
// each; `correct` and `tags` hold several values separated by "|".
import { OPTION_IDS } from "../../lib/contract";

/** How many option (and rationale) columns there are: a question has at most 6 options. */
export const MAX_OPTION_COLUMNS = OPTION_IDS.length;
const numbered = <P extends string>(prefix: P) =>
  Array.from({ length: MAX_OPTION_COLUMNS }, (_, i) => `${prefix}${i + 1}` as `${P}${number}`);

export const OPTION_COLUMNS = numbered("option");
export const RATIONALE_COLUMNS = numbered("rationale");

/** Every column, in the order an export writes them. */
export const DECK_CSV_COLUMNS = [
  "title",
  "language",
  "description",
  "kind",
  "text",
  ...OPTION_COLUMNS,
  ...RATIONALE_COLUMNS,
  "correct",
  "timeLimitSec",
  "points",
  "explanation",
  "tags",
  "imageUrl",
] as const;
export type DeckCsvColumn = (typeof DECK_CSV_COLUMNS)[number];

/** Without these a row cannot be a question; the rest have defaults (lib/deck.ts). */
export const REQUIRED_CSV_COLUMNS: readonly DeckCsvColumn[] = [
  "title",
  "language",
  "kind",
  "text",
  "option1",
  "option2",
  "correct",
];

/** Between the values of `correct` (1-based option numbers) and `tags` (so no tag holds one: lib/deck.ts). */
export { CSV_LIST_SEPARATOR } from "../../lib/deck";

/** Deck-level columns: read from the first data row; later rows may leave them empty. */
export const DECK_LEVEL_COLUMNS = ["title", "language", "description"] as const satisfies readonly DeckCsvColumn[];
