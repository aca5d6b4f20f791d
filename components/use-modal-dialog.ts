"use client";

import { useEffect, useRef, type SyntheticEvent } from "react";

/**
 * A <dialog> shown modally while `open` is true (focus trapped, the page behind
 * inert). Escape asks the owner (`onCancel`) instead of closing the element behind
 * React's back, so `open` stays the one truth. Spread the result onto the <dialog>.
 */
export function useModalDialog(open: boolean, onCancel: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return {
    ref,
    onCancel: (event: SyntheticEvent<HTMLDialogElement>) => {
      event.preventDefault();
      onCancel();
    },
  };
}
