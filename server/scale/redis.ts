// The Redis connection a scale-out server shares with the others (REDIS_URL):
// Socket.IO's adapter publishes on it and the shared rate limits count on it.
import { createClient, type RedisClientType } from "redis";

export type Redis = RedisClientType;

/** How long start-up waits for Redis before going on without it (it keeps reconnecting). */
export const REDIS_CONNECT_WAIT_MS = 2_000;
/** The longest pause between two reconnection attempts. */
const MAX_RECONNECT_DELAY_MS = 2_000;

export interface RedisConnection {
  client: Redis;
  /** true when Redis answers PING within `timeoutMs`; never throws. */
  ping(timeoutMs: number): Promise<boolean>;
  /** Closes the connection (and stops reconnecting); waits for nothing still queued. */
  close(): void;
}

/**
 * Connects to REDIS_URL and keeps reconnecting for as long as the server runs.
 * Resolves once connected or after REDIS_CONNECT_WAIT_MS, whichever comes first: a
 * server started while Redis is down still starts (its /healthz says 503) and joins
 * the others as soon as Redis is back.
 *
 * Commands on this client fail at once while it is disconnected (no offline queue):
 * the adapter then delivers a broadcast to this server's own sockets without
 * waiting for Redis (socket.io-adapter's ClusterAdapter awaits the publish before
 * the local delivery), so a game on this server does not freeze during an outage;
 * the rate limits go to their in-memory insurance. The adapter's own readers are
 * duplicates that keep the queue: see `duplicate` below.
 */
export async function connectRedis(
  url: string,
  log: (message: string, error?: unknown) => void,
): Promise<RedisConnection> {
  const client: Redis = createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries: number) => Math.min(100 * (retries + 1), MAX_RECONNECT_DELAY_MS) },
  });
  // The adapter's stream reader and subscriber are made with client.duplicate(), which
  // would copy disableOfflineQueue: its XREAD loop retries at once on a failed read, so
  // without a queue it would spin (a chain of microtasks) until Redis is back. With the
  // queue, the read waits for the reconnection and resumes from its last offset.
  const duplicate = client.duplicate.bind(client);
  client.duplicate = ((overrides?: Parameters<Redis["duplicate"]>[0]) =>
    duplicate({ disableOfflineQueue: false, ...overrides })) as Redis["duplicate"];

  // Logged on each change only: the client reports every failed reconnection attempt.
  let up: boolean | null = null;
  client.on("ready", () => {
    if (up !== true) log(up === null ? "redis connected" : "redis reconnected");
    up = true;
  });
  client.on("error", (error: unknown) => {
    if (up !== false) log("redis unreachable", error);
    up = false;
  });

  const connected = client.connect().then(
    () => true,
    () => false, // only when closed before it ever connected
  );
  let waited: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (waited = setTimeout(() => resolve(false), REDIS_CONNECT_WAIT_MS)));
  if (!(await Promise.race([connected, timeout]))) log(`redis not reachable at start; continuing, reconnecting`);
  clearTimeout(waited);

  return {
    client,
    async ping(timeoutMs) {
      if (!client.isReady) return false;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      try {
        return await Promise.race([client.ping().then((reply) => reply === "PONG"), late]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      if (client.isOpen) client.destroy();
    },
  };
}
