// Bad input at scale (fuzzing every event), a reconnect storm, an answer flood and
// a busy database. The clean shutdown has its own file (shutdown.test.ts).
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES, type HostView, type PlayerView } from "../../lib/contract";
import { call, connectHost, connectPlayer, expectOk, nextState, signInOtherInstructor } from "./support/clients";
import { hostGame, joinPhone } from "./support/game";
import { startServer, type TestServer } from "./support/server";

const PLAY_EVENTS = ["join", "check", "rejoin", "answer"];
const HOST_EVENTS = ["create", "attach", "start", "next", "skip", "pause", "resume", "end", "lock", "kick"];

const payloadArb = (pin: string, gameId: string) =>
  fc.oneof(
    fc.anything({ maxDepth: 3, maxKeys: 6 }),
    fc.record(
      {
        pin: fc.oneof(fc.constant(pin), fc.string({ maxLength: 8 }), fc.integer()),
        nickname: fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: "binary", maxLength: 25 })),
        token: fc.string({ maxLength: 140 }),
        questionIndex: fc.oneof(fc.integer({ min: -5, max: 20 }), fc.double()),
        optionIds: fc.array(fc.oneof(fc.constantFrom("a", "b", "c", "d", "z"), fc.string()), { maxLength: 8 }),
        gameId: fc.oneof(fc.constant(gameId), fc.string({ maxLength: 70 })),
        playerId: fc.string({ maxLength: 70 }),
        locked: fc.oneof(fc.boolean(), fc.string()),
        deckId: fc.string({ maxLength: 70 }),
      },
      { requiredKeys: [] },
    ),
  );

describe("resilience", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.dispose());

  it("R-BAD-INPUT: fuzzed payloads on every event of both namespaces get a coded answer; the game carries on", async () => {
    const game = await hostGame(server.url);
    const honest = await joinPhone(server.url, game.pin, "Honest");
    expectOk(await call(game.host, "start", { gameId: game.gameId }));
    // The fuzzing instructor is not this game's owner: the honest game must survive it.
    const fuzzHost = await connectHost(server.url, await signInOtherInstructor(server.url, "Fuzz"));
    const fuzzPhone = await connectPlayer(server.url);
    const codes = new Set<string>(ERROR_CODES);

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PLAY_EVENTS.map((e) => ["play", e]), ...HOST_EVENTS.map((e) => ["host", e])),
        payloadArb(game.pin, game.gameId),
        async ([namespace, event], payload) => {
          const socket = namespace === "play" ? fuzzPhone : fuzzHost;
          const ack = await call(socket, event ?? "", payload);
          expect(typeof ack.ok).toBe("boolean");
          if (!ack.ok) expect(codes.has(ack.error.code), ack.error.code).toBe(true);
        },
      ),
      { numRuns: 150 },
    );

    // The honest player's question is still open and their answer still counts.
    const attach = expectOk(await call<{ state: HostView }>(game.host, "attach", { gameId: game.gameId }));
    expect([attach.state.phase, attach.state.paused]).toEqual(["question", false]);
    const reveal = nextState<PlayerView>(honest.socket, (v) => v.phase === "reveal");
    expectOk(await call(honest.socket, "answer", { questionIndex: 0, optionIds: ["b"] }));
    const result = await reveal;
    expect(result.phase === "reveal" && result.correct).toBe(true);
    [fuzzHost, fuzzPhone, honest.socket, game.host].forEach((s) => s.close());
  });

  it("R-RECONNECT-STORM: 200 phones that all lose their connection at once are all back, in the current phase, at once", async () => {
    const game = await hostGame(server.url);
    const phones = [];
    for (let i = 0; i < 200; i += 20) {
      phones.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, (_, j) => joinPhone(server.url, game.pin, `Player ${i + j}`)),
        )),
      );
    }
    expectOk(await call(game.host, "start", { gameId: game.gameId }));
    await Promise.all(
      phones.slice(0, 100).map((p) => call(p.socket, "answer", { questionIndex: 0, optionIds: ["b"] })),
    );
    phones.forEach((p) => p.socket.disconnect());
    const started = Date.now();
    const back = await Promise.all(
      phones.map(async (p) => {
        const socket = await connectPlayer(server.url);
        const ack = expectOk(await call<{ state: PlayerView }>(socket, "rejoin", { token: p.token }));
        return { socket, state: ack.state };
      }),
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(back.every((b) => b.state.phase === "question")).toBe(true);
    expect(back.filter((b) => b.state.phase === "question" && b.state.answeredOptionIds !== null)).toHaveLength(100);
    // They are live again: the next phase reaches every one of them.
    const revealed = back.map((b) => nextState<PlayerView>(b.socket, (v) => v.phase === "reveal"));
    const host = expectOk(await call<{ state: HostView }>(game.host, "attach", { gameId: game.gameId }));
    expect(host.state.connectedCount).toBe(200);
    expectOk(await call(game.host, "skip", { gameId: game.gameId }));
    expect(await Promise.all(revealed)).toHaveLength(200);
    back.forEach((b) => b.socket.close());
    game.host.close();
  });

  it("R-RATE-LIMIT: an answer flood from one socket is cut off with RATE_LIMITED; the server carries on", async () => {
    const game = await hostGame(server.url);
    const flooder = await joinPhone(server.url, game.pin, "Flooder");
    const codes = await Promise.all(
      Array.from({ length: 40 }, () => call(flooder.socket, "answer", { questionIndex: 0, optionIds: ["a"] })),
    );
    expect(codes.some((c) => !c.ok && c.error.code === "RATE_LIMITED")).toBe(true);
    const attach = await call<{ state: HostView }>(game.host, "attach", { gameId: game.gameId });
    expect(attach.ok && attach.state.players).toHaveLength(1);
    [flooder.socket, game.host].forEach((s) => s.close());
  });

  it("R-DB-BUSY: when the database stays locked, the answer is refused (never acknowledged and lost); then it goes on", async () => {
    const game = await hostGame(server.url);
    const ann = await joinPhone(server.url, game.pin, "Ann");
    const bob = await joinPhone(server.url, game.pin, "Bob");
    expectOk(await call(game.host, "start", { gameId: game.gameId }));
    const blocker = new Database(server.databaseUrl.replace(/^file:/, ""));
    blocker.exec("BEGIN EXCLUSIVE");
    const refused = await call(ann.socket, "answer", { questionIndex: 0, optionIds: ["b"] });
    blocker.exec("COMMIT");
    blocker.close();
    expect(!refused.ok && refused.error.code).toBe("UNAVAILABLE");
    // The refused answer was not kept: Ann may answer again, and this time it stands.
    expectOk(await call(ann.socket, "answer", { questionIndex: 0, optionIds: ["b"] }));
    const again = await call(ann.socket, "answer", { questionIndex: 0, optionIds: ["a"] });
    expect(!again.ok && again.error.code).toBe("ALREADY_ANSWERED");
    [ann.socket, bob.socket, game.host].forEach((s) => s.close());
  });
});
