"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { isPin, PIN_LENGTH } from "../lib/contract";

interface PinFormProps {
  initialPin?: string;
  submitLabel: string;
  onSubmit: (pin: string) => void;
  /** An error from the server (e.g. no such game), shown under the field. */
  error?: string | null;
  busy?: boolean;
}

/** The big 6-digit PIN box: digits only, checked before it is sent. */
export function PinForm({ initialPin = "", submitLabel, onSubmit, error, busy = false }: PinFormProps) {
  const t = useTranslations("landing");
  const id = useId();
  const [pin, setPin] = useState(initialPin.replace(/\D/g, "").slice(0, PIN_LENGTH));
  const [invalid, setInvalid] = useState(false);
  const message = invalid ? t("pinInvalid") : error;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isPin(pin)) {
      setInvalid(true);
      return;
    }
    onSubmit(pin);
  }

  return (
    <form onSubmit={submit} noValidate className="flex w-full flex-col gap-3">
      <label htmlFor={`${id}-pin`} className="text-sm font-bold tracking-wide text-slate-600 uppercase">
        {t("pinLabel")}
      </label>
      <input
        id={`${id}-pin`}
        name="pin"
        value={pin}
        onChange={(event) => {
          setInvalid(false);
          setPin(event.target.value.replace(/\D/g, "").slice(0, PIN_LENGTH));
        }}
        inputMode="numeric"
        autoComplete="off"
        pattern="[0-9]*"
        placeholder={t("pinPlaceholder")}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        className="h-16 w-full rounded-2xl border-2 border-slate-300 bg-white text-center text-3xl font-black tracking-[0.3em] text-slate-900 tabular-nums placeholder:text-lg placeholder:font-semibold placeholder:tracking-normal placeholder:text-slate-400 focus:border-indigo-600 focus:outline-none focus-visible:outline-3 focus-visible:outline-amber-500"
      />
      {message ? (
        <p
          id={`${id}-error`}
          role="alert"
          className="rounded-xl bg-rose-50 px-3 py-2 text-base font-semibold text-rose-800"
        >
          {message}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={busy}
        className="h-14 rounded-2xl bg-indigo-700 text-xl font-extrabold text-white shadow-lg hover:bg-indigo-800 disabled:opacity-60"
      >
        {submitLabel}
      </button>
    </form>
  );
}
