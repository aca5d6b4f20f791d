"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { ApiError, fetchMe, fetchSetupNeeded, signOut, type Me } from "../api-client";
import { LanguageSwitch } from "../language-switch";

export type InstructorSection = "dashboard" | "decks" | "sessions" | "account";

/** The section a path belongs to: the editor's pages (/decks/…) light up "Decks" too. */
function sectionOf(pathname: string): InstructorSection | null {
  if (pathname === "/host") return "dashboard";
  if (pathname === "/decks" || pathname.startsWith("/decks/")) return "decks";
  if (pathname === "/sessions" || pathname.startsWith("/sessions/")) return "sessions";
  if (pathname === "/account") return "account";
  return null;
}

/**
 * What a page does with a failed API call: a missing session goes to sign-in (or to
 * the setup page on a fresh install); anything else is the page's to show.
 */
export function useSignInRedirect() {
  const router = useRouter();
  return useCallback(
    async (error: unknown): Promise<boolean> => {
      if (!(error instanceof ApiError) || error.status !== 401) return false;
      const needed = await fetchSetupNeeded().catch(() => false);
      // Back to the page asked for after signing in (a report, the history).
      const back = `${window.location.pathname}${window.location.search}`;
      router.replace(needed ? "/setup" : `/sign-in?next=${encodeURIComponent(back)}`);
      return true;
    },
    [router],
  );
}

/**
 * The instructor's pages: a header with the app's name, the sections, the language
 * and sign-out. The current section is the page's own word, else read from the path.
 */
export function InstructorShell({ current, children }: { current?: InstructorSection; children: ReactNode }) {
  const t = useTranslations("nav");
  const decks = useTranslations("decks");
  const common = useTranslations("common");
  const router = useRouter();
  const pathname = usePathname();
  const active = current ?? sectionOf(pathname);
  const redirect = useSignInRedirect();
  const [me, setMe] = useState<Me | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetchMe().then(
      (user) => {
        if (!cancelled) setMe(user);
      },
      (error: unknown) => {
        if (!cancelled) void redirect(error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [redirect]);

  async function leave() {
    await signOut().catch(() => undefined);
    router.replace("/sign-in");
  }

  const links: { section: InstructorSection; href: string; label: string }[] = [
    { section: "dashboard", href: "/host", label: t("dashboard") },
    { section: "decks", href: "/decks", label: t("decks") },
    { section: "sessions", href: "/sessions", label: t("sessions") },
    { section: "account", href: "/account", label: t("account") },
  ];

  return (
    <div className="min-h-dvh bg-slate-100 print:min-h-0 print:bg-white">
      <header className="stage-backdrop text-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-6 py-4">
          <Link href="/" className="flex items-center gap-2 rounded-lg text-xl font-black">
            <span className="rounded-lg bg-amber-400 px-2 py-0.5 text-indigo-950" aria-hidden="true">
              Q
            </span>
            {common("appName")}
          </Link>
          <nav aria-label={t("label")}>
            <ul className="flex items-center gap-1 text-base font-bold">
              {links.map((link) => (
                <li key={link.section}>
                  <Link
                    href={link.href}
                    // "page" on the section's own page, "true" on a page inside it (an editor, a report).
                    aria-current={link.section === active ? (pathname === link.href ? "page" : "true") : undefined}
                    className={`block rounded-full px-4 py-1.5 transition-colors ${
                      link.section === active ? "bg-white text-indigo-950" : "text-indigo-100 hover:bg-white/10"
                    }`}
                  >
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex flex-wrap items-center gap-4">
            {me ? (
              <p className="text-sm font-semibold text-indigo-100">
                {decks("signedInAs", { name: me.name || me.email })}
              </p>
            ) : null}
            <LanguageSwitch tone="dark" />
            <button
              type="button"
              onClick={() => void leave()}
              className="rounded-full bg-white/10 px-4 py-1.5 text-sm font-bold ring-1 ring-white/30 hover:bg-white/20"
            >
              {decks("signOut")}
            </button>
          </div>
        </div>
      </header>
      {children}
    </div>
  );
}
