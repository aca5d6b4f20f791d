// Socket.IO on the app's HTTP server: /play for phones, /host for instructors.
// createRealtime(httpServer, deps) → { io, directory }: the rooms talk to sockets
// only through the RoomOutput made here.
import type { Server as HttpServer } from "node:http";
import { Server, type Namespace, type ServerOptions } from "socket.io";
import { Adapter } from "socket.io-adapter";
import type {
  HostClientToServer,
  HostServerToClient,
  PlayClientToServer,
  PlayServerToClient,
} from "../../lib/contract";
import { errorBody } from "../../lib/error-messages";
import { sessionUser, type Auth } from "../auth";
import type { GameDirectory } from "../live/game-directory";
import type { RoomOutput } from "../live/game-room";
import { hostRoom, registerHostHandlers, type HostSocketData } from "./handlers/host";
import { playerRoom, registerPlayerHandlers, type PlaySocket, type PlaySocketData } from "./handlers/player";
import type { RateLimits } from "./rate-limits";
import { SOCKET_SERVER_OPTIONS } from "./socket-options";
import { statePacketEncoder } from "./state-packet";

export interface RealtimeDeps {
  auth: Auth;
  publicUrl: string;
  limits: RateLimits;
  log: (message: string, error?: unknown) => void;
  createDirectory: (output: RoomOutput) => GameDirectory;
  /** Socket.IO's cluster adapter on a scale-out (server/scale/adapter.ts); the in-memory one otherwise. */
  adapter?: ServerOptions["adapter"] | undefined;
}

export function createRealtime(httpServer: HttpServer, deps: RealtimeDeps) {
  const io = new Server(httpServer, { ...SOCKET_SERVER_OPTIONS, ...(deps.adapter ? { adapter: deps.adapter } : {}) });
  const play = io.of("/play") as unknown as Namespace<
    PlayClientToServer,
    PlayServerToClient,
    Record<string, never>,
    PlaySocketData
  >;
  const host = io.of("/host") as unknown as Namespace<
    HostClientToServer,
    HostServerToClient,
    Record<string, never>,
    HostSocketData
  >;

  const statePacket = play.adapter.constructor === Adapter ? statePacketEncoder(io.encoder, play.name) : null;
  const output: RoomOutput = {
    host: (gameId, view) => void host.to(hostRoom(gameId)).emit("state", view),
    player: (playerId, view) => {
      // With the in-memory adapter every socket is here: the view is encoded once
      // (its shared parts cached, state-packet.ts) and written to the player's
      // sockets directly. Any other adapter (several servers) emits as usual.
      const sockets = play.adapter.rooms.get(playerRoom(playerId));
      if (!statePacket || !sockets) return void play.to(playerRoom(playerId)).emit("state", view);
      // Typed as packets, but with `preEncoded` Socket.IO writes them as the frames they are.
      const packet = [statePacket.encode(view)] as unknown as Parameters<PlaySocket["client"]["_packet"]>[0];
      for (const id of sockets) play.sockets.get(id)?.client._packet(packet, { preEncoded: true });
    },
    kicked: (playerId) => {
      play.to(playerRoom(playerId)).emit("kicked", { reason: errorBody("KICKED").message });
      play.in(playerRoom(playerId)).disconnectSockets(true);
    },
  };
  const directory = deps.createDirectory(output);
  const appOrigin = new URL(deps.publicUrl).origin;

  // R-HOST-AUTH: a foreign Origin is refused even with a valid cookie; no Origin is
  // judged by the cookie alone (non-browser clients).
  host.use((socket, next) => {
    const origin = socket.handshake.headers.origin;
    if (origin && origin !== appOrigin) return next(new Error("FORBIDDEN: foreign origin"));
    sessionUser(deps.auth, socket.handshake.headers)
      .then((user) => {
        if (!user) return next(new Error("FORBIDDEN: sign in first"));
        socket.data.user = user;
        next();
      })
      .catch((error: unknown) => {
        deps.log("session check failed", error);
        next(new Error("UNAVAILABLE"));
      });
  });

  host.on("connection", (socket) => registerHostHandlers(socket, { directory, limits: deps.limits, log: deps.log }));
  play.on("connection", (socket) =>
    registerPlayerHandlers(socket, {
      directory,
      limits: deps.limits,
      log: deps.log,
      socketsOf: (playerId) => play.adapter.rooms.get(playerRoom(playerId))?.size ?? 0,
    }),
  );

  return { io, directory };
}
