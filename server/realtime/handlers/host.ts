// /host: signed-in instructors. Every action is checked against the game's owner;
// another instructor's game is NOT_FOUND, as HTTP's 404 (R-OWNER-ONLY).
import type { Socket } from "socket.io";
import { createPayload, gamePayload, kickPayload, lockPayload, playersPayload } from "../../../lib/contract";
import type { CommandExpect, HostClientToServer, HostServerToClient, Locale } from "../../../lib/contract";
import { pickLocale } from "../../../lib/error-messages";
import type { Instructor } from "../../auth";
import type { GameDirectory } from "../../live/game-directory";
import { searchPlayers } from "../../game/player-search";
import type { GameRoom, HostCommand } from "../../live/game-room";
import { allow, type RateLimits } from "../rate-limits";
import { withAck } from "../with-ack";

export interface HostSocketData {
  user: Instructor;
}
export type HostSocket = Socket<HostClientToServer, HostServerToClient, Record<string, never>, HostSocketData>;

export interface HostHandlerDeps {
  directory: GameDirectory;
  limits: RateLimits;
  log: (message: string, error?: unknown) => void;
}

export const hostRoom = (gameId: string) => `host:${gameId}`;

/** Why `create` refused a subset: the indexes that are not the deck's, and the deck's range. */
export function outOfRangeMessage(
  locale: Locale,
  { outOfRange, questionCount }: { outOfRange: number[]; questionCount: number },
): string {
  const list = outOfRange.join(", ");
  const last = questionCount - 1;
  return locale === "ko"
    ? `questionIndexes: ${list} — 덱에 없는 문제 번호입니다. 이 덱은 ${questionCount}문제이며 번호는 0–${last}입니다.`
    : `questionIndexes: ${list} ${outOfRange.length === 1 ? "is" : "are"} not in the deck: it has ${questionCount} questions, indexes 0–${last}.`;
}

type SimpleCommand = "start" | "next" | "skip" | "pause" | "resume" | "end";
const SIMPLE_COMMANDS: readonly SimpleCommand[] = ["start", "next", "skip", "pause", "resume", "end"];

export function registerHostHandlers(socket: HostSocket, deps: HostHandlerDeps): void {
  const { directory, limits, log } = deps;
  const locale = () => pickLocale(socket.handshake.auth?.locale, socket.handshake.headers["accept-language"]);
  const userId = socket.data.user.id;

  const owned = (gameId: string): GameRoom | null => {
    const room = directory.get(gameId);
    return room && room.ownerId === userId ? room : null;
  };

  /** `expect` is checked by the room inside its queue, atomically with the command. */
  const control = async (gameId: string, command: HostCommand, expect: CommandExpect | undefined) => {
    if (!(await allow(limits.hostPerSocket, socket.id))) return { ok: false as const, code: "RATE_LIMITED" as const };
    const room = owned(gameId);
    if (!room) return { ok: false as const, code: "NOT_FOUND" as const };
    return room.command(command, expect);
  };

  socket.on(
    "create",
    withAck(createPayload, locale, log, async ({ deckId, ...options }) => {
      if (!(await allow(limits.hostPerSocket, socket.id))) return { ok: false, code: "RATE_LIMITED" };
      const created = await directory.create(userId, deckId, options);
      if (!created.ok) {
        return created.code === "INVALID_PAYLOAD"
          ? { ok: false, code: created.code, message: outOfRangeMessage(locale(), created) }
          : created;
      }
      const { room } = created;
      await socket.join(hostRoom(room.id));
      return { ok: true, gameId: room.id, pin: room.pin, joinUrl: directory.joinUrl(room.pin) };
    }),
  );

  socket.on(
    "attach",
    withAck(gamePayload, locale, log, async ({ gameId }) => {
      // A host event like the others (docs/protocol.md, "Rate limits"): each answer is a whole view.
      if (!(await allow(limits.hostPerSocket, socket.id))) return { ok: false, code: "RATE_LIMITED" };
      const room = owned(gameId);
      if (!room) {
        // An ended game whose room was released: its final screen, rebuilt from the
        // database (nothing more will be sent, so the socket joins no room).
        const ended = await directory.finalHostView(userId, gameId);
        return ended ? { ok: true, state: ended } : { ok: false, code: "NOT_FOUND" };
      }
      await socket.join(hostRoom(gameId));
      return { ok: true, state: room.hostView() };
    }),
  );

  for (const type of SIMPLE_COMMANDS) {
    socket.on(
      type,
      withAck(gamePayload, locale, log, ({ gameId, expect }) => control(gameId, { type }, expect)),
    );
  }
  socket.on(
    "lock",
    withAck(lockPayload, locale, log, ({ gameId, locked, expect }) =>
      control(gameId, { type: "lock", locked }, expect),
    ),
  );
  socket.on(
    "players",
    withAck(playersPayload, locale, log, async ({ gameId, query }) => {
      if (!(await allow(limits.hostPerSocket, socket.id))) return { ok: false, code: "RATE_LIMITED" };
      const room = owned(gameId);
      if (!room) return { ok: false, code: "NOT_FOUND" };
      return { ok: true, ...searchPlayers(room.snapshot(), query) };
    }),
  );
  socket.on(
    "kick",
    withAck(kickPayload, locale, log, ({ gameId, playerId, expect }) =>
      control(gameId, { type: "kick", playerId }, expect),
    ),
  );
}
