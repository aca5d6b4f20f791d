// What the library shows for a search and a sort: pure, so the page only draws it.
import type { DeckSummary } from "../../lib/deck";

export const DECK_SORTS = ["edited", "title", "played"] as const;
export type DeckSort = (typeof DECK_SORTS)[number];

/** Full-width letters, case and composed Hangul compare equal, as a person reads them. */
const normalise = (text: string) => text.normalize("NFKC").toLocaleLowerCase().trim();

export function matchesTitle(deck: DeckSummary, query: string): boolean {
  const q = normalise(query);
  return q === "" || normalise(deck.title).includes(q);
}

function compare(sort: DeckSort, collator: Intl.Collator) {
  const byTitle = (a: DeckSummary, b: DeckSummary) => collator.compare(a.title, b.title);
  if (sort === "title") return byTitle;
  if (sort === "played") return (a: DeckSummary, b: DeckSummary) => b.timesPlayed - a.timesPlayed || byTitle(a, b);
  return (a: DeckSummary, b: DeckSummary) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || byTitle(a, b);
}

export interface LibraryView {
  /** Built-in course decks, in the server's order (the course's language first). */
  builtin: DeckSummary[];
  own: DeckSummary[];
  /** The instructor's own decks before the search: the empty state depends on it. */
  ownTotal: number;
}

export function libraryView(decks: DeckSummary[], query: string, sort: DeckSort, locale: string): LibraryView {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: "base" });
  const own = decks.filter((deck) => !deck.builtin);
  return {
    builtin: decks.filter((deck) => deck.builtin && matchesTitle(deck, query)),
    own: own.filter((deck) => matchesTitle(deck, query)).sort(compare(sort, collator)),
    ownTotal: own.length,
  };
}
