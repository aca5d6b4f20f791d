// Assembles the whole server on one HTTP server: the JSON API, Better Auth,
// Socket.IO and the Next.js pages. Used by index.ts and by the integration tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { toNodeHandler } from "better-auth/node";
import { CLIENT_IP_HEADER, createAuth } from "./auth";
import { ensureAdmin, seedBuiltinDecks } from "./bootstrap";
import { openDatabase, openLiveWrites, type Db } from "./db/client";
import { createDeckRepository } from "./db/decks";
import { pingDatabase } from "./db/health";
import { createGameRepository } from "./db/games";
import { createImageRepository } from "./db/images";
import { createSessionRepository } from "./db/sessions";
import { applyMigrations } from "./db/migrate";
import { createUserRepository } from "./db/users";
import { isPostgresUrl, type Env } from "./env";
import { createApi } from "./http/api";
import { healthHandler } from "./http/health";
import { securityHeaders } from "./http/security-headers";
import { GameDirectory } from "./live/game-directory";
import { createRealtime } from "./realtime/create-realtime";
import { createRateLimits } from "./realtime/rate-limits";
import { reviewTokenFor, reviewUrl } from "./reviews/review-token";
import { redisStreamsAdapter } from "./scale/adapter";
import { applyClientAddress, clientAddressResolver, parseTrustedProxies } from "./scale/client-address";
import { connectRedis } from "./scale/redis";
import { loadOrCreateSecret } from "./secret";

export type PageHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface App {
  server: Server;
  db: Db;
  directory: GameDirectory;
  /** Stops accepting, writes what is pending, closes sockets and the database. */
  shutdown(): Promise<void>;
}

/**
 * How long a shutdown waits for the clients to close their connections after being
 * told. A frozen phone never answers the WebSocket close (ws would wait 30 s), so
 * what is still open then is cut: the rule gives the whole shutdown 5 s.
 */
export const CLOSE_GRACE_MS = 1500;

export function log(message: string, error?: unknown): void {
  const detail = error instanceof Error ? `: ${error.message}` : error ? `: ${String(error)}` : "";
  console.log(`[quizroom] ${new Date().toISOString()} ${message}${detail}`);
}

export async function createApp(env: Env, pages: PageHandler): Promise<App> {
  await applyMigrations(env.DATABASE_URL);
  const db = await openDatabase(env.DATABASE_URL);
  const secret = loadOrCreateSecret(env.BETTER_AUTH_SECRET, env.DATA_DIR);
  // Scale-out (REDIS_URL): Socket.IO's adapter and the shared rate limits; nothing without it.
  const redis = env.REDIS_URL ? await connectRedis(env.REDIS_URL, log) : null;
  const auth = createAuth({
    db,
    postgres: isPostgresUrl(env.DATABASE_URL),
    secret,
    publicUrl: env.PUBLIC_URL,
    redis: redis?.client,
  });
  const decks = createDeckRepository(db);
  const users = createUserRepository(db);
  // The session secret also derives each player's review link (server/reviews/review-token.ts).
  const liveWrites = openLiveWrites(env.DATABASE_URL);
  const games = createGameRepository(db, { reviewSecret: secret, liveWrites });
  const sessions = createSessionRepository(db);
  await seedBuiltinDecks(decks);
  if (await ensureAdmin(auth, users, env.ADMIN_EMAIL, env.ADMIN_PASSWORD)) log(`created instructor ${env.ADMIN_EMAIL}`);

  const limits = createRateLimits({ maxPlayersPerGame: env.MAX_PLAYERS_PER_GAME, redis: redis?.client });
  const images = createImageRepository(db);
  // Behind nginx (TRUSTED_PROXIES) the client's address comes from X-Forwarded-For.
  const trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);
  const clientAddress = clientAddressResolver(trustedProxies);
  const api = createApi({
    auth,
    decks,
    images,
    users,
    sessions,
    publicUrl: env.PUBLIC_URL,
    limits,
    log,
    clientAddress,
    redis: redis?.client,
  });
  const authHandler = toNodeHandler(auth);
  const health = healthHandler({ pingDatabase: () => pingDatabase(db), pingRedis: redis?.ping });

  const server = createServer((req, res) => {
    securityHeaders(res);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path.startsWith("/api/auth/"))
      req.headers[CLIENT_IP_HEADER] = clientAddress(req.socket.remoteAddress, req.headers);
    const handled = path.startsWith("/api/auth/")
      ? authHandler(req, res)
      : path.startsWith("/api/")
        ? api(req, res)
        : path === "/healthz"
          ? health(req, res)
          : pages(req, res);
    Promise.resolve(handled).catch((error: unknown) => {
      log(`request ${req.method} ${path} failed`, error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  // Every TCP connection, upgraded ones too: the HTTP server forgets a socket once
  // it becomes a WebSocket, and only this set lets the shutdown cut it.
  const connections = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    connections.add(socket);
    socket.once("close", () => connections.delete(socket));
  });

  const { io, directory } = createRealtime(server, {
    auth,
    publicUrl: env.PUBLIC_URL,
    limits,
    log,
    adapter: redis ? redisStreamsAdapter(redis.client) : undefined,
    createDirectory: (output) =>
      new GameDirectory({
        games,
        decks,
        output,
        clock: { now: () => Date.now() },
        publicUrl: env.PUBLIC_URL,
        maxPlayers: env.MAX_PLAYERS_PER_GAME,
        endedRoomLingerMs: env.ENDED_GAME_LINGER_MS,
        store: games,
        log,
        reviewUrl: (playerId) => reviewUrl(env.PUBLIC_URL, reviewTokenFor(secret, playerId)),
      }),
  });
  if (trustedProxies.length > 0) applyClientAddress(io, ["/play", "/host"], clientAddress);
  const restored = await directory.restoreRunning();
  if (restored > 0) log(`restored ${restored} running game(s)`);

  let closing: Promise<void> | null = null;
  const shutdown = () =>
    (closing ??= (async () => {
      // 'close' comes once the listener and the last connection are gone.
      const closed = new Promise<void>((resolve) => void server.once("close", () => resolve()));
      server.close();
      server.closeIdleConnections();
      await directory.closeAll();
      // Tells every client (io.disconnectSockets alone reaches only the "/" namespace);
      // phones reconnect and rejoin once the server is back.
      for (const namespace of io._nsps.values()) namespace.disconnectSockets(true);
      server.closeAllConnections();
      // Each client closes its side once it has heard; io.close() now would discard a
      // disconnect still waiting behind an ack on a busy connection.
      const cut = setTimeout(() => connections.forEach((socket) => socket.destroy()), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(cut);
      // Its callback would wait for a 'close' already past: only its cleanup is wanted.
      void io.close();
      await liveWrites?.close();
      // After io.close(), which closed the adapter (and its own reader and subscriber).
      redis?.close();
      await db.$disconnect();
    })());

  return { server, db, directory, shutdown };
}
