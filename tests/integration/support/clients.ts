// HTTP and socket.io-client helpers that speak the public contract as any client would.
import { io, type Socket } from "socket.io-client";
import type {
  Ack,
  HostClientToServer,
  HostServerToClient,
  HostView,
  PlayClientToServer,
  PlayServerToClient,
} from "../../../lib/contract";
import { ADMIN } from "./server";

export type HostClient = Socket<HostServerToClient, HostClientToServer>;
export type PlayClient = Socket<PlayServerToClient, PlayClientToServer>;

/** How long a test waits for an event or an ack: generous, as CI runs beside `stress-ng`. */
export const WAIT_MS = 30_000;

export async function signIn(url: string, credentials = ADMIN): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify(credentials),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.includes("session_token"));
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0] ?? "";
}

export async function api(url: string, path: string, init: RequestInit & { cookie?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.method && init.method !== "GET" && !headers.has("origin")) headers.set("origin", url);
  return fetch(`${url}${path}`, { ...init, headers });
}

/** POSTs a JSON body (with the app's Origin, as a browser would). */
export function postJson(url: string, path: string, body: unknown, cookie?: string) {
  return api(url, path, {
    method: "POST",
    ...(cookie ? { cookie } : {}),
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** Adds another instructor (as the admin) and signs them in: for "not the owner" tests. */
export async function signInOtherInstructor(url: string, name: string): Promise<string> {
  const credentials = { email: `${name.toLowerCase()}@example.com`, password: `${name.toLowerCase()}-password` };
  const created = await postJson(url, "/api/instructors", { name, ...credentials }, await signIn(url));
  if (created.status !== 201) throw new Error(`could not add instructor ${name}: ${created.status}`);
  return signIn(url, credentials);
}

export function connectHost(url: string, cookie: string, origin = url): Promise<HostClient> {
  const socket: HostClient = io(`${url}/host`, {
    transports: ["websocket"],
    extraHeaders: { cookie, origin },
    forceNew: true,
    reconnection: false,
  });
  return connected(socket);
}

export function connectPlayer(url: string): Promise<PlayClient> {
  const socket: PlayClient = io(`${url}/play`, { transports: ["websocket"], forceNew: true, reconnection: false });
  return connected(socket);
}

function connected<S extends Socket>(socket: S): Promise<S> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Emits an event with its payload and resolves with the ack. */
export function call<T extends object = object>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return socket.timeout(WAIT_MS).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/** "ok", or the ack's error code: for comparing outcomes in one expectation. */
export function codeOf(ack: Ack): string {
  return ack.ok ? "ok" : ack.error.code;
}

/** Resolves with the first argument of the socket's next `event` (e.g. "disconnect"). */
export function nextEvent<T = unknown>(socket: Socket, event: string, timeoutMs = WAIT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const listener = (value: T) => {
      clearTimeout(timer);
      resolve(value);
    };
    socket.once(event, listener);
  });
}

/** Resolves with the next `state` event that satisfies the predicate. */
export function nextState<V>(socket: Socket, predicate: (view: V) => boolean, timeoutMs = WAIT_MS): Promise<V> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off("state", listener);
      reject(new Error("timed out waiting for state"));
    }, timeoutMs);
    const listener = (view: V) => {
      if (!predicate(view)) return;
      clearTimeout(timer);
      socket.off("state", listener);
      resolve(view);
    };
    socket.on("state", listener);
  });
}

export function expectOk<T extends object>(ack: Ack<T>): { ok: true } & T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack;
}

/** The game's clock as the server reports it (time left, ms), and when the test asked and heard. */
export async function clockOf(host: Socket, gameId: string) {
  const askedAt = Date.now();
  const ack = expectOk(await call<{ state: HostView }>(host, "attach", { gameId }));
  const left = ack.state.question?.timeLeftMs;
  if (left === undefined) throw new Error("no open question");
  return { askedAt, heardAt: Date.now(), left };
}
