"use client";

// Unsaved edits are not lost by accident: closing or reloading the tab gets the
// browser's own question (beforeunload), and an in-app link — which Next follows
// without unloading the page — is held until the instructor confirms.
import { useRouter } from "next/navigation";
import { useCallback, useLayoutEffect, useState } from "react";

function internalTarget(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null; // a new tab or window
  const target = event.target;
  const link = target instanceof Element ? target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download")) return null;
  if (link.target && link.target !== "_self") return null;
  const url = new URL(link.href, window.location.href);
  // Another site unloads this page: beforeunload asks for those.
  if (url.origin !== window.location.origin) return null;
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function useLeaveGuard(dirty: boolean) {
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);

  // A layout effect: the guard is in place before "Unsaved changes" is painted, so a
  // tab closed right after an edit is still asked about (a passive effect could run later).
  useLayoutEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show their prompt.
      event.returnValue = "";
    };
    // Capture phase on the document runs before React's own click handling (next/link).
    const onClick = (event: MouseEvent) => {
      const href = internalTarget(event);
      if (href === null) return;
      event.preventDefault();
      event.stopPropagation();
      setPending(href);
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);

  const stay = useCallback(() => setPending(null), []);
  const leave = useCallback(() => {
    if (pending) router.push(pending);
    setPending(null);
  }, [pending, router]);

  return { pending, stay, leave };
}
