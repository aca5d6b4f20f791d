// The browser's only HTTP door: same-origin JSON calls to the custom server's /api.
import {
  PAGE_HEADER,
  PAGE_SIZE_HEADER,
  TOTAL_COUNT_HEADER,
  type Review,
  type RunningGame,
  type SessionReport,
  type SessionSummary,
} from "../lib/reports";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

async function send(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      cache: "no-store",
      headers:
        body === undefined
          ? { Accept: "application/json" }
          : { Accept: "application/json", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "NETWORK", "network error");
  }
  if (!response.ok) {
    const data: unknown = await response.json().catch(() => null);
    const error = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const code = typeof error?.code === "string" ? error.code : `HTTP_${response.status}`;
    const message = typeof error?.message === "string" ? error.message : response.statusText;
    throw new ApiError(response.status, code, message);
  }
  return response;
}

async function request<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  return (await response.json().catch(() => null)) as T;
}

export const apiGet = <T>(path: string) => request<T>("GET", path);
export const apiPost = <T>(path: string, body: unknown = {}) => request<T>("POST", path, body);

export interface Me {
  id: string;
  name: string;
  email: string;
}

export interface DeckSummary {
  id: string;
  title: string;
  language: string;
  description: string | null;
  questionCount: number;
  builtin: boolean;
}

/** Once an instructor exists, /api/setup answers 401 to a visitor: setup is not needed. */
export const fetchSetupNeeded = async () => {
  try {
    return (await apiGet<{ needed: boolean }>("/api/setup")).needed;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return false;
    throw error;
  }
};
export const fetchMe = () => apiGet<Me>("/api/me");
export const fetchDecks = () => apiGet<DeckSummary[]>("/api/decks");
export const signIn = (email: string, password: string) =>
  apiPost<unknown>("/api/auth/sign-in/email", { email, password });
export const signOut = () => apiPost<unknown>("/api/auth/sign-out", {});
export const createFirstInstructor = (name: string, email: string, password: string) =>
  apiPost<unknown>("/api/setup", { name, email, password });

export interface SessionPage {
  sessions: SessionSummary[];
  /** Sessions matching the search, over every page. */
  total: number;
  page: number;
  pageSize: number;
}

/** One page of the instructor's sessions, newest first; `q` searches deck titles. */
export async function fetchSessions(query: { q?: string; page?: number; pageSize?: number }): Promise<SessionPage> {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.page) params.set("page", String(query.page));
  if (query.pageSize) params.set("pageSize", String(query.pageSize));
  const search = params.toString();
  const response = await send("GET", `/api/sessions${search ? `?${search}` : ""}`);
  const sessions = ((await response.json().catch(() => null)) ?? []) as SessionSummary[];
  const header = (name: string, fallback: number) => {
    const value = Number.parseInt(response.headers.get(name) ?? "", 10);
    return Number.isFinite(value) ? value : fallback;
  };
  return {
    sessions,
    total: header(TOTAL_COUNT_HEADER, sessions.length),
    page: header(PAGE_HEADER, query.page ?? 1),
    pageSize: header(PAGE_SIZE_HEADER, query.pageSize ?? sessions.length),
  };
}
export const fetchRunningGames = () => apiGet<RunningGame[]>("/api/running-games");
export const fetchSessionReport = (id: string) => apiGet<SessionReport>(`/api/sessions/${encodeURIComponent(id)}`);
export const sessionCsvUrl = (id: string) => `/api/sessions/${encodeURIComponent(id)}/export.csv`;
export const deleteSession = async (id: string) => {
  await send("DELETE", `/api/sessions/${encodeURIComponent(id)}`);
};
/** A student's own review: public, the token is the credential; 404 until the game has ended. */
export const fetchReview = (token: string) => apiGet<Review>(`/api/review/${encodeURIComponent(token)}`);
