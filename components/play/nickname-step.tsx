"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { MAX_NICKNAME_LENGTH } from "../../lib/contract";

interface NicknameStepProps {
  pin: string;
  busy: boolean;
  error: string | null;
  onJoin: (nickname: string) => void;
  onChangePin: () => void;
}

export function NicknameStep({ pin, busy, error, onJoin, onChangePin }: NicknameStepProps) {
  const t = useTranslations("play");
  const [nickname, setNickname] = useState("");
  const [empty, setEmpty] = useState(false);
  const message = empty ? t("nicknameRequired") : error;

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = nickname.trim();
    if (!trimmed) {
      setEmpty(true);
      return;
    }
    onJoin(trimmed);
  }

  return (
    <section aria-labelledby="nickname-title" className="rounded-3xl bg-white p-6 text-slate-900 shadow-2xl">
      <p className="flex items-center justify-between gap-2 text-sm font-bold text-slate-600">
        <span className="tabular-nums">{t("pinFor", { pin })}</span>
        <button
          type="button"
          onClick={onChangePin}
          className="rounded-lg px-2 py-1 text-indigo-700 underline underline-offset-2 hover:bg-indigo-50"
        >
          {t("changePin")}
        </button>
      </p>
      <h1 id="nickname-title" className="mt-3 mb-4 text-2xl font-black">
        {t("nicknameTitle")}
      </h1>
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <label htmlFor="nickname" className="text-sm font-bold tracking-wide text-slate-600 uppercase">
          {t("nicknameLabel")}
        </label>
        <input
          id="nickname"
          name="nickname"
          value={nickname}
          onChange={(event) => {
            setEmpty(false);
            setNickname(event.target.value);
          }}
          // The limit counts graphemes (an emoji family is one, but eleven UTF-16 units), which
          // maxLength cannot: this cap only stops pastes; the server says when a name is too long.
          maxLength={MAX_NICKNAME_LENGTH * 8}
          autoComplete="nickname"
          autoCapitalize="off"
          enterKeyHint="go"
          autoFocus
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? "nickname-error nickname-hint" : "nickname-hint"}
          className="h-14 w-full rounded-2xl border-2 border-slate-300 bg-white px-4 text-center text-2xl font-bold text-slate-900 focus:border-indigo-600 focus:outline-none focus-visible:outline-3 focus-visible:outline-amber-500"
        />
        {message ? (
          <p
            id="nickname-error"
            role="alert"
            className="rounded-xl bg-rose-50 px-3 py-2 text-base font-semibold text-rose-800"
          >
            {message}
          </p>
        ) : null}
        <p id="nickname-hint" className="text-sm text-slate-600">
          {t("nicknameHint", { max: MAX_NICKNAME_LENGTH })}
        </p>
        <button
          type="submit"
          disabled={busy}
          className="h-14 rounded-2xl bg-indigo-700 text-xl font-extrabold text-white shadow-lg hover:bg-indigo-800 disabled:cursor-wait disabled:opacity-60"
        >
          {busy ? t("joining") : t("go")}
        </button>
      </form>
    </section>
  );
}
