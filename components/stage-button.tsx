import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-amber-400 text-indigo-950 hover:bg-amber-300 shadow-lg shadow-amber-900/30",
  secondary: "bg-white/10 text-white ring-2 ring-white/30 hover:bg-white/20",
  danger: "bg-rose-700 text-white hover:bg-rose-600",
  ghost: "text-indigo-100 hover:bg-white/10",
};

interface StageButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** Shortcut key shown inside the button, e.g. "P". */
  shortcut?: string;
}

/** A projector button: big, bold, high contrast on the dark stage. */
export function StageButton({ variant = "secondary", shortcut, className = "", children, ...props }: StageButtonProps) {
  return (
    <button
      type="button"
      {...props}
      className={`inline-flex items-center justify-center gap-3 rounded-[0.9vw] px-[1.6vw] py-[1.1vh] text-[clamp(1rem,1.35vw,1.75rem)] font-extrabold transition disabled:cursor-not-allowed disabled:opacity-40 ${VARIANTS[variant]} ${className}`}
    >
      {children}
      {shortcut ? (
        <kbd
          aria-hidden="true"
          className="rounded-md border border-current/40 px-2 py-0.5 font-sans text-[0.7em] font-bold opacity-80"
        >
          {shortcut}
        </kbd>
      ) : null}
    </button>
  );
}
