"use client";

// The rejoin ticket `{ token, pin }` kept in localStorage under "quizroom.player",
// exposed as an external store so the page re-renders when it changes.
import { useSyncExternalStore } from "react";

export interface StoredPlayer {
  token: string;
  pin: string;
}

const KEY = "quizroom.player";
const listeners = new Set<() => void>();
let memory: StoredPlayer | null = null; // when localStorage is unavailable (private mode)
let cachedRaw: string | null = null;
let cachedValue: StoredPlayer | null = null;

function parse(raw: string | null): StoredPlayer | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (value && typeof value === "object") {
      const { token, pin } = value as Record<string, unknown>;
      if (typeof token === "string" && typeof pin === "string") return { token, pin };
    }
  } catch {
    // fall through: a corrupt entry counts as none
  }
  return null;
}

export function readStoredPlayer(): StoredPlayer | null {
  let raw: string | null;
  try {
    raw = window.localStorage.getItem(KEY);
  } catch {
    return memory;
  }
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedValue = parse(raw);
  }
  return cachedValue;
}

function notify() {
  listeners.forEach((listener) => listener());
}

export function storePlayer(player: StoredPlayer) {
  memory = player;
  try {
    window.localStorage.setItem(KEY, JSON.stringify(player));
  } catch {
    // memory keeps it for this page's life
  }
  notify();
}

export function clearStoredPlayer() {
  memory = null;
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
  notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

/** The stored ticket; `undefined` while not yet known (server render and hydration). */
export function useStoredPlayer(): StoredPlayer | null | undefined {
  return useSyncExternalStore<StoredPlayer | null | undefined>(subscribe, readStoredPlayer, () => undefined);
}
