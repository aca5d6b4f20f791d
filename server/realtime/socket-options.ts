// The Socket.IO server's options, shared with the bench's floor server so that the
// floor is measured with the same frame limit and heartbeat as the product.
import type { ServerOptions } from "socket.io";
import { MAX_FRAME_BYTES } from "../../lib/contract";

/** Frames over MAX_FRAME_BYTES close the connection; a phone silent for 18 s (ping + timeout) is gone. */
export const SOCKET_SERVER_OPTIONS = {
  maxHttpBufferSize: MAX_FRAME_BYTES,
  pingInterval: 10_000,
  pingTimeout: 8_000,
  serveClient: false,
} satisfies Partial<ServerOptions>;
