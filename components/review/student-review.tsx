"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import type { Review, ReviewQuestion } from "../../lib/reports";
import { ApiError, fetchReview } from "../api-client";
import { BulbIcon, CheckIcon, CrossIcon, TrophyIcon } from "../icons";
import { LanguageSwitch } from "../language-switch";
import { QuestionImage } from "../play/question-image";
import { OptionList, type OptionMark } from "../sessions/option-list";
import { QuestionBadges } from "../sessions/question-badges";
import { TopicBars } from "../sessions/topic-bars";
import { useReportFormat } from "../sessions/use-report-format";
import { OptionRationales } from "./option-rationales";

type Loaded =
  | { status: "loading" }
  | { status: "missing" }
  | { status: "busy" }
  | { status: "error" }
  | { status: "ready"; review: Review };

function Shell({ children }: { children: ReactNode }) {
  const common = useTranslations("common");
  return (
    <div className="stage-backdrop flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-2xl items-center gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 rounded-lg text-lg font-black text-white">
          <span className="rounded-lg bg-amber-400 px-2 py-0.5 text-indigo-950" aria-hidden="true">
            Q
          </span>
          {common("appName")}
        </Link>
        <span className="flex-1" />
        <LanguageSwitch tone="dark" />
      </header>
      <main className="mx-auto flex w-full max-w-2xl flex-1 flex-col gap-5 px-4 pb-10">{children}</main>
    </div>
  );
}

function ResultPill({ question }: { question: ReviewQuestion }) {
  const t = useTranslations("review");
  const answer = question.answer;
  if (!answer) {
    return (
      <span className="rounded-full bg-slate-200 px-3 py-1 text-sm font-black text-slate-800">{t("noAnswer")}</span>
    );
  }
  return answer.correct ? (
    <span className="inline-flex items-center gap-1 rounded-full bg-emerald-700 px-3 py-1 text-sm font-black text-white">
      <CheckIcon className="size-4" />
      {t("correct")}
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 rounded-full bg-rose-700 px-3 py-1 text-sm font-black text-white">
      <CrossIcon className="size-4" />
      {t("incorrect")}
    </span>
  );
}

function ReviewQuestionCard({ question, count, lang }: { question: ReviewQuestion; count: number; lang: string }) {
  const t = useTranslations("review");
  const f = useReportFormat();
  const answer = question.answer;
  const headingId = `review-question-${question.index}`;
  const marks: Record<string, OptionMark> = {};
  for (const id of answer?.optionIds ?? []) {
    marks[id] = {
      badges: [{ text: t("yourAnswer"), tone: question.correctOptionIds.includes(id) ? "mine" : "wrong" }],
    };
  }
  // The student's own picks that are not in the key: their rationales are the ones meant for them.
  const wrongPicks = (answer?.optionIds ?? []).filter((id) => !question.correctOptionIds.includes(id));
  const scoreNote = question.skipped
    ? t("skippedNote")
    : !question.revealed
      ? t("notRevealedNote")
      : question.points === "none"
        ? t("practiceNote")
        : null;
  return (
    <article
      aria-labelledby={headingId}
      className="flex flex-col gap-4 rounded-3xl bg-white p-5 text-slate-900 shadow-xl"
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-lg font-black text-indigo-900">
          {t("questionOf", { number: question.index + 1, count })}
        </h3>
        <ResultPill question={question} />
      </header>
      <div className="flex flex-wrap gap-1.5">
        <QuestionBadges question={question} />
      </div>
      <p lang={lang} className="text-lg leading-relaxed font-semibold whitespace-pre-line">
        {question.text}
      </p>
      {question.imageUrl ? (
        <QuestionImage
          src={question.imageUrl}
          alt={t("questionImage", { number: question.index + 1 })}
          tone="light"
          className="max-h-56 w-auto max-w-full self-start rounded-xl ring-1 ring-slate-200"
        />
      ) : null}
      {question.kind === "multiple" ? (
        <p className="text-sm font-semibold text-slate-600">{t("multipleRule")}</p>
      ) : null}
      <OptionList options={question.options} correctOptionIds={question.correctOptionIds} marks={marks} lang={lang} />
      <OptionRationales
        options={question.options}
        rationales={question.rationales}
        correctOptionIds={question.correctOptionIds}
        highlightIds={wrongPicks}
        lang={lang}
      />
      <dl className="flex flex-wrap gap-x-6 gap-y-2 rounded-2xl bg-slate-50 px-4 py-3 text-base">
        <div className="flex items-baseline gap-2">
          <dt className="font-semibold text-slate-600">{t("pointsLabel")}</dt>
          <dd className="font-black tabular-nums">
            {f.number(answer?.points ?? 0)}
            {answer && answer.bonus > 0 ? (
              <span className="ml-2 text-sm font-bold text-amber-800">
                {t("bonus", { bonus: f.number(answer.bonus) })}
              </span>
            ) : null}
          </dd>
        </div>
        {answer ? (
          <div className="flex items-baseline gap-2">
            <dt className="font-semibold text-slate-600">{t("timeLabel")}</dt>
            <dd className="font-bold tabular-nums">{f.seconds(answer.timeMs)}</dd>
          </div>
        ) : null}
      </dl>
      {scoreNote ? <p className="-mt-2 text-sm font-semibold text-slate-600">{scoreNote}</p> : null}
      <section className="rounded-2xl bg-amber-50 px-4 py-3 ring-1 ring-amber-200">
        <h4 className="flex items-center gap-2 text-base font-black text-amber-950">
          <BulbIcon />
          {t("explanation")}
        </h4>
        <p lang={lang} className="mt-1 text-base leading-relaxed whitespace-pre-line text-slate-800">
          {question.explanation || t("noExplanation")}
        </p>
      </section>
    </article>
  );
}

