"use client";

// The phone's one socket and its latest PlayerView. Joins once, then rejoins with
// the stored token on every reconnect, page load and wake-up, with no typing.
import { useLocale } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PlayerView } from "../lib/contract";
import { ACK_TIMEOUT_MS, createPlaySocket, settle, type ClientError, type PlaySocket } from "./socket-client";
import { clearStoredPlayer, readStoredPlayer, storePlayer, useStoredPlayer } from "./stored-player";

export type PlayerStep = "loading" | "pin" | "nickname" | "restoring" | "game" | "kicked";

export interface AnswerStatus {
  questionIndex: number;
  optionIds: string[];
  state: "sending" | "locked" | "failed";
  error: ClientError | null;
}

export interface PlayerGame {
  step: PlayerStep;
  view: PlayerView | null;
  /** performance.now() when `view` arrived: the countdown runs from here. */
  receivedAt: number;
  /** The PIN chosen for the nickname step (or of the stored game). */
  pin: string | null;
  /** The PIN last typed, to refill the PIN field after an error or "Change PIN". */
  lastPin: string | null;
  /** In a game while the socket is down. */
  reconnecting: boolean;
  /** A join is waiting for its ack. */
  joining: boolean;
  /** The error to show under the PIN or nickname field. */
  formError: ClientError | null;
  /** This phone's own answer to the question on screen, as far as it knows. */
  answer: AnswerStatus | null;
  choosePin: (pin: string) => void;
  changePin: () => void;
  join: (nickname: string) => Promise<void>;
  submitAnswer: (questionIndex: number, optionIds: string[]) => Promise<void>;
  /** Forget this game (token included) and go back to the PIN form. */
  leave: () => void;
}

const RETRY_MS = 2000;
/** Errors after which a stored token is useless. */
const DEAD_TOKEN = new Set(["NOT_FOUND", "KICKED", "INVALID_PAYLOAD"]);

export function usePlayerGame(initialPin: string | null): PlayerGame {
  const locale = useLocale();
  const stored = useStoredPlayer();
  const [view, setView] = useState<PlayerView | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [pin, setPin] = useState<string | null>(null);
  const [lastPin, setLastPin] = useState<string | null>(null);
  const [online, setOnline] = useState(false);
  const [kicked, setKicked] = useState(false);
  const [joining, setJoining] = useState(false);
  const [formError, setFormError] = useState<ClientError | null>(null);
  const [answer, setAnswer] = useState<AnswerStatus | null>(null);
  const socketRef = useRef<PlaySocket | null>(null);
  const localeRef = useRef(locale);

  useEffect(() => {
    localeRef.current = locale;
    if (socketRef.current) socketRef.current.auth = { locale };
  });

  // A QR code for another game wins over a ticket for an old one.
  useEffect(() => {
    const ticket = readStoredPlayer();
    if (initialPin && ticket && ticket.pin !== initialPin) clearStoredPlayer();
  }, [initialPin]);

  useEffect(() => {
    const socket = createPlaySocket(localeRef.current);
    socketRef.current = socket;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const later = (fn: () => void) => {
      clearTimeout(retry);
      retry = setTimeout(fn, RETRY_MS);
    };
    const show = (next: PlayerView) => {
      setView(next);
      setReceivedAt(performance.now());
    };

    const rejoin = async () => {
      const token = readStoredPlayer()?.token;
      if (!token) return;
      const ack = await settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck("rejoin", { token }));
      if (readStoredPlayer()?.token !== token) return; // the player left or joined elsewhere meanwhile
      if (ack.ok) return show(ack.state);
      if (DEAD_TOKEN.has(ack.error.code)) {
        clearStoredPlayer();
        setView(null);
        setPin(null);
        if (ack.error.code === "KICKED") setFormError(ack.error);
        return;
      }
      if (socket.connected) later(() => void rejoin());
    };

    socket.on("connect", () => {
      setOnline(true);
      void rejoin();
    });
    socket.on("disconnect", (reason) => {
      setOnline(false);
      // The server closed us on purpose: socket.io will not retry by itself.
      if (reason === "io server disconnect" && readStoredPlayer()) later(() => socket.connect());
    });
    socket.on("connect_error", () => {
      if (!socket.active && readStoredPlayer()) later(() => socket.connect());
    });
    socket.on("state", show);
    socket.on("kicked", () => {
      clearStoredPlayer();
      setKicked(true);
      setView(null);
      setPin(null);
      socket.disconnect();
    });

    const onVisible = () => {
      if (document.visibilityState === "visible" && socket.disconnected && readStoredPlayer()) socket.connect();
    };
    document.addEventListener("visibilitychange", onVisible);

    return () => {
      clearTimeout(retry);
      document.removeEventListener("visibilitychange", onVisible);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, []);

  // A stored ticket (page load, or after a join): make sure the socket is up; "connect" rejoins.
  const token = stored?.token ?? null;
  useEffect(() => {
    const socket = socketRef.current;
    if (token && socket && socket.disconnected) socket.connect();
  }, [token]);

  const choosePin = useCallback((next: string) => {
    setFormError(null);
    setPin(next);
    setLastPin(next);
  }, []);

  const changePin = useCallback(() => {
    setFormError(null);
    setPin(null);
  }, []);

  const join = useCallback(
    async (nickname: string) => {
      const socket = socketRef.current;
      if (!socket || !pin) return;
      setJoining(true);
      setFormError(null);
      if (socket.disconnected) socket.connect();
      const ack = await settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck("join", { pin, nickname }));
      setJoining(false);
      if (ack.ok) {
        storePlayer({ token: ack.token, pin });
        setKicked(false);
        setAnswer(null);
        setView(ack.state);
        setReceivedAt(performance.now());
        return;
      }
      if (ack.error.code === "NOT_FOUND") setPin(null); // a wrong PIN: back to the PIN field
      setFormError(ack.error);
    },
    [pin],
  );

  const submitAnswer = useCallback(async (questionIndex: number, optionIds: string[]) => {
    const socket = socketRef.current;
    if (!socket) return;
    setAnswer({ questionIndex, optionIds, state: "sending", error: null });
    const ack = await settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck("answer", { questionIndex, optionIds }));
    const locked = ack.ok || ack.error.code === "ALREADY_ANSWERED";
    setAnswer((current) =>
      current && current.questionIndex !== questionIndex
        ? current
        : { questionIndex, optionIds, state: locked ? "locked" : "failed", error: ack.ok ? null : ack.error },
    );
  }, []);

  const leave = useCallback(() => {
    clearStoredPlayer();
    socketRef.current?.disconnect();
    setView(null);
    setPin(null);
    setLastPin(null);
    setKicked(false);
    setFormError(null);
    setAnswer(null);
  }, []);

  let step: PlayerStep;
  if (kicked) step = "kicked";
  else if (stored === undefined) step = "loading";
  else if (stored && view) step = "game";
  else if (stored) step = "restoring";
  else if (pin) step = "nickname";
  else step = "pin";

  return {
    step,
    view: step === "game" ? view : null,
    receivedAt,
    pin: pin ?? stored?.pin ?? null,
    lastPin,
    reconnecting: step === "game" && !online,
    joining,
    formError,
    answer,
    choosePin,
    changePin,
    join,
    submitAnswer,
    leave,
  };
}
