// Socket.IO on the app's HTTP server: /play for phones, /host for instructors.
// createRealtime(httpServer, deps) → { io, directory }: the rooms talk to sockets
// only through the RoomOutput made here.
import type { Server as HttpServer } from "node:http";
import { Server, type Namespace, type ServerOptions } from "socket.io";
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
import { playerRoom, registerPlayerHandlers, type PlaySocketData } from "./handlers/player";
import type { RateLimits } from "./rate-limits";
import { SOCKET_SERVER_OPTIONS } from "./socket-options";

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

  const output: RoomOutput = {
    host: (gameId, view) => void host.to(hostRoom(gameId)).emit("state", view),
    player: (playerId, view) => void play.to(playerRoom(playerId)).emit("state", view),
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
