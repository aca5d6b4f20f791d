"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { TIME_LIMIT_SEC, type Locale } from "../../lib/contract";
import { createGame } from "../create-game";
import { PlayIcon } from "../icons";
import { useErrorMessage } from "../use-error-message";
import { ShuffleIcon } from "../library/action-icons";
import { parseTimeLimit, toHostingOptions } from "./hosting-form";
import { QuestionPicker } from "./question-picker";
import { useDeckQuestions } from "./use-deck-questions";

export interface HostableDeck {
  id: string;
  title: string;
  language: Locale;
  questionCount: number;
}

function Toggle({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const hintId = useId();
  return (
    <label
      className={`flex cursor-pointer items-start gap-3 rounded-2xl px-4 py-3 ring-1 transition-colors ${
        checked ? "bg-indigo-50 ring-indigo-300" : "bg-white ring-slate-200 hover:bg-slate-50"
      }`}
    >
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hintId}
        className="mt-1 size-5 shrink-0 accent-indigo-700"
      />
      <span className="flex flex-col gap-0.5">
        <span className="text-lg font-bold text-slate-900">{label}</span>
        <span id={hintId} className="text-sm text-slate-600">
          {hint}
        </span>
      </span>
    </label>
  );
}

/**
 * Hosting options for one deck: shuffles, a time limit for every question, a subset
 * of the questions; then the game is created and the projector page opens.
 * Mounted per deck (keyed by its id), so each opening starts from the deck's own way.
 */
