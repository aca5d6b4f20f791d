// "Host" on a deck: open a /host socket just long enough to create the game.
import type { Locale } from "../lib/contract";
import { ACK_TIMEOUT_MS, createHostSocket, settle, type Settled } from "./socket-client";

export type CreatedGame = Settled<{ gameId: string; pin: string; joinUrl: string }>;

export function createGame(deckId: string, locale: Locale): Promise<CreatedGame> {
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
    void settle(socket.timeout(ACK_TIMEOUT_MS).emitWithAck("create", { deckId })).then(finish);
  });
}
