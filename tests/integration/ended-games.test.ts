// Ended games released (issue 17): once a game has ended and everything is written,
// its room lingers ENDED_GAME_LINGER_MS (shortened here), then the server lets it go.
// A phone reloading later still gets its final screen (R-REJOIN), the projector's
// reload its final view, and the PIN says GAME_ENDED (R-JOIN) — all from the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView, PlayerView } from "../../lib/contract";
import { call, codeOf, connectHost, connectPlayer, expectOk, WAIT_MS } from "./support/clients";
import { correctIds, hostGame, joinPhone } from "./support/game";
import { DATABASES, startServer, type TestServer } from "./support/server";

/** Short, so that the test sees the release; the default is 60 s (docs/protocol.md). */
const LINGER_MS = 300;

/** Resolves once the server's log has the line; fails after WAIT_MS. */
async function untilLogged(server: TestServer, line: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!server.output().includes(line)) {
    if (Date.now() > deadline) throw new Error(`not logged: ${line}\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(DATABASES)("ended games (%s)", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ database, env: { ENDED_GAME_LINGER_MS: String(LINGER_MS) } });
  });
  afterAll(async () => server?.dispose());

  it("R-REJOIN R-JOIN: after an ended game's room is released, a phone's token still opens its final screen, the projector's attach its final view, and the PIN says GAME_ENDED", async () => {
    const game = await hostGame(server.url);
    const ann = await joinPhone(server.url, game.pin, "Ann");
    const bob = await joinPhone(server.url, game.pin, "Bob");
    const opened = [ann, bob].map((p) => p.inbox.untilView<PlayerView>((v) => v.phase === "question", p.inbox.size));
    expectOk(await call(game.host, "start", { gameId: game.gameId }));
    await Promise.all(opened);
    const revealed = ann.inbox.untilView<PlayerView>((v) => v.phase === "reveal", ann.inbox.size);
    expectOk(await call(ann.socket, "answer", { questionIndex: 0, optionIds: correctIds(0) }));
    expectOk(await call(bob.socket, "answer", { questionIndex: 0, optionIds: ["d"] }));
    await revealed;

    const endedViews = [ann, bob].map((p) => p.inbox.untilView<PlayerView>((v) => v.phase === "ended", p.inbox.size));
    const projectorEnded = game.inbox.untilView<HostView>((v) => v.phase === "ended", game.inbox.size);
    expectOk(await call(game.host, "end", { gameId: game.gameId }));
    const [annFinal, bobFinal] = await Promise.all(endedViews);
    const projectorFinal = await projectorEnded;
    expect(annFinal).toMatchObject({
      phase: "ended",
      rank: 1,
      correctCount: 1,
      questionsPlayed: 1,
      reviewUrl: expect.stringContaining("/review/"),
    });

    await untilLogged(server, `game ${game.gameId} ended: room released`);
    [ann.socket, bob.socket, game.host].forEach((s) => s.close());

    // A phone reloading now: the same final screen, from the database.
    const reloaded = await connectPlayer(server.url);
    const back = expectOk(
      await call<{ playerId: string; state: PlayerView }>(reloaded, "rejoin", { token: ann.token }),
    );
    expect(back.playerId).toBe(ann.playerId);
    expect(back.state).toEqual(annFinal);
    expect(expectOk(await call<{ state: PlayerView }>(reloaded, "rejoin", { token: bob.token })).state).toEqual(
      bobFinal,
    );
    // Nothing to answer any more; a made-up token opens nothing.
    expect(codeOf(await call(reloaded, "answer", { questionIndex: 0, optionIds: ["a"] }))).toBe("NOT_FOUND");
    expect(codeOf(await call(reloaded, "rejoin", { token: "x".repeat(32) }))).toBe("NOT_FOUND");

    // The projector reloading: its final view (the standings as they were), for its owner.
    const projector = await connectHost(server.url, game.cookie);
    const attached = expectOk(await call<{ state: HostView }>(projector, "attach", { gameId: game.gameId })).state;
    expect(attached).toMatchObject({ phase: "ended", leaderboard: projectorFinal.leaderboard, playerCount: 2 });
    expect(codeOf(await call(projector, "next", { gameId: game.gameId }))).toBe("NOT_FOUND");

    // The PIN opens nothing and says why.
    expect(codeOf(await call(reloaded, "check", { pin: game.pin }))).toBe("GAME_ENDED");
    [reloaded, projector].forEach((s) => s.close());
  });
});