export function HostOptionsDialog({ deck, onClose }: { deck: HostableDeck; onClose: () => void }) {
  const t = useTranslations("hosting");
  const common = useTranslations("common");
  const format = useFormatter();
  const locale = useLocale();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const ids = { title: useId(), deck: useId(), time: useId(), timeHint: useId(), timeError: useId() };
  const dialog = useRef<HTMLDialogElement>(null);
  const timeInput = useRef<HTMLInputElement>(null);
  const questions = useDeckQuestions(deck.id);

  const [shuffleQuestions, setShuffleQuestions] = useState(false);
  const [shuffleOptions, setShuffleOptions] = useState(false);
  const [timeText, setTimeText] = useState("");
  const [timeBadInput, setTimeBadInput] = useState(false);
  const [timeTouched, setTimeTouched] = useState(false);
  /** null: every question (untouched, or the list could not be loaded). */
  const [picked, setPicked] = useState<number[] | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Modal from the moment it mounts; focus goes back where it was when it closes.
  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    return () => {
      if (element?.open) element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const loaded = questions.status === "ready" ? questions.questions : null;
  const questionCount = loaded?.length ?? deck.questionCount;
  const selected = picked ?? (loaded ? loaded.map((_, i) => i) : null);
  const timeLimit = parseTimeLimit(timeText, timeBadInput);
  const showTimeError = timeTouched && !timeLimit.ok;
  const playing = selected?.length ?? questionCount;
  const answerSeconds = loaded
    ? (selected ?? []).reduce(
        (sum, i) => sum + (timeLimit.ok && timeLimit.seconds ? timeLimit.seconds : (loaded[i]?.timeLimitSec ?? 0)),
        0,
      )
    : null;

  const close = () => {
    if (!submitting) onClose();
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    if (!timeLimit.ok) {
      setTimeTouched(true);
      timeInput.current?.focus();
      return;
    }
    if (selected && selected.length === 0) return;
    setError(null);
    setSubmitting(true);
    const options = toHostingOptions({
      shuffleQuestions,
      shuffleOptions,
      timeLimitSec: timeLimit.seconds,
      selected,
      questionCount,
    });
    const result = await createGame(deck.id, locale, options);
    if (result.ok) {
      // The dialog stays, saying "Opening…", until the projector page replaces it.
      router.push(`/host/${result.gameId}`);
      return;
    }
    setSubmitting(false);
    if (result.error.code === "FORBIDDEN") router.replace("/sign-in");
    else if (result.error.code === "NOT_FOUND") setError(t("deckNotFound"));
    // The server says which choice it refused, in the page's language.
    else if (result.error.code === "INVALID_PAYLOAD" && result.error.message) setError(result.error.message);
    else setError(errorMessage(result.error));
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={ids.title}
      aria-describedby={ids.deck}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(calc(100vw-2rem),64rem)] overflow-hidden rounded-3xl bg-slate-50 p-0 text-slate-900 shadow-2xl backdrop:bg-indigo-950/70"
    >
      <form onSubmit={(event) => void submit(event)} className="flex max-h-[calc(100dvh-2rem)] flex-col" noValidate>
        <header className="border-b border-slate-200 bg-white px-6 pt-6 pb-5 sm:px-8">
          <h2 id={ids.title} className="text-3xl font-black">
            {t("title")}
          </h2>
          <p id={ids.deck} className="mt-1 text-lg text-slate-700">
            <span lang={deck.language} className="font-bold text-slate-900">
              {deck.title}
            </span>
            <span className="text-slate-500"> · {t("questionCount", { count: deck.questionCount })}</span>
          </p>
        </header>

        <div className="grid min-h-0 flex-1 gap-6 overflow-y-auto px-6 py-6 sm:px-8 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)] lg:gap-8">
          <div className="flex flex-col gap-5">
            <section className="flex flex-col gap-3" aria-labelledby={`${ids.title}-order`}>
              <h3 id={`${ids.title}-order`} className="flex items-center gap-2 text-lg font-black">
                <ShuffleIcon className="text-indigo-700" />
                {t("orderTitle")}
              </h3>
              <Toggle
                label={t("shuffleQuestions")}
                hint={t("shuffleQuestionsHint")}
                checked={shuffleQuestions}
                onChange={setShuffleQuestions}
              />
              <Toggle
                label={t("shuffleOptions")}
                hint={t("shuffleOptionsHint")}
                checked={shuffleOptions}
                onChange={setShuffleOptions}
              />
            </section>
            <div className="flex flex-col gap-1.5">
              <label htmlFor={ids.time} className="text-lg font-black">
                {t("timeLimit")}
              </label>
              <p id={ids.timeHint} className="text-sm text-slate-600">
                {t("timeLimitHint", { min: TIME_LIMIT_SEC.min, max: TIME_LIMIT_SEC.max })}
              </p>
              <input
                ref={timeInput}
                id={ids.time}
                type="number"
                inputMode="numeric"
                min={TIME_LIMIT_SEC.min}
                max={TIME_LIMIT_SEC.max}
                step={1}
                value={timeText}
                placeholder={t("timeLimitPlaceholder")}
                onChange={(event) => {
                  setTimeText(event.target.value);
                  setTimeBadInput(event.target.validity.badInput);
                }}
                onBlur={() => setTimeTouched(true)}
                aria-invalid={showTimeError}
                aria-describedby={showTimeError ? `${ids.timeHint} ${ids.timeError}` : ids.timeHint}
                className={`mt-1 h-12 w-40 rounded-xl border-2 bg-white px-4 text-lg text-slate-900 tabular-nums placeholder:text-slate-500 focus:outline-none focus-visible:outline-3 focus-visible:outline-amber-500 ${
                  showTimeError ? "border-rose-600" : "border-slate-300 focus:border-indigo-600"
                }`}
              />
              {showTimeError ? (
                <p id={ids.timeError} role="alert" className="text-base font-semibold text-rose-800">
                  {t("timeLimitError", { min: TIME_LIMIT_SEC.min, max: TIME_LIMIT_SEC.max })}
                </p>
              ) : null}
            </div>
          </div>

          {questions.status === "ready" ? (
            <QuestionPicker
              questions={questions.questions}
              language={deck.language}
              selected={selected ?? []}
              onChange={setPicked}
              timeLimitSec={timeLimit.ok ? timeLimit.seconds : undefined}
            />
          ) : (
            <div className="flex flex-col gap-3">
              <h3 className="text-lg font-black">{t("questions")}</h3>
              {questions.status === "loading" ? (
                <p role="status" className="animate-pulse text-base text-slate-600">
                  {t("loadingQuestions")}
                </p>
              ) : (
                <p role="alert" className="rounded-xl bg-amber-50 px-4 py-3 text-base font-semibold text-amber-900">
                  {t("questionsError")}
                </p>
              )}
            </div>
          )}
        </div>

        <footer className="flex flex-col gap-3 border-t border-slate-200 bg-white px-6 py-4 sm:px-8">
          {error ? (
            <p role="alert" className="rounded-xl bg-rose-50 px-4 py-3 text-base font-semibold text-rose-800">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center justify-end gap-3">
            <p className="mr-auto text-base font-semibold text-slate-700" aria-live="polite">
              {answerSeconds !== null
                ? t("summary", {
                    count: playing,
                    duration: format.number(Math.ceil(answerSeconds / 60), {
                      style: "unit",
                      unit: "minute",
                      unitDisplay: "long",
                    }),
                  })
                : t("questionCount", { count: playing })}
            </p>
            <button
              type="button"
              onClick={close}
              disabled={submitting}
              className="h-12 rounded-xl bg-slate-200 px-6 text-lg font-bold text-slate-900 hover:bg-slate-300 disabled:opacity-60"
            >
              {common("cancel")}
            </button>
            <button
              type="submit"
              disabled={submitting || (selected !== null && selected.length === 0)}
              className="inline-flex h-12 items-center gap-2 rounded-xl bg-indigo-700 px-6 text-lg font-extrabold text-white shadow-md hover:bg-indigo-800 disabled:cursor-not-allowed disabled:opacity-60"
            >
              <PlayIcon className="size-5" />
              {submitting ? t("opening") : t("submit")}
            </button>
          </div>
        </footer>
      </form>
    </dialog>
  );
}
