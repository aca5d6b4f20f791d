"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, type CSSProperties, type ReactNode } from "react";
import { LanguageSwitch } from "../language-switch";
import { PinForm } from "../pin-form";
import { useErrorMessage } from "../use-error-message";
import { usePlayerGame, type PlayerGame } from "../use-player-game";
import { NicknameStep } from "./nickname-step";
import { PlayerLobby } from "./player-lobby";
import { PlayerNotice } from "./player-notice";
import { PlayerQuestion } from "./player-question";
import { PlayerReveal } from "./player-reveal";
import { PlayerStanding } from "./player-standing";
import { ExitIcon, PauseIcon, RefreshIcon, WifiOffIcon } from "../icons";

/** One line, fixed height: stacked banners shift the sticky question header by 2.75rem each. */
const BANNER_REM = 2.75;

function Banner({ tone, children }: { tone: "warn" | "info"; children: ReactNode }) {
  const colours = tone === "warn" ? "bg-amber-400 text-indigo-950" : "bg-sky-300 text-sky-950";
  return (
    <p
      className={`flex h-11 items-center justify-center gap-1.5 truncate px-3 text-[0.95rem] font-bold shadow-md ${colours}`}
    >
      {children}
    </p>
  );
}

function Header({ game }: { game: PlayerGame }) {
  const common = useTranslations("common");
  const format = useFormatter();
  const view = game.view;
  return (
    <header className="flex items-center gap-3 px-4 py-3">
      <span className="rounded-lg bg-amber-400 px-2 py-0.5 text-lg font-black text-indigo-950" aria-hidden="true">
        Q
      </span>
      {view ? (
        <p className="flex min-w-0 flex-1 items-center gap-2 text-base font-bold text-white">
          <span className="truncate">{view.nickname}</span>
          <span className="shrink-0 rounded-full bg-white/15 px-2.5 py-0.5 text-sm tabular-nums">
            {format.number(view.score)}
          </span>
        </p>
      ) : (
        <p className="flex-1 text-lg font-black text-white">{common("appName")}</p>
      )}
      <LanguageSwitch tone="dark" />
    </header>
  );
}

function Body({ game, initialPin }: { game: PlayerGame; initialPin: string | null }) {
  const t = useTranslations("play");
  const common = useTranslations("common");
  const errorMessage = useErrorMessage();
  const error = game.formError ? errorMessage(game.formError) : null;
  const view = game.view;

  switch (game.step) {
    case "loading":
    case "checking":
      return (
        <p role="status" className="m-auto animate-pulse text-lg font-bold text-indigo-100">
          {game.step === "checking" ? t("checkingPin") : common("loading")}
        </p>
      );
    case "pin":
      return (
        <section aria-labelledby="pin-title" className="rounded-3xl bg-white p-6 text-slate-900 shadow-2xl">
          <h1 id="pin-title" className="text-2xl font-black">
            {t("pinTitle")}
          </h1>
          <p className="mt-1 mb-5 text-base text-slate-600">{t("pinHint")}</p>
          <PinForm
            initialPin={game.lastPin ?? initialPin ?? ""}
            submitLabel={t("enter")}
            onSubmit={game.choosePin}
            error={error}
            busy={game.checking}
          />
        </section>
      );
    case "nickname":
      return (
        <NicknameStep
          pin={game.pin ?? ""}
          busy={game.joining}
          error={error}
          onJoin={(nickname) => void game.join(nickname)}
          onChangePin={game.changePin}
        />
      );
    case "restoring":
      return (
        <PlayerNotice Icon={RefreshIcon} title={t("rejoining")}>
          <button
            type="button"
            onClick={game.leave}
            className="rounded-xl px-4 py-2 text-base font-bold text-indigo-700 underline underline-offset-2"
          >
            {t("joinAnother")}
          </button>
        </PlayerNotice>
      );
    case "kicked":
      return (
        <PlayerNotice Icon={ExitIcon} title={t("kickedTitle")}>
          <p className="text-base text-slate-700">{t("kickedBody")}</p>
          <button
            type="button"
            onClick={game.leave}
            className="h-14 w-full rounded-2xl bg-indigo-700 text-xl font-extrabold text-white"
          >
            {t("joinAnother")}
          </button>
        </PlayerNotice>
      );
    case "game":
      if (!view) return null;
      switch (view.phase) {
        case "lobby":
          return <PlayerLobby view={view} />;
        case "question":
          return (
            <PlayerQuestion
              view={view}
              receivedAt={game.receivedAt}
              answer={game.answer}
              onAnswer={(i, ids) => void game.submitAnswer(i, ids)}
            />
          );
        case "reveal":
          return <PlayerReveal view={view} />;
        case "leaderboard":
        case "ended":
          return <PlayerStanding view={view} onLeave={game.leave} />;
      }
  }
  return null;
}

/** What counts as a new screen: each phase, and each question in it. */
function screenKey(game: PlayerGame): string {
  const view = game.view;
  if (game.step !== "game" || !view) return game.step;
  const index = view.phase === "question" || view.phase === "reveal" ? view.question.index : -1;
  return `${view.phase}:${index}`;
}

/** The phone: PIN → nickname → the game, with automatic rejoin. Renders only the hook's state. */
export function PlayerScreen({ initialPin }: { initialPin: string | null }) {
  const t = useTranslations("play");
  const game = usePlayerGame(initialPin);
  const screen = screenKey(game);
  // Each new phase starts at the top: a long scenario read to its end must not hide the result.
  useEffect(() => {
    window.scrollTo({ top: 0, left: 0, behavior: "instant" });
  }, [screen]);
  const paused = game.view?.paused ?? false;
  const banners = Number(game.reconnecting) + Number(paused);
  return (
    <div
      className="stage-backdrop flex min-h-dvh flex-col"
      style={{ "--banner-offset": `${banners * BANNER_REM}rem` } as CSSProperties}
    >
      <div aria-live="polite" className="sticky top-0 z-20">
        {game.reconnecting ? (
          <Banner tone="warn">
            <WifiOffIcon className="size-5 shrink-0" />
            {t("reconnecting")}
          </Banner>
        ) : null}
        {paused ? (
          <Banner tone="info">
            <PauseIcon className="size-4 shrink-0" />
            {t("paused")}
          </Banner>
        ) : null}
      </div>
      <Header game={game} />
      <main className="mx-auto flex w-full max-w-lg flex-1 flex-col px-4 pb-6">
        <Body game={game} initialPin={initialPin} />
      </main>
    </div>
  );
}
