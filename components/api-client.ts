// The browser's only HTTP door: same-origin JSON calls to the custom server's /api.
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

async function request<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
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
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const code = typeof error?.code === "string" ? error.code : `HTTP_${response.status}`;
    const message = typeof error?.message === "string" ? error.message : response.statusText;
    throw new ApiError(response.status, code, message);
  }
  return data as T;
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
