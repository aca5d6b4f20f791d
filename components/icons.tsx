// Small inline icons in the current text colour. Emoji are not used for UI: a
// projector laptop without an emoji font would show empty boxes.
import type { ReactNode } from "react";

/** The shared frame of every icon: a 24-unit viewBox, stroked unless `filled`, 1em unless sized. */
export function Icon({
  className = "",
  filled = false,
  children,
}: {
  className?: string;
  filled?: boolean;
  children: ReactNode;
}) {
  // 1em square unless the caller gives a size.
  const size = /(^|\s)size-/.test(className) ? "" : "size-[1em]";
  return (
    <svg
      viewBox="0 0 24 24"
      className={`inline-block shrink-0 ${size} ${className}`}
      fill={filled ? "currentColor" : "none"}
      stroke={filled ? "none" : "currentColor"}
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export type IconProps = { className?: string };

export const UsersIcon = ({ className }: IconProps) => (
  <Icon className={className}>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6M16 4.6a3.5 3.5 0 0 1 0 6.8M18 14.3c2.1.6 3.5 2.6 3.5 5.7" />
  </Icon>
);

export const LockIcon = ({ className }: IconProps) => (
  <Icon className={className}>
    <rect x="4" y="10.5" width="16" height="10.5" rx="2.5" />
    <path d="M8 10.5v-3a4 4 0 0 1 8 0v3" />
  </Icon>
);

export const UnlockIcon = ({ className }: IconProps) => (
  <Icon className={className}>
    <rect x="4" y="10.5" width="16" height="10.5" rx="2.5" />
    <path d="M8 10.5v-3a4 4 0 0 1 7.6-1.8" />
  </Icon>
);

export const FlameIcon = ({ className }: IconProps) => (
  <Icon className={className} filled>
    <path d="M12 2.5c.6 3.2 2.6 4.7 4.2 6.6 1.5 1.8 2.3 3.6 2.3 5.6A6.5 6.5 0 0 1 12 21.5a6.5 6.5 0 0 1-6.5-6.8c0-2.5 1.3-4.4 3-5.9.2 1.7.9 2.9 2.1 3.6-.2-3.5.3-6.9 1.4-9.9z" />
  </Icon>
);

export const TrophyIcon = ({ className }: IconProps) => (
  <Icon className={className}>
    <path d="M7 4h10v5a5 5 0 0 1-10 0zM7 6H4v1.5A3.5 3.5 0 0 0 7.5 11M17 6h3v1.5a3.5 3.5 0 0 1-3.5 3.5M12 14v3.5M8 21h8M9.5 17.5h5" />
  </Icon>
);

export const CrownIcon = ({ className }: IconProps) => (
  <Icon className={className} filled>
    <path d="M3 7.5l4.8 4.2L12 4.5l4.2 7.2L21 7.5 19 19H5z" />
  </Icon>
);

export const BulbIcon = ({ className }: IconProps) => (
  <Icon className={className}>
    <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.6 10.8c.7.6 1.1 1.3 1.1 2.2h5c0-.9.4-1.6 1.1-2.2A6 6 0 0 0 12 3z" />
  </Icon>
);

export const PauseIcon = ({ className }: IconProps) => (
  <Icon className={className} filled>
    <rect x="6" y="4.5" width="4" height="15" rx="1" />
    <rect x="14" y="4.5" width="4" height="15" rx="1" />
  </Icon>
);

export const PlayIcon = ({ className }: IconProps) => (
  <Icon className={className} filled>
    <path d="M7 4.5v15l12.5-7.5z" />
  </Icon>
);

export const SkipIcon = ({ className }: IconProps) => (
  <Icon className={className} filled>
    <path d="M5 5v14l10-7z" />
    <rect x="16" y="5" width="3" height="14" rx="1" />
  </Icon>
);

export const CheckIcon = ({ className }: IconProps) => (
  <Icon className={className}>
    <path d="M4.5 12.5l5 5L20 7" />
  </Icon>
);

export const CrossIcon = ({ className }: IconProps) => (
  <Icon className={className}>
    <path d="M6 6l12 12M18 6L6 18" />
  </Icon>
);

export const ClockIcon = ({ className }: IconProps) => (
  <Icon className={className}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </Icon>
);

export const CheckSquareIcon = ({ className }: IconProps) => (
  <Icon className={className}>
    <rect x="3.5" y="3.5" width="17" height="17" rx="3" />
    <path d="M8 12.5l3 3 5.5-6" />
  </Icon>
);

export const RefreshIcon = ({ className }: IconProps) => (
  <Icon className={className}>
    <path d="M20 11a8 8 0 0 0-14.7-3.9M4.5 3.5v4h4M4 13a8 8 0 0 0 14.7 3.9M19.5 20.5v-4h-4" />
  </Icon>
);

export const ExitIcon = ({ className }: IconProps) => (
  <Icon className={className}>
    <path d="M14 4h4a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-4M9 8l-4 4 4 4M5 12h10" />
  </Icon>
);

export const WifiOffIcon = ({ className }: IconProps) => (
  <Icon className={className}>
    <path d="M3 3l18 18M8.5 16.5a5 5 0 0 1 7 0M5 12.9a10 10 0 0 1 5-2.7M14.5 10.3a10 10 0 0 1 4.5 2.6M2 8.8a15 15 0 0 1 4.6-2.9M11 4.6a15 15 0 0 1 11 4.2M12 20h.01" />
  </Icon>
);
