// Typed Socket.IO clients for the two namespaces, same origin, default path.
import { io, type Socket } from "socket.io-client";
import type {
  Ack,
  ErrorBody,
  HostClientToServer,
  HostServerToClient,
  Locale,
  PlayClientToServer,
  PlayServerToClient,
} from "../lib/contract";

export type HostSocket = Socket<HostServerToClient, HostClientToServer>;
export type PlaySocket = Socket<PlayServerToClient, PlayClientToServer>;

/** How long we wait for an ack before calling it lost. */
export const ACK_TIMEOUT_MS = 8000;

const RECONNECTION = { reconnectionDelay: 500, reconnectionDelayMax: 5000, randomizationFactor: 0.5 } as const;

export function createHostSocket(locale: Locale, autoConnect = true): HostSocket {
  return io("/host", { auth: { locale }, autoConnect, forceNew: true, withCredentials: true, ...RECONNECTION });
}

export function createPlaySocket(locale: Locale): PlaySocket {
  return io("/play", { auth: { locale }, autoConnect: false, forceNew: true, ...RECONNECTION });
}

/** A server error, or TIMEOUT for an ack that never came (slow server or lost connection). */
export interface ClientError {
  code: ErrorBody["code"] | "TIMEOUT";
  message: string;
}
export type Settled<T extends object> = ({ ok: true } & T) | { ok: false; error: ClientError };

/** Await an ack, turning a timeout into a TIMEOUT error instead of a rejection. */
export async function settle<T extends object>(pending: Promise<Ack<T>>): Promise<Settled<T>> {
  try {
    return await pending;
  } catch {
    return { ok: false, error: { code: "TIMEOUT", message: "" } };
  }
}
