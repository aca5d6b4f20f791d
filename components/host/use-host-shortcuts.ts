"use client";

import { useEffect, useRef } from "react";

export interface ShortcutHandlers {
  /** Space or →: start in the lobby, next in reveal/leaderboard. */
  next?: () => void;
  /** P: pause or resume. */
  togglePause?: () => void;
  /** S: skip. */
  skip?: () => void;
}

const TYPING = new Set(["INPUT", "TEXTAREA", "SELECT"]);
const CONTROLS = "button, a, [role='button']";

/** Projector keyboard shortcuts. Space on a button reached with Tab keeps its usual meaning. */
export function useHostShortcuts(handlers: ShortcutHandlers, enabled: boolean) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });

  useEffect(() => {
    if (!enabled) return;
    // The control last pressed with a mouse or finger: Space there is a shortcut, not a second press.
    let clicked: Element | null = null;
    const onPointer = (event: PointerEvent) => {
      clicked = event.target instanceof Element ? event.target.closest(CONTROLS) : null;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Tab") clicked = null;
      if (event.repeat || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return;
      if (document.querySelector("dialog[open]")) return;
      const control = target?.closest(CONTROLS) ?? null;
      const keyboardOnControl = control !== null && control !== clicked;
      const { next, togglePause, skip } = ref.current;
      let handler: (() => void) | undefined;
      if (event.key === "ArrowRight" || (event.key === " " && !keyboardOnControl)) handler = next;
      else if (event.key === "p" || event.key === "P") handler = togglePause;
      else if (event.key === "s" || event.key === "S") handler = skip;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener("pointerdown", onPointer, true);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("pointerdown", onPointer, true);
      window.removeEventListener("keydown", onKey);
    };
  }, [enabled]);
}
