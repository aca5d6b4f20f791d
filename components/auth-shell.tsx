import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "./language-switch";

/** A centred card for the instructor's sign-in and setup pages (laptop size). */
export async function AuthShell({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const common = await getTranslations("common");
  const auth = await getTranslations("auth");
  return (
    <div className="stage-backdrop flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-8 py-5 text-white">
        <Link href="/" className="flex items-center gap-2 rounded-lg text-xl font-black" aria-label={auth("backHome")}>
          <span className="rounded-lg bg-amber-400 px-2 py-0.5 text-indigo-950" aria-hidden="true">
            Q
          </span>
          {common("appName")}
        </Link>
        <LanguageSwitch tone="dark" />
      </header>
      <main className="flex flex-1 items-start justify-center px-6 pt-[8vh] pb-16">
        <section
          className="w-full max-w-md rounded-3xl bg-white p-8 shadow-2xl shadow-black/40"
          aria-labelledby="auth-title"
        >
          <h1 id="auth-title" className="text-3xl font-black text-slate-900">
            {title}
          </h1>
          <p className="mt-2 text-base text-slate-600">{intro}</p>
          <div className="mt-6">{children}</div>
        </section>
      </main>
    </div>
  );
}
