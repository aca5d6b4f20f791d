"use client";

// The projector's one socket: attaches to a game on every (re)connect and keeps
// the latest HostView. Commands resolve to true when the server accepted them.
import { useLocale } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Ack, HostView } from "../lib/contract";
import { ApiError, fetchMe } from "./api-client";
import { ACK_TIMEOUT_MS, createHostSocket, settle, type ClientError, type HostSocket } from "./socket-client";

export type HostConnection = "connecting" | "connected" | "reconnecting";
/** Why the page cannot show the game at all. */
export type HostFatal = "UNAUTHENTICATED" | "NOT_FOUND";
export type HostCommand = "start" | "next" | "skip" | "pause" | "resume" | "end";

export interface HostGame {
  view: HostView | null;
  /** performance.now() when `view` arrived: countdowns run from here. */
  receivedAt: number;
  connection: HostConnection;
  fatal: HostFatal | null;
  /** True while a phase command waits for its ack (further commands are ignored meanwhile). */
  busy: boolean;
  command: (name: HostCommand) => Promise<boolean>;
  setLocked: (locked: boolean) => Promise<boolean>;
  kick: (playerId: string) => Promise<boolean>;
}

const RETRY_MS = 2000;

export function useHostGame(gameId: string, onError: (error: ClientError) => void): HostGame {
  const locale = useLocale();
  const [view, setView] = useState<HostView | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [connection, setConnection] = useState<HostConnection>("connecting");
  const [fatal, setFatal] = useState<HostFatal | null>(null);
  const [busy, setBusy] = useState(false);
  const socketRef = useRef<HostSocket | null>(null);
  const busyRef = useRef(false);
  const onErrorRef = useRef(onError);
  const localeRef = useRef(locale);

  useEffect(() => {
    onErrorRef.current = onError;
    localeRef.current = locale;
    if (socketRef.current) socketRef.current.auth = { locale };
  });

  useEffect(() => {
    const socket = createHostSocket(localeRef.current);
    socketRef.current = socket;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const later = (fn: () => void) => {
      clearTimeout(retry);
      retry = setTimeout(fn, RETRY_MS);
    };
    const show = (next: HostView) => {
      if (next.gameId !== gameId) return;
      setView(next);
      setReceivedAt(performance.now());
    };

    const attach = async () => {
      const ack = await settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck("attach", { gameId }));
      if (ack.ok) return show(ack.state);
      if (ack.error.code === "NOT_FOUND" || ack.error.code === "FORBIDDEN" || ack.error.code === "INVALID_PAYLOAD") {
        setFatal("NOT_FOUND");
        socket.disconnect();
        return;
      }
      if (socket.connected) later(() => void attach());
    };

    socket.on("connect", () => {
      setConnection("connected");
      void attach();
    });
    socket.on("state", show);
    socket.on("disconnect", (reason) => {
      setConnection("reconnecting");
      // The server closed us on purpose (e.g. a restart): socket.io will not retry by itself.
      if (reason === "io server disconnect") later(() => socket.connect());
    });
    socket.on("connect_error", () => {
      setConnection((current) => (current === "connected" ? "reconnecting" : current));
      if (socket.active) return; // a network failure: socket.io retries with backoff
      // Refused by the server's middleware: most likely no session.
      fetchMe().then(
        () => later(() => socket.connect()),
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 401) setFatal("UNAUTHENTICATED");
          else later(() => socket.connect());
        },
      );
    });

    return () => {
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [gameId]);

  const send = useCallback(async (emit: (socket: HostSocket) => Promise<Ack>) => {
    const socket = socketRef.current;
    if (!socket) return false;
    const ack = await settle(emit(socket.timeout(ACK_TIMEOUT_MS)));
    if (!ack.ok) onErrorRef.current(ack.error);
    return ack.ok;
  }, []);

  const command = useCallback(
    async (name: HostCommand) => {
      // One phase change at a time: a double press of Next must not skip the leaderboard.
      if (busyRef.current) return false;
      busyRef.current = true;
      setBusy(true);
      try {
        return await send((socket) => socket.emitWithAck(name, { gameId }));
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [send, gameId],
  );
  const setLocked = useCallback(
    (locked: boolean) => send((socket) => socket.emitWithAck("lock", { gameId, locked })),
    [send, gameId],
  );
  const kick = useCallback(
    (playerId: string) => send((socket) => socket.emitWithAck("kick", { gameId, playerId })),
    [send, gameId],
  );

  return { view, receivedAt, connection, fatal, busy, command, setLocked, kick };
}
