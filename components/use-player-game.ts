"use client";

// The phone's one socket and its latest PlayerView. Joins once, then rejoins with
// the stored token on every reconnect, page load and wake-up, with no typing.
//
// A PIN in the URL (a QR code, the landing page's box, or an old history entry) is
// checked before anything is typed. The stored ticket of a live game wins over a URL
// PIN that opens no game (a mistyped one, kept in the URL or the history), and the
// URL is corrected to the ticket's PIN: a reload never loses the player. Only a URL
// PIN that opens another game a new player can join (a fresh QR code) replaces it.
import { useLocale } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PlayerView } from "../lib/contract";
import {
  ACK_TIMEOUT_MS,
  createPlaySocket,
  settle,
  type ClientError,
  type PlaySocket,
  type Settled,
} from "./socket-client";
import { clearStoredPlayer, readStoredPlayer, storePlayer, useStoredPlayer } from "./stored-player";

export type PlayerStep = "loading" | "checking" | "pin" | "nickname" | "restoring" | "game" | "kicked";

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
  /** The PIN last typed (or from the URL), to refill the PIN field after an error or "Change PIN". */
  lastPin: string | null;
  /** In a game while the socket is down. */
  reconnecting: boolean;
  /** A join is waiting for its ack. */
  joining: boolean;
  /** A PIN is being checked (the PIN form waits). */
  checking: boolean;
  /** The error to show under the PIN or nickname field. */
  formError: ClientError | null;
  /** This phone's own answer to the question on screen, as far as it knows. */
  answer: AnswerStatus | null;
  /** Checks a typed PIN; the nickname step follows only when it opens a game this phone may join. */
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
/** Join errors that say the PIN itself opens nothing: back to the PIN field. */
const WRONG_PIN = new Set(["NOT_FOUND", "GAME_ENDED"]);

/** Asks the server whether a new player may join this PIN's game now (no player is made). */
function checkPin(socket: PlaySocket, pin: string): Promise<Settled<object>> {
  if (socket.disconnected) socket.connect();
  return settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck("check", { pin }));
}

export function usePlayerGame(initialPin: string | null): PlayerGame {
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const stored = useStoredPlayer();
  const [view, setView] = useState<PlayerView | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [pin, setPin] = useState<string | null>(null);
  const [lastPin, setLastPin] = useState<string | null>(null);
  const [online, setOnline] = useState(false);
  const [kicked, setKicked] = useState(false);
  const [joining, setJoining] = useState(false);
  const [checking, setChecking] = useState(false);
  const [formError, setFormError] = useState<ClientError | null>(null);
  const [answer, setAnswer] = useState<AnswerStatus | null>(null);
  const socketRef = useRef<PlaySocket | null>(null);
  const localeRef = useRef(locale);
  /** While a URL PIN is weighed against the ticket, "connect" must not rejoin yet. */
  const holdRejoin = useRef(false);
  const rejoinRef = useRef<() => Promise<void>>(async () => undefined);
  /** The URL PIN whose check is in flight, so a re-render does not send it twice. */
  const checkingUrl = useRef<string | null>(null);
  /** The URL PIN whose check has answered: its outcome is in `pin` or `formError`. */
  const [urlPinSettled, setUrlPinSettled] = useState<string | null>(null);
  const urlRef = useRef({ initialPin, pathname, router });

  useEffect(() => {
    localeRef.current = locale;
    urlRef.current = { initialPin, pathname, router };
    if (socketRef.current) socketRef.current.auth = { locale };
  });

  /** Puts the ticket's PIN in the URL, so a reload or a later back/forward finds this game. */
  const correctUrl = useCallback((ticketPin: string) => {
    const { initialPin: urlPin, pathname: path, router: nav } = urlRef.current;
    if (urlPin !== ticketPin) nav.replace(`${path}?pin=${ticketPin}`, { scroll: false });
  }, []);

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
      const ticket = readStoredPlayer();
      if (!ticket) return;
      const ack = await settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck("rejoin", { token: ticket.token }));
      if (readStoredPlayer()?.token !== ticket.token) return; // the player left or joined elsewhere meanwhile
      if (ack.ok) {
        correctUrl(ticket.pin);
        return show(ack.state);
      }
      if (DEAD_TOKEN.has(ack.error.code)) {
        clearStoredPlayer();
        setView(null);
        setPin(null);
        if (ack.error.code === "KICKED") setFormError(ack.error);
        return;
      }
      if (socket.connected) later(() => void rejoin());
    };
    rejoinRef.current = rejoin;

    socket.on("connect", () => {
      setOnline(true);
      if (!holdRejoin.current) void rejoin();
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
  }, [correctUrl]);

  // A PIN in the URL, once the stored ticket is known: checked before any nickname is typed.
  const known = stored !== undefined;
  const ticketPin = stored?.pin ?? null;
  useEffect(() => {
    const socket = socketRef.current;
    if (!known || !socket || !initialPin || urlPinSettled === initialPin || checkingUrl.current === initialPin) return;
    if (ticketPin === initialPin) return; // the usual reload: the ticket rejoins on "connect"
    const ticket = readStoredPlayer();
    checkingUrl.current = initialPin;
    if (ticket) holdRejoin.current = true;
    void checkPin(socket, initialPin).then((ack) => {
      checkingUrl.current = null;
      holdRejoin.current = false;
      setUrlPinSettled(initialPin);
      setLastPin(initialPin);
      const current = readStoredPlayer();
      if (ticket && current?.token !== ticket.token) return; // joined or left meanwhile
      if (ack.ok) {
        // Another game that takes players: the QR code just scanned wins over an older ticket.
        if (current) clearStoredPlayer();
        setView(null);
        setFormError(null);
        setPin(initialPin);
        return;
      }
      // It opens nothing: said at the PIN step, unless the ticket's live game takes the phone back.
      setFormError(ack.error);
      if (current) {
        if (socket.connected) void rejoinRef.current();
        else socket.connect();
      }
    });
  }, [known, initialPin, ticketPin, urlPinSettled]);

  // A stored ticket (page load, or after a join): make sure the socket is up; "connect" rejoins.
  const token = stored?.token ?? null;
  useEffect(() => {
    const socket = socketRef.current;
    if (token && socket && socket.disconnected) socket.connect();
  }, [token]);

  const choosePin = useCallback(async (next: string) => {
    const socket = socketRef.current;
    if (!socket) return;
    setFormError(null);
    setLastPin(next);
    setChecking(true);
    const ack = await checkPin(socket, next);
    setChecking(false);
    if (ack.ok) setPin(next);
    else setFormError(ack.error);
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
        correctUrl(pin);
        setKicked(false);
        setAnswer(null);
        setView(ack.state);
        setReceivedAt(performance.now());
        return;
      }
      if (WRONG_PIN.has(ack.error.code)) setPin(null); // the game is gone: back to the PIN field
      setFormError(ack.error);
    },
    [pin, correctUrl],
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
    // The old game's PIN must not lead straight back to it (or to "that game has ended").
    const { initialPin: urlPin, pathname: path, router: nav } = urlRef.current;
    if (urlPin) nav.replace(path, { scroll: false });
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
  else if (initialPin && urlPinSettled !== initialPin) step = "checking";
  else step = "pin";

  return {
    step,
    view: step === "game" ? view : null,
    receivedAt,
    pin: pin ?? stored?.pin ?? null,
    lastPin,
    reconnecting: step === "game" && !online,
    joining,
    checking,
    formError,
    answer,
    choosePin: (next) => void choosePin(next),
    changePin,
    join,
    submitAnswer,
    leave,
  };
}
