// The editor's HTTP calls (docs/protocol.md "Decks", "Images"). Errors are the
// app's ApiError (a 401 still sends the page to sign-in) with the body's
// `details`, which a 400 INVALID_DECK uses to say where each problem is.
import type { DeckInput, DeckSummary, StoredDeck } from "../../lib/deck";
import { ApiError } from "../api-client";
import type { ServerProblem } from "./problems";

export class DeckApiError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly details: ServerProblem[],
  ) {
    super(status, code, message);
    this.name = "DeckApiError";
  }
}

function asProblems(value: unknown): ServerProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { question, path, message } = item as Record<string, unknown>;
    if (typeof path !== "string" || typeof message !== "string") return [];
    return [{ question: typeof question === "number" ? question : null, path, message }];
  });
}

async function call<T>(method: "GET" | "POST" | "PUT", path: string, body?: BodyInit, type?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json", ...(type ? { "Content-Type": type } : {}) },
      body,
    });
  } catch {
    throw new DeckApiError(0, "NETWORK", "network error", []);
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    throw new DeckApiError(
      response.status,
      typeof error?.code === "string" ? error.code : `HTTP_${response.status}`,
      typeof error?.message === "string" ? error.message : response.statusText,
      asProblems(error?.details),
    );
  }
  return data as T;
}

const deckPath = (id: string) => `/api/decks/${encodeURIComponent(id)}`;
const json = (value: unknown) => JSON.stringify(value);

export const fetchDeck = (id: string) => call<StoredDeck>("GET", deckPath(id));
export const fetchDeckList = () => call<DeckSummary[]>("GET", "/api/decks");
export const createDeck = (deck: DeckInput) =>
  call<{ id: string }>("POST", "/api/decks", json(deck), "application/json");
export const updateDeck = (id: string, deck: DeckInput) =>
  call<StoredDeck>("PUT", deckPath(id), json(deck), "application/json");
export const duplicateDeck = (id: string) =>
  call<{ id: string }>("POST", `${deckPath(id)}/duplicate`, "{}", "application/json");

export interface UploadedImage {
  id: string;
  url: string;
  contentType: string;
  width: number;
  height: number;
  byteLength: number;
}

/** The file's own bytes as the body; the server decodes them to decide what they are. */
export const uploadImage = (file: Blob) =>
  call<UploadedImage>("POST", "/api/images", file, file.type || "application/octet-stream");

/** How many tag lookups run at once (the decks' details are fetched one by one). */
const TAG_FETCHES = 4;
/** Enough decks to know an instructor's habits without a burst of requests. */
const TAG_DECKS = 40;

/**
 * The instructor's own topic tags, most used first: from their decks (newest
 * edits first), then the built-in ones. Best effort: a failed deck is skipped.
 */
export async function fetchTagSuggestions(exceptId: string | null): Promise<string[]> {
  const decks = (await fetchDeckList())
    .filter((deck) => deck.id !== exceptId)
    .sort((a, b) => Number(a.builtin) - Number(b.builtin) || String(b.updatedAt).localeCompare(String(a.updatedAt)))
    .slice(0, TAG_DECKS);
  const counts = new Map<string, number>();
  let next = 0;
  async function worker() {
    while (next < decks.length) {
      const deck = decks[next++];
      if (!deck) return;
      const full = await fetchDeck(deck.id).catch(() => null);
      for (const tag of full?.questions.flatMap((q) => q.tags) ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  }
  await Promise.all(Array.from({ length: TAG_FETCHES }, worker));
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}
