// R-RESTART and R-PERSIST-BEFORE-ACK: kill -9 in the middle of a question, three
// times in one game; every acknowledged answer survives and the game goes on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView, PlayerView } from "../../lib/contract";
import { call, connectHost, connectPlayer, expectOk, nextState, signIn, type HostClient } from "./support/clients";
import { correctIds, hostGame, joinPhone } from "./support/game";
import { DATABASES, startServer, type TestServer } from "./support/server";

describe.each(DATABASES)("restart mid-game (%s)", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ database });
  });
  afterAll(async () => server?.dispose());

  it("R-RESTART R-PERSIST-BEFORE-ACK: SIGKILL three times; acknowledged answers stand, the game carries on", async () => {
    const game = await hostGame(server.url);
    const names = ["Ada", "Ben", "Cho"];
    const phones = await Promise.all(names.map((n) => joinPhone(server.url, game.pin, n)));
    const tokens = phones.map((p) => p.token);
    expectOk(await call(game.host, "start", { gameId: game.gameId }));
    let host: HostClient = game.host;

    for (let index = 0; index < 3; index += 1) {
      // Two of three answer and are acknowledged; then the server dies without warning.
      const sockets = phones.map((p) => p.socket);
      for (const socket of sockets.slice(0, 2)) {
        expectOk(await call(socket, "answer", { questionIndex: index, optionIds: correctIds(index) }));
      }
      await new Promise((r) => setTimeout(r, 2200)); // at least one heartbeat of the question's clock
      expect(await server.stop("SIGKILL")).toBeNull();
      sockets.forEach((s) => s.close());
      host.close();
      await server.restart();

      // The host reattaches: the open question is back, paused, with about the time it had.
      host = await connectHost(server.url, await signIn(server.url));
      const attached = expectOk(await call<{ state: HostView }>(host, "attach", { gameId: game.gameId }));
      expect(attached.state.phase).toBe("question");
      expect(attached.state.paused).toBe(true);
      expect(attached.state.question?.index).toBe(index);
      expect(attached.state.answeredCount).toBe(2);
      const left = attached.state.question?.timeLeftMs ?? 0;
      expect(left).toBeLessThanOrEqual(19_000);
      expect(left).toBeGreaterThan(15_000);

      // Phones rejoin by token as the same players; an acknowledged answer still stands.
      for (const [i, token] of tokens.entries()) {
        const socket = await connectPlayer(server.url);
        const back = expectOk(await call<{ playerId: string; state: PlayerView }>(socket, "rejoin", { token }));
        expect(back.playerId).toBe(phones[i]?.playerId);
        const phone = phones[i];
        if (phone) phone.socket = socket;
      }
      const replay = await call(phones[0]!.socket, "answer", { questionIndex: index, optionIds: ["a"] });
      expect(!replay.ok && replay.error.code).toBe("ALREADY_ANSWERED");

      expectOk(await call(host, "resume", { gameId: game.gameId }));
      const reveal = nextState<HostView>(host, (v) => v.phase === "reveal");
      expectOk(await call(phones[2]!.socket, "answer", { questionIndex: index, optionIds: ["a"] }));
      const revealed = await reveal;
      expect(Object.values(revealed.optionCounts ?? {}).reduce((a, b) => a + b, 0)).toBe(index === 1 ? 5 : 3);
      expectOk(await call(host, "next", { gameId: game.gameId }));
      expectOk(await call(host, "next", { gameId: game.gameId }));
    }
    const final = expectOk(await call<{ state: HostView }>(host, "attach", { gameId: game.gameId }));
    expect(final.state.phase).toBe("ended");
    const top = final.state.leaderboard.map((e) => e.nickname);
    expect(top[2]).toBe("Cho");
    host.close();
    phones.forEach((p) => p.socket.close());
  }, 240_000); // three restarts; on PostgreSQL each start applies migrations (~12 s)
});
