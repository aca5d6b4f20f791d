"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { SearchIcon } from "./action-icons";
import { DECK_SORTS, type DeckSort } from "./filter-decks";

interface LibraryToolbarProps {
  query: string;
  onQuery: (query: string) => void;
  sort: DeckSort;
  onSort: (sort: DeckSort) => void;
}

const isSort = (value: string): value is DeckSort => (DECK_SORTS as readonly string[]).includes(value);

/** Search by title (filters as the instructor types) and the order of their own decks. */
export function LibraryToolbar({ query, onQuery, sort, onSort }: LibraryToolbarProps) {
  const t = useTranslations("library");
  const searchId = useId();
  const sortId = useId();
  return (
    <div role="search" className="flex flex-wrap items-end gap-4">
      <div className="flex min-w-0 flex-1 flex-col gap-1.5 sm:max-w-md">
        <label htmlFor={searchId} className="text-base font-bold text-slate-800">
          {t("searchLabel")}
        </label>
        <div className="relative">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-4 size-5 -translate-y-1/2 text-slate-500" />
          <input
            id={searchId}
            type="search"
            value={query}
            maxLength={200}
            onChange={(event) => onQuery(event.target.value)}
            placeholder={t("searchPlaceholder")}
            className="h-12 w-full rounded-xl border border-slate-400 bg-white pr-4 pl-12 text-lg text-slate-900 placeholder:text-slate-500 focus:border-indigo-600"
          />
        </div>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={sortId} className="text-base font-bold text-slate-800">
          {t("sortLabel")}
        </label>
        <select
          id={sortId}
          value={sort}
          onChange={(event) => {
            if (isSort(event.target.value)) onSort(event.target.value);
          }}
          className="h-12 rounded-xl border border-slate-400 bg-white px-4 text-lg text-slate-900 focus:border-indigo-600"
        >
          {DECK_SORTS.map((value) => (
            <option key={value} value={value}>
              {t(`sort.${value}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
