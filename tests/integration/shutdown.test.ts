// R-SHUTDOWN: SIGTERM in the middle of open questions, with answers in flight and
// phones connected, one of them frozen (a stopped process that answers nothing, not
// even the WebSocket close). What counts is what the database holds once the process
// has gone, what the clients were told, and how fast it went.
import { request } from "node:http";
import type { Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import type { HostView, PlayerView } from "../../lib/contract";
import { call, clockOf, connectHost, connectPlayer, expectOk, signIn } from "./support/clients";
import { openDb, readDb } from "./support/db";
import { spawnPhone, type FrozenPhone } from "./support/frozen-phone";
import { correctIds, hostGame, joinPhone } from "./support/game";
import { DATABASES, startServer, type TestServer } from "./support/server";

/** The rule's own bound, from SIGTERM to the exit, frozen phones or not. */
const EXIT_WITHIN_MS = 5_000;
/** Date.now() is whole milliseconds on both sides of the wire. */
const ROUNDING_MS = 5;

/** Resolves with the reason of the socket's next disconnect. */
const disconnectReason = (socket: Socket) =>
  new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

/** A fresh connection (no keep-alive pool): is the server still taking requests? */
function healthz(port: number): Promise<string> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: "/healthz", agent: false }, (res) => {
      res.resume();
      resolve(`answered ${res.statusCode}`);
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    req.setTimeout(3_000, () => req.destroy());
    req.end();
  });
}

/** Sends SIGTERM and waits for the exit, giving up well past the rule's bound. */
async function terminate(server: TestServer) {
  const signalledAt = Date.now();
  const exited = server.stop("SIGTERM");
  const code = await Promise.race([
    exited,
    new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 3 * EXIT_WITHIN_MS)),
  ]);
  return { signalledAt, code, exitedAt: Date.now() };
}

