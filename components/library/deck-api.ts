// The deck routes the library and the hosting dialog call (docs/protocol.md "Decks").
// Errors come back as ApiError, like every other call from the pages.
import { z } from "zod";
import type { DeckProblem, DeckSummary, StoredDeck } from "../../lib/deck";
import { ApiError, apiGet } from "../api-client";

const deckPath = (id: string) => `/api/decks/${encodeURIComponent(id)}`;

/** The server's error body, read once; a body that is not ours gives the status alone. */
async function toApiError(response: Response): Promise<ApiError & { details?: unknown }> {
  const data: unknown = await response.json().catch(() => null);
  const error = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof error?.code === "string" ? error.code : `HTTP_${response.status}`;
  const message = typeof error?.message === "string" ? error.message : response.statusText;
  return Object.assign(new ApiError(response.status, code, message), { details: error?.details });
}

/** A state-changing call; the browser adds the app's Origin, which the server requires. */
async function change(method: "POST" | "DELETE", path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      cache: "no-store",
      ...init,
      headers: { Accept: "application/json", ...init.headers },
    });
  } catch {
    throw new ApiError(0, "NETWORK", "network error");
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

export const listDecks = () => apiGet<DeckSummary[]>("/api/decks");
export const fetchDeck = (id: string) => apiGet<StoredDeck>(deckPath(id));

export async function duplicateDeck(id: string): Promise<string> {
  const response = await change("POST", `${deckPath(id)}/duplicate`);
  return ((await response.json()) as { id: string }).id;
}

export async function deleteDeck(id: string): Promise<void> {
  await change("DELETE", deckPath(id));
}

export const exportDeckUrl = (id: string, format: "json" | "csv") => `${deckPath(id)}/export?format=${format}`;

/** A deck file the import takes, by its extension; null for anything else. */
export function importFormat(fileName: string): "json" | "csv" | null {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension === "json" || extension === "csv" ? extension : null;
}

export type ImportResult =
  { ok: true; id: string } | { ok: false; status: number; code: string; message: string; problems: DeckProblem[] };

/** The located problems of a 400 INVALID_DECK; a malformed entry still shows its message. */
const problemsSchema = z
  .array(
    z.object({
      question: z.number().int().nullable().catch(null),
      line: z.number().int().nullable().catch(null),
      path: z.string().catch(""),
      message: z.string().catch(""),
    }),
  )
  .catch([]);

/**
 * Sends the file's bytes as they are: the server decodes them (UTF-8, with or
 * without a BOM) and locates every problem by its line or question number.
 */
export async function importDeckFile(file: File, format: "json" | "csv"): Promise<ImportResult> {
  try {
    const response = await change("POST", "/api/decks/import", {
      body: file,
      headers: { "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json" },
    });
    return { ok: true, id: ((await response.json()) as { id: string }).id };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status === 0 || error.status === 401) throw error;
    const details = (error as ApiError & { details?: unknown }).details;
    return {
      ok: false,
      status: error.status,
      code: error.code,
      message: error.message,
      problems: problemsSchema.parse(details),
    };
  }
}
