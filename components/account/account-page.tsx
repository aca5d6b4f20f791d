"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { InstructorShell } from "../dashboard/instructor-shell";
import { useToasts } from "../toast";
import { SuccessToasts } from "./account-toasts";
import { AddInstructorForm } from "./add-instructor-form";
import { ChangePasswordForm } from "./change-password-form";
import type { CurrentInstructor } from "./current-instructor";
import { SignOutEverywhere } from "./sign-out-everywhere";

function AccountCard({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col gap-5 rounded-3xl bg-white p-8 shadow-sm ring-1 ring-slate-200"
    >
      <div>
        <h2 id={id} className="text-2xl font-black text-slate-900">
          {title}
        </h2>
        <p className="mt-2 text-base text-slate-600">{intro}</p>
      </div>
      {children}
    </section>
  );
}

/**
 * The signed-in instructor's account: add an instructor, change the password,
 * sign out everywhere. `instructor` is who the server said is signed in (null
 * when it could not be asked; the shell then checks from the browser).
 */
export function AccountPage({ instructor }: { instructor: CurrentInstructor | null }) {
  const t = useTranslations("account");
  const { toasts, show, dismiss } = useToasts();

  return (
    <InstructorShell>
      <main className="mx-auto flex max-w-7xl flex-col gap-10 px-6 py-10">
        <div>
          <h1 className="text-3xl font-black text-slate-900">{t("title")}</h1>
          <p className="mt-2 text-lg text-slate-600">{t("intro")}</p>
          {instructor ? (
            <p className="mt-1 text-base font-semibold text-slate-700">
              {t("signedInAs", { name: instructor.name || instructor.email, email: instructor.email })}
            </p>
          ) : null}
        </div>
        <div className="grid items-start gap-8 lg:grid-cols-2">
          <AccountCard id="add-title" title={t("addTitle")} intro={t("addIntro")}>
            <AddInstructorForm onAdded={(added) => show(t("added", added))} />
          </AccountCard>
          <div className="flex flex-col gap-8">
            <AccountCard id="password-title" title={t("passwordTitle")} intro={t("passwordIntro")}>
              <ChangePasswordForm
                email={instructor?.email ?? null}
                onChanged={(signedOutOthers) => show(t(signedOutOthers ? "changedSignedOut" : "changed"))}
              />
            </AccountCard>
            <AccountCard id="everywhere-title" title={t("everywhereTitle")} intro={t("everywhereIntro")}>
              <SignOutEverywhere />
            </AccountCard>
          </div>
        </div>
      </main>
      <SuccessToasts toasts={toasts} onDismiss={dismiss} />
    </InstructorShell>
  );
}
