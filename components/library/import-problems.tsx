"use client";

import { useTranslations } from "next-intl";
import type { DeckProblem } from "../../lib/deck";
import { AlertIcon } from "./action-icons";
import { problemField, splitProblem } from "./problem-text";

/** Every problem the server found, each where it is: "Line 12 · correct: an index points past the last option". */
export function ImportProblems({
  fileName,
  problems,
  onClose,
}: {
  fileName: string;
  problems: DeckProblem[];
  onClose: () => void;
}) {
  const t = useTranslations("library.import");
  const where = (problem: DeckProblem) =>
    problem.line != null
      ? t("line", { line: problem.line })
      : problem.question != null
        ? t("question", { number: problem.question })
        : t("deckLevel");
  return (
    <div className="flex flex-col gap-3 rounded-2xl bg-rose-50 p-5 ring-1 ring-rose-200">
      <div className="flex items-start gap-3">
        <AlertIcon className="mt-0.5 size-6 text-rose-700" />
        <div role="alert" className="min-w-0 flex-1">
          <h3 className="text-lg font-black text-rose-900">
            {t("problemsTitle", { count: problems.length, file: fileName })}
          </h3>
          <p className="text-base text-rose-900">{t("problemsIntro")}</p>
        </div>
        <button
          type="button"
          onClick={onClose}
          className="shrink-0 rounded-lg px-3 py-1.5 text-sm font-bold text-rose-900 ring-1 ring-rose-300 hover:bg-rose-100"
        >
          {t("dismiss")}
        </button>
      </div>
      {/* Focusable so a long list scrolls from the keyboard too. */}
      <ol
        tabIndex={0}
        aria-label={t("problemsList", { file: fileName })}
        className="max-h-72 divide-y divide-rose-100 overflow-y-auto rounded-xl bg-white text-base ring-1 ring-rose-200"
      >
        {problems.map((problem, i) => {
          const { field, rest } = splitProblem(problemField(problem.path), problem.message);
          return (
            <li key={i} className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 px-4 py-2.5 text-slate-800">
              <span className="font-bold whitespace-nowrap text-rose-900 tabular-nums">
                {where(problem)}{" "}
                <span aria-hidden="true" className="font-normal text-rose-400">
                  ·
                </span>
              </span>{" "}
              <span>
                {field ? (
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm text-slate-900">{field}</code>
                ) : null}
                {rest}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
