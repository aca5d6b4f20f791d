// "Host" on a deck: open a /host socket just long enough to create the game.
import type { CreatePayload, HostingOptions, Locale } from "../lib/contract";
import { ACK_TIMEOUT_MS, createHostSocket, settle, type Settled } from "./socket-client";

export type CreatedGame = Settled<{ gameId: string; pin: string; joinUrl: string }>;

/** The payload carries only the options that were set: an absent one is the deck's own way. */
export function createPayloadOf(deckId: string, options: HostingOptions = {}): CreatePayload {
  const payload: CreatePayload = { deckId };
  if (options.shuffleQuestions) payload.shuffleQuestions = true;
  if (options.shuffleOptions) payload.shuffleOptions = true;
  if (options.timeLimitSec !== undefined) payload.timeLimitSec = options.timeLimitSec;
  if (options.questionIndexes !== undefined) payload.questionIndexes = options.questionIndexes;
  return payload;
}

export function createGame(deckId: string, locale: Locale, options: HostingOptions = {}): Promise<CreatedGame> {
  const socket = createHostSocket(locale, false);
  return new Promise<CreatedGame>((resolve) => {
    const finish = (result: CreatedGame) => {
      socket.removeAllListeners();
      socket.disconnect();
      resolve(result);
    };
    // Refused by the server (no session): it will not retry, so neither do we.
    socket.on("connect_error", (error) => {
      if (!socket.active) finish({ ok: false, error: { code: "FORBIDDEN", message: error.message } });
    });
    socket.connect();
    void settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck("create", createPayloadOf(deckId, options))).then(finish);
  });
}
