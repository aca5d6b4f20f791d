"use client";

import { useEffect, useState } from "react";

/**
 * The value once it has stopped changing for `ms`: the result count is announced
 * to screen readers once the instructor pauses, not at every keystroke.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
