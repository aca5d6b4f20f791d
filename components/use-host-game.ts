"use client";

// The projector's one socket: attaches to a game on every (re)connect and keeps
// the latest HostView. Commands resolve to true when the server accepted them.
import { useLocale } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Ack, CommandExpect, HostView, PlayerSearchResult } from "../lib/contract";
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
  /** True while a phase command waits for its ack: the controls are disabled, commands ignored. */
  busy: boolean;
  /**
   * True for SETTLE_MS after the screen changed phase: commands are ignored, and the
   * controls say so (aria-disabled) without dimming the whole bar at every change.
   */
  settling: boolean;
  command: (name: HostCommand) => Promise<boolean>;
  setLocked: (locked: boolean) => Promise<boolean>;
  kick: (playerId: string) => Promise<boolean>;
  /** Everyone matching `query` (the view lists only the latest joiners); null when it failed (reported). */
  searchPlayers: (query: string) => Promise<PlayerSearchResult | null>;
}

const RETRY_MS = 2000;
/**
 * After the screen moves to another phase (or question, or pause), a press this
 * soon is the tail of a double click on a button that now means something else
 * ("Leaderboard" became "Next question"): ignored. `expect` alone cannot tell it,
 * since that press is sent from the new screen.
 */
export const SETTLE_MS = 600;

/**
 * The state a command is sent from, for its `expect`: the server refuses it
 * (WRONG_PHASE) once the game has moved on, so a second tab's or a double press's
 * `next` cannot skip the leaderboard.
 */
export function expectOf(view: HostView): CommandExpect {
  return { phase: view.phase, questionIndex: view.questionIndex ?? view.question?.index ?? -1 };
}

export function useHostGame(gameId: string, onError: (error: ClientError) => void): HostGame {
  const locale = useLocale();
  const [view, setView] = useState<HostView | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [connection, setConnection] = useState<HostConnection>("connecting");
  const [fatal, setFatal] = useState<HostFatal | null>(null);
  const [busy, setBusy] = useState(false);
  const [settling, setSettling] = useState(false);
  const socketRef = useRef<HostSocket | null>(null);
  const viewRef = useRef<HostView | null>(null);
  /** performance.now() when the phase, question or pause on screen last changed. */
  const changedAt = useRef(0);
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
    let settled: ReturnType<typeof setTimeout> | undefined;
    const later = (fn: () => void) => {
      clearTimeout(retry);
      retry = setTimeout(fn, RETRY_MS);
    };
    const show = (next: HostView) => {
      if (next.gameId !== gameId) return;
      const prev = viewRef.current;
      if (
        !prev ||
        prev.phase !== next.phase ||
        prev.questionIndex !== next.questionIndex ||
        prev.paused !== next.paused
      ) {
        changedAt.current = performance.now();
        setSettling(true);
        clearTimeout(settled);
        settled = setTimeout(() => setSettling(false), SETTLE_MS);
      }
      viewRef.current = next;
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
      clearTimeout(settled);
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
      // One phase change at a time from this page; `expect` covers other tabs and races.
      // `end` was confirmed in a dialog, so it is no stray double press, and it is
      // valid from every phase: a question that timed out behind the dialog must not
      // turn the instructor's confirmed end into WRONG_PHASE.
      const confirmed = name === "end";
      const shown = viewRef.current;
      if (busyRef.current || !shown) return false;
      if (!confirmed && performance.now() - changedAt.current < SETTLE_MS) return false;
      busyRef.current = true;
      setBusy(true);
      try {
        const payload = confirmed ? { gameId } : { gameId, expect: expectOf(shown) };
        return await send((socket) => socket.emitWithAck(name, payload));
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

  const searchPlayers = useCallback(
    async (query: string) => {
      const socket = socketRef.current;
      if (!socket) return null;
      const ack = await settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck("players", { gameId, query }));
      if (!ack.ok) {
        onErrorRef.current(ack.error);
        return null;
      }
      return { players: ack.players, total: ack.total };
    },
    [gameId],
  );

  return { view, receivedAt, connection, fatal, busy, settling, command, setLocked, kick, searchPlayers };
}
