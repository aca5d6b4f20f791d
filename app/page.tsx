import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { LandingJoin } from "@/components/landing-join";
import { LanguageSwitch } from "@/components/language-switch";

export default async function LandingPage() {
  const t = await getTranslations("landing");
  const common = await getTranslations("common");
  return (
    <div className="stage-backdrop flex min-h-dvh flex-col text-white">
      <header className="flex items-center justify-between px-5 py-4 sm:px-8">
        <p className="flex items-center gap-2 text-xl font-black">
          <span className="rounded-lg bg-amber-400 px-2 py-0.5 text-indigo-950" aria-hidden="true">
            Q
          </span>
          {common("appName")}
        </p>
        <LanguageSwitch tone="dark" />
      </header>
      <main className="flex flex-1 flex-col items-center justify-center gap-8 px-5 pb-16">
        <div className="text-center">
          <h1 className="text-5xl font-black tracking-tight sm:text-6xl">{common("appName")}</h1>
          <p className="mt-3 text-lg font-medium text-indigo-100 sm:text-xl">{t("tagline")}</p>
        </div>
        <section
          aria-labelledby="join-title"
          className="w-full max-w-sm rounded-3xl bg-white p-6 text-slate-900 shadow-2xl shadow-black/40"
        >
          <h2 id="join-title" className="mb-4 text-center text-2xl font-black">
            {t("joinTitle")}
          </h2>
          <LandingJoin />
        </section>
        <Link
          href="/host"
          className="rounded-full px-5 py-2 text-lg font-bold text-indigo-100 underline decoration-2 underline-offset-4 hover:bg-white/10 hover:text-white"
        >
          {t("hostLink")} →
        </Link>
      </main>
    </div>
  );
}