function ReviewBody({ review }: { review: Review }) {
  const t = useTranslations("review");
  const play = useTranslations("play");
  const report = useTranslations("report");
  const f = useReportFormat();
  const lang = review.language;
  return (
    <>
      <div className="flex flex-col gap-1 pt-2 text-white">
        <p className="text-base font-bold text-amber-300">{t("eyebrow", { nickname: review.nickname })}</p>
        <h1 lang={lang} className="text-3xl leading-tight font-black">
          {review.deckTitle}
        </h1>
        <p className="text-base font-semibold text-indigo-100">{f.date(review.startedAt ?? review.endedAt)}</p>
      </div>

      <section
        aria-label={t("summaryLabel")}
        className="grid grid-cols-3 divide-x divide-slate-200 rounded-3xl bg-white py-5 text-center text-slate-900 shadow-xl"
      >
        <div className="flex flex-col items-center gap-1 px-2">
          <p className="text-sm font-bold text-slate-600">{play("finalRank")}</p>
          <p className="flex items-center gap-1 text-3xl font-black whitespace-nowrap text-indigo-800">
            {review.rank === 1 ? <TrophyIcon className="size-6 text-amber-600" /> : null}
            {report("rank", { rank: review.rank })}
          </p>
          <p className="text-sm font-semibold text-slate-600">{t("ofPlayers", { count: review.playerCount })}</p>
        </div>
        <div className="flex flex-col items-center gap-1 px-2">
          <p className="text-sm font-bold text-slate-600">{play("score")}</p>
          <p className="text-3xl font-black tabular-nums">{f.number(review.score)}</p>
        </div>
        <div className="flex flex-col items-center gap-1 px-2">
          <p className="text-sm font-bold text-slate-600">{t("correctLabel")}</p>
          <p className="text-3xl font-black text-emerald-800 tabular-nums">
            {review.correctCount}
            <span className="text-lg text-slate-600">/{review.questionsPlayed}</span>
          </p>
          <p className="text-sm font-semibold text-slate-600">{t("questionsPlayed")}</p>
        </div>
      </section>

      {review.status === "ended-early" ? (
        <p role="note" className="rounded-2xl bg-amber-100 px-4 py-3 text-base font-semibold text-amber-950">
          {t("endedEarly", { played: review.questionsPlayed, count: review.questionCount })}
        </p>
      ) : null}
      {review.answeredCount === 0 && review.questionsPlayed > 0 ? (
        <p role="note" className="rounded-2xl bg-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          {t("neverAnswered")}
        </p>
      ) : null}

      <section
        aria-labelledby="topics-title"
        className="flex flex-col gap-3 rounded-3xl bg-white p-5 text-slate-900 shadow-xl"
      >
        <div>
          <h2 id="topics-title" className="text-xl font-black">
            {t("topicsTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("topicsIntro")}</p>
        </div>
        {review.topics.length > 0 ? (
          <TopicBars topics={review.topics} />
        ) : (
          <p className="text-base text-slate-600">{t("noTopics")}</p>
        )}
      </section>

      <section aria-labelledby="answers-title" className="flex flex-col gap-4">
        <h2 id="answers-title" className="pt-2 text-2xl font-black text-white">
          {t("answersTitle")}
        </h2>
        {review.questions.map((question) => (
          <ReviewQuestionCard key={question.index} question={question} count={review.questionsPlayed} lang={lang} />
        ))}
      </section>

      <footer className="flex flex-col items-center gap-4 pt-2 text-center">
        <p className="text-sm font-semibold text-indigo-100">{t("expires", { date: f.day(review.expiresAt) })}</p>
        <Link
          href="/join"
          className="flex h-14 w-full items-center justify-center rounded-2xl bg-amber-400 text-xl font-black text-indigo-950 shadow-lg hover:bg-amber-300"
        >
          {play("joinAnother")}
        </Link>
      </footer>
    </>
  );
}

/** A student's own review of a finished game: opened with the token of their link, no account. */
export function StudentReview({ token }: { token: string }) {
  const t = useTranslations("review");
  const common = useTranslations("common");
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });

  useEffect(() => {
    let cancelled = false;
    fetchReview(token).then(
      (review) => {
        if (!cancelled) setLoaded({ status: "ready", review });
      },
      (error: unknown) => {
        if (cancelled) return;
        const status = error instanceof ApiError ? error.status : 0;
        setLoaded({ status: status === 404 ? "missing" : status === 429 ? "busy" : "error" });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token]);

  if (loaded.status === "ready") {
    return (
      <Shell>
        <ReviewBody review={loaded.review} />
      </Shell>
    );
  }
  return (
    <Shell>
      {loaded.status === "loading" ? (
        <p role="status" className="m-auto animate-pulse text-lg font-bold text-indigo-100">
          {common("loading")}
        </p>
      ) : (
        <section className="mt-[8vh] flex flex-col gap-4 rounded-3xl bg-white p-6 text-slate-900 shadow-2xl">
          <h1 className="text-2xl font-black">{loaded.status === "missing" ? t("notFoundTitle") : t("errorTitle")}</h1>
          <p className="text-base text-slate-700">
            {loaded.status === "missing"
              ? t("notFoundBody")
              : loaded.status === "busy"
                ? t("busyBody")
                : common("serverUnreachable")}
          </p>
          <Link
            href="/"
            className="flex h-14 items-center justify-center rounded-2xl bg-indigo-700 text-xl font-extrabold text-white hover:bg-indigo-800"
          >
            {t("home")}
          </Link>
        </section>
      )}
    </Shell>
  );
}