describe.each(DATABASES)("shutdown (%s)", (database) => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  const start = async () => {
    const server = await startServer({ database });
    cleanup.push(() => server.dispose());
    return server;
  };

  it("R-SHUTDOWN: SIGTERM stops accepting, writes the answers in flight and each game's phase and clock, tells every client and exits 0", async () => {
    const server = await start();
    const first = await hostGame(server.url);
    const second = await hostGame(server.url, first.deckId);
    const stays = await joinPhone(server.url, first.pin, "Stays");
    const thinker = await joinPhone(server.url, first.pin, "Thinker");
    const inFlight = await Promise.all(
      ["Late 1", "Late 2", "Late 3", "Late 4"].map((n) => joinPhone(server.url, first.pin, n)),
    );
    const other = await joinPhone(server.url, second.pin, "Other");

    expectOk(await call(first.host, "start", { gameId: first.gameId }));
    expectOk(await call(stays.socket, "answer", { questionIndex: 0, optionIds: correctIds(0) }));
    expectOk(await call(second.host, "start", { gameId: second.gameId }));
    // The second game's row lags behind it, as if the write of its start had been
    // lost: a heartbeat does not repair that, only writing the phase does.
    await readDb(server.databaseUrl, (db) => db.rewindToLobby(second.gameId));

    const connected = [first.host, second.host, stays.socket, thinker.socket, other.socket];
    connected.push(...inFlight.map((p) => p.socket));
    const told = connected.map(disconnectReason);

    // The clocks just before the signal. A heartbeat written before this moment
    // shows more time left than the clock had at the SIGTERM.
    const [clock1, clock2] = await Promise.all([
      clockOf(first.host, first.gameId),
      clockOf(second.host, second.gameId),
    ]);
    const choices = [["a"], ["c"], ["d"], ["b"]];
    const acks = inFlight.map((p, i) => call(p.socket, "answer", { questionIndex: 0, optionIds: choices[i] }));
    const stopping = terminate(server);

    await expect
      .poll(() => server.output().includes("SIGTERM: shutting down"), { interval: 5, timeout: 5_000 })
      .toBe(true);
    expect(await healthz(server.port)).not.toMatch(/^answered/);
    const { signalledAt, code, exitedAt } = await stopping;
    expect(code).toBe(0);
    expect(exitedAt - signalledAt).toBeLessThan(EXIT_WITHIN_MS);
    // Every client was told (a disconnect packet), not merely dropped with the process.
    expect(await Promise.all(told)).toEqual(connected.map(() => "io server disconnect"));
    const acked = (await Promise.allSettled(acks)).map((r) => r.status === "fulfilled" && r.value.ok);

    // What the database holds now is all a restart will have.
    const [stored1, stored2, answers] = await readDb(
      server.databaseUrl,
      async (db) =>
        [await db.game(first.gameId), await db.game(second.gameId), await db.answers(first.gameId)] as const,
    );
    const answerOf = (playerId: string) => answers.find((a) => a.playerId === playerId && a.questionIndex === 0);
    expect(answerOf(stays.playerId)?.optionIds).toEqual(correctIds(0));
    inFlight.forEach((p, i) => {
      if (acked[i]) expect(answerOf(p.playerId)?.optionIds, `acknowledged answer ${i}`).toEqual(choices[i]);
    });
    for (const [stored, clock] of [
      [stored1, clock1],
      [stored2, clock2],
    ] as const) {
      expect([stored?.phase, stored?.questionIndex]).toEqual(["question", 0]);
      const left = stored?.timeLeftMs ?? Number.NaN;
      // Written at the SIGTERM or after, before the exit: not a heartbeat from before.
      expect(left).toBeLessThanOrEqual(clock.left - (signalledAt - clock.heardAt) + ROUNDING_MS);
      expect(left).toBeGreaterThanOrEqual(clock.left - (exitedAt - clock.askedAt) - ROUNDING_MS);
    }

    // After the restart both games are back, paused with the clock written at the SIGTERM.
    await server.restart();
    const host = await connectHost(server.url, await signIn(server.url));
    cleanup.push(() => host.close());
    for (const [gameId, stored] of [
      [first.gameId, stored1],
      [second.gameId, stored2],
    ] as const) {
      const back = expectOk(await call<{ state: HostView }>(host, "attach", { gameId }));
      expect([back.state.phase, back.state.paused]).toEqual(["question", true]);
      expect(Math.abs((back.state.question?.timeLeftMs ?? 0) - (stored?.timeLeftMs ?? Number.NaN))).toBeLessThan(100);
    }
    // An answer in flight is stored and stands, or was never acknowledged and may come again.
    for (const [i, phone] of inFlight.entries()) {
      const socket = await connectPlayer(server.url);
      cleanup.push(() => socket.close());
      const back = expectOk(await call<{ state: PlayerView }>(socket, "rejoin", { token: phone.token }));
      const stored = answerOf(phone.playerId)?.optionIds ?? null;
      expect(back.state.phase === "question" && back.state.answeredOptionIds).toEqual(stored);
      if (!stored) expect(acked[i]).toBe(false);
    }
  }, 300_000); // each starts its own server; on PostgreSQL a start applies the migrations

  it("R-SHUTDOWN: a frozen phone does not hold the exit: the others are told and the process exits 0 within 5 s", async () => {
    const server = await start();
    const game = await hostGame(server.url);
    const phone = await joinPhone(server.url, game.pin, "Awake");
    const frozen: FrozenPhone = await spawnPhone(server.url, game.pin, "Frozen");
    cleanup.push(() => frozen.kill());
    expectOk(await call(game.host, "start", { gameId: game.gameId }));
    expectOk(await call(phone.socket, "answer", { questionIndex: 0, optionIds: correctIds(0) }));
    frozen.freeze();
    // Frozen for real: the server still counts it as connected.
    const attached = expectOk(await call<{ state: HostView }>(game.host, "attach", { gameId: game.gameId }));
    expect(attached.state.connectedCount).toBe(2);

    const told = [game.host, phone.socket].map(disconnectReason);
    const { signalledAt, code, exitedAt } = await terminate(server);
    expect(code).toBe(0);
    expect(exitedAt - signalledAt).toBeLessThan(EXIT_WITHIN_MS);
    expect(await Promise.all(told)).toEqual(["io server disconnect", "io server disconnect"]);
    const db = await openDb(server.databaseUrl);
    cleanup.push(() => db.close());
    expect((await db.answers(game.gameId)).map((a) => a.playerId)).toEqual([phone.playerId]);
    expect((await db.game(game.gameId))?.phase).toBe("question");
  }, 300_000); // each starts its own server; on PostgreSQL a start applies the migrations
});
