"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { Locale } from "../lib/contract";
import { rememberLocale } from "../lib/i18n/locale";

const CHOICES: { locale: Locale; label: "korean" | "english" }[] = [
  { locale: "ko", label: "korean" },
  { locale: "en", label: "english" },
];

/** 한국어 / English: writes the NEXT_LOCALE cookie and re-renders the page in that language. */
export function LanguageSwitch({ tone = "light" }: { tone?: "light" | "dark" }) {
  const t = useTranslations("common");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    if (locale === current) return;
    rememberLocale(locale);
    startTransition(() => router.refresh());
  }

  const idle = tone === "dark" ? "text-indigo-100 hover:bg-white/10" : "text-slate-600 hover:bg-slate-200";
  const active = tone === "dark" ? "bg-white text-indigo-950" : "bg-slate-900 text-white";
  return (
    <nav aria-label={t("language")} className="flex items-center gap-1 text-sm font-semibold" aria-busy={pending}>
      {CHOICES.map(({ locale, label }) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          onClick={() => choose(locale)}
          className={`rounded-full px-3 py-1.5 transition-colors ${locale === current ? active : idle}`}
        >
          {t(label)}
        </button>
      ))}
    </nav>
  );
}
