// Socket.IO's Redis Streams adapter: a broadcast on one server (a room's `state`, a
// kick) reaches the sockets of that room on every server. Unlike the Pub/Sub adapter
// it resumes the stream after a Redis outage without losing packets.
import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { ServerOptions } from "socket.io";
import type { Redis } from "./redis";

/** The stream every Quizroom server reads and writes (one for all namespaces). */
export const STREAM_NAME = "quizroom:socket.io";

/** The adapter option for `new Server(…, { adapter })`, on the shared connection. */
export function redisStreamsAdapter(client: Redis): ServerOptions["adapter"] {
  return createAdapter(client, { streamName: STREAM_NAME }) as unknown as ServerOptions["adapter"];
}
