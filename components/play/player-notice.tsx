import type { ComponentType, ReactNode } from "react";

/** A centred card for the one-message screens: kicked, restoring. */
interface PlayerNoticeProps {
  Icon: ComponentType<{ className?: string }>;
  title: string;
  children?: ReactNode;
}

export function PlayerNotice({ Icon, title, children }: PlayerNoticeProps) {
  return (
    <section
      aria-live="polite"
      className="flex flex-col items-center gap-4 rounded-3xl bg-white px-6 py-10 text-center text-slate-900 shadow-2xl"
    >
      <span className="grid size-16 place-items-center rounded-full bg-indigo-100 text-indigo-800">
        <Icon className="size-9" />
      </span>
      <h1 className="text-2xl font-black">{title}</h1>
      {children}
    </section>
  );
}
