// /play: students, no account. Thin: validate, rate-limit, hand to the room.
// A socket acts only as the player it joined or rejoined as (R-IDENTITY).
import type { Socket } from "socket.io";
import { answerPayload, checkPayload, joinPayload, rejoinPayload, type ErrorCode } from "../../../lib/contract";
import type { PlayClientToServer, PlayServerToClient } from "../../../lib/contract";
import { checkNickname } from "../../../lib/nickname";
import { nicknameRefusal, pickLocale } from "../../../lib/error-messages";
import type { GameDirectory } from "../../live/game-directory";
import type { GameRoom } from "../../live/game-room";
import { allow, type RateLimits } from "../rate-limits";
import { withAck } from "../with-ack";

export interface PlaySocketData {
  playerId?: string;
  gameId?: string;
}
export type PlaySocket = Socket<PlayClientToServer, PlayServerToClient, Record<string, never>, PlaySocketData>;

export interface PlayerHandlerDeps {
  directory: GameDirectory;
  limits: RateLimits;
  log: (message: string, error?: unknown) => void;
  /** How many sockets are in a player's room (0 when the player has gone). */
  socketsOf: (playerId: string) => number;
}

export const playerRoom = (playerId: string) => `player:${playerId}`;

export function registerPlayerHandlers(socket: PlaySocket, deps: PlayerHandlerDeps): void {
  const { directory, limits, log } = deps;
  const locale = () => pickLocale(socket.handshake.auth?.locale, socket.handshake.headers["accept-language"]);
  const ip = socket.handshake.address;

  const bind = async (gameId: string, playerId: string) => {
    // A repeated rejoin on the same socket keeps its player: leaving would mark it gone.
    if (socket.data.playerId !== playerId) await leaveCurrentPlayer();
    socket.data.playerId = playerId;
    socket.data.gameId = gameId;
    await socket.join(playerRoom(playerId));
  };

  const leaveCurrentPlayer = async () => {
    const { playerId, gameId } = socket.data;
    if (!playerId || !gameId) return;
    await socket.leave(playerRoom(playerId));
    socket.data = {};
    // Checked again inside the room's queue: another socket may be rejoining right now.
    const gone = () => deps.socketsOf(playerId) === 0;
    if (gone()) await directory.get(gameId)?.disconnect(playerId, gone);
  };

  /**
   * The running game behind a PIN, under the join limits: per socket, per address,
   * and wrong PINs per address (an ended game's PIN counts as wrong, so telling
   * GAME_ENDED apart makes guessing no easier).
   */
  const roomForPin = async (pin: string): Promise<{ room: GameRoom } | { ok: false; code: ErrorCode }> => {
    if (!(await allow(limits.joinPerSocket, socket.id)) || !(await allow(limits.joinPerIp, ip))) {
      return { ok: false, code: "RATE_LIMITED" };
    }
    const blocked = await limits.pinMissPerIp.get(ip);
    if (blocked && blocked.remainingPoints <= 0) return { ok: false, code: "RATE_LIMITED" };
    const room = directory.findByPin(pin);
    if (room) return { room };
    const ended = await directory.endedWithPin(pin);
    if (!(await allow(limits.pinMissPerIp, ip))) return { ok: false, code: "RATE_LIMITED" };
    return { ok: false, code: ended ? "GAME_ENDED" : "NOT_FOUND" };
  };

  socket.on(
    "check",
    withAck(checkPayload, locale, log, async ({ pin }) => {
      const found = await roomForPin(pin);
      if (!("room" in found)) return found;
      const refused = found.room.admission();
      return refused ? { ok: false, code: refused } : { ok: true };
    }),
  );

  socket.on(
    "join",
    withAck(joinPayload, locale, log, async ({ pin, nickname }) => {
      const found = await roomForPin(pin);
      if (!("room" in found)) return found;
      const { room } = found;
      const checked = checkNickname(nickname);
      if (!checked.ok) {
        return { ok: false, code: "NICKNAME_INVALID", message: nicknameRefusal(checked.reason, locale()).message };
      }
      const result = await room.join(checked.nickname, checked.key);
      if (!result.ok) return result;
      await bind(room.id, result.playerId);
      socket.emit("state", result.state);
      return result;
    }),
  );

  socket.on(
    "rejoin",
    withAck(rejoinPayload, locale, log, async ({ token }) => {
      // Per socket only: a reconnect storm of a whole class behind one address must
      // get back in, and a 192-bit token is not worth guessing.
      if (!(await allow(limits.joinPerSocket, socket.id))) return { ok: false, code: "RATE_LIMITED" };
      const found = await directory.findByToken(token);
      if (!found) return { ok: false, code: "NOT_FOUND" };
      if (found.kicked) return { ok: false, code: "KICKED" };
      if (!found.room) {
        // The game ended and its room was released: the final screen, rebuilt from
        // the database (the socket stays this player's; an answer finds no game).
        if (!found.finalView) return { ok: false, code: "NOT_FOUND" };
        await bind(found.gameId, found.playerId);
        socket.emit("state", found.finalView);
        return { ok: true, playerId: found.playerId, state: found.finalView };
      }
      await bind(found.room.id, found.playerId);
      const result = await found.room.rejoin(found.playerId);
      if (!result.ok) {
        await socket.leave(playerRoom(found.playerId));
        socket.data = {};
        return result;
      }
      socket.emit("state", result.state);
      return { ok: true, playerId: found.playerId, state: result.state };
    }),
  );

  socket.on(
    "answer",
    withAck(answerPayload, locale, log, async ({ questionIndex, optionIds }) => {
      // Counted here, decided by the engine: an answer that is not one of the
      // question's options is INVALID_PAYLOAD even from a flooding socket (R-ANSWER-ORDER).
      const withinLimit = await allow(limits.answerPerSocket, socket.id);
      const { playerId, gameId } = socket.data;
      const room = gameId ? directory.get(gameId) : undefined;
      if (!playerId || !room) return { ok: false, code: withinLimit ? "NOT_FOUND" : "RATE_LIMITED" };
      return room.answer(playerId, questionIndex, optionIds, !withinLimit);
    }),
  );

  socket.on("disconnect", () => {
    leaveCurrentPlayer().catch((error: unknown) => log("disconnect failed", error));
  });
}
