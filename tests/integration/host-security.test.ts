// /host: only a signed-in instructor from the app's own Origin, only for their own games.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView } from "../../lib/contract";
import { call, connectHost, connectPlayer, signIn, signInOtherInstructor } from "./support/clients";
import { hostGame } from "./support/game";
import { startServer, type TestServer } from "./support/server";

describe("host namespace security", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.dispose());

  it("R-HOST-AUTH: a handshake without a valid session is refused", async () => {
    await expect(connectHost(server.url, "")).rejects.toThrow(/FORBIDDEN/);
    await expect(connectHost(server.url, "better-auth.session_token=forged")).rejects.toThrow(/FORBIDDEN/);
  });

  it("R-HOST-AUTH: a foreign Origin is refused even with a valid cookie", async () => {
    const cookie = await signIn(server.url);
    await expect(connectHost(server.url, cookie, "http://evil.example")).rejects.toThrow(/FORBIDDEN/);
  });

  it("R-OWNER-ONLY: another instructor's game is NOT_FOUND for every host action", async () => {
    const game = await hostGame(server.url);
    const intruder = await connectHost(server.url, await signInOtherInstructor(server.url, "Intruder"));
    for (const event of ["attach", "start", "next", "skip", "pause", "resume", "end"]) {
      const ack = await call(intruder, event, { gameId: game.gameId });
      expect(!ack.ok && ack.error.code, event).toBe("NOT_FOUND");
      // The right expected state opens nothing either: `expect` is checked after the owner.
      const expecting = await call(intruder, event, {
        gameId: game.gameId,
        expect: { phase: "lobby", questionIndex: -1 },
      });
      expect(!expecting.ok && expecting.error.code, `${event} with expect`).toBe("NOT_FOUND");
    }
    const lock = await call(intruder, "lock", { gameId: game.gameId, locked: true });
    expect(!lock.ok && lock.error.code).toBe("NOT_FOUND");
    const phone = await connectPlayer(server.url);
    const joined = await call<{ playerId: string }>(phone, "join", { pin: game.pin, nickname: "Victim" });
    const kick = await call(intruder, "kick", { gameId: game.gameId, playerId: joined.ok ? joined.playerId : "" });
    expect(!kick.ok && kick.error.code).toBe("NOT_FOUND");
    phone.close();
    const created = await call(intruder, "create", { deckId: game.deckId });
    expect(!created.ok && created.error.code).toBe("NOT_FOUND");
    const state = await call<{ state: HostView }>(game.host, "attach", { gameId: game.gameId });
    expect(state.ok && [state.state.phase, state.state.locked]).toEqual(["lobby", false]);
    intruder.close();
    game.host.close();
  });

  it("R-BAD-INPUT: on /host too, malformed payloads get INVALID_PAYLOAD, unknown events are ignored, a huge frame closes only its connection", async () => {
    const game = await hostGame(server.url);
    for (const payload of [null, "x", {}, { gameId: 5 }, { gameId: game.gameId, extra: 1 }]) {
      const ack = await call(game.host, "start", payload);
      expect(!ack.ok && ack.error.code, JSON.stringify(payload)).toBe("INVALID_PAYLOAD");
    }
    const badLock = await call(game.host, "lock", { gameId: game.gameId, locked: "yes" });
    expect(!badLock.ok && badLock.error.code).toBe("INVALID_PAYLOAD");
    (game.host as unknown as Socket).emit("nonsense", { a: 1 });
    const other = await connectHost(server.url, game.cookie);
    const closed = new Promise((resolve) => other.once("disconnect", resolve));
    other.emit("create", { deckId: "x".repeat(50_000) } as never, () => undefined);
    await closed;
    const state = await call<{ state: HostView }>(game.host, "attach", { gameId: game.gameId });
    expect(state.ok && state.state.phase).toBe("lobby");
    game.host.close();
  });
});
