// Phones: nicknames, lock, kick, rejoin, bad input. Real server, real sockets.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView, PlayerView } from "../../lib/contract";
import { call, connectPlayer, expectOk, nextState } from "./support/clients";
import { correctIds, hostGame, joinPhone } from "./support/game";
import { startServer, type TestServer } from "./support/server";

const code = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? "ok" : ack.error?.code);

describe("players", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.dispose());

  it("R-NICKNAME: duplicate (any case), empty, over-long and offensive nicknames are refused", async () => {
    const game = await hostGame(server.url);
    const first = await joinPhone(server.url, game.pin, "Minji");
    const phone = await connectPlayer(server.url);
    expect(code(await call(phone, "join", { pin: game.pin, nickname: "MINJI" }))).toBe("NICKNAME_TAKEN");
    for (const nickname of ["   ", "x".repeat(21), "fuck", "씨발놈"]) {
      expect(code(await call(phone, "join", { pin: game.pin, nickname })), nickname).toBe("NICKNAME_INVALID");
    }
    expect(code(await call(phone, "join", { pin: "000000", nickname: "Nobody" }))).toBe("NOT_FOUND");
    phone.close();
    first.socket.close();
    game.host.close();
  });

  it("R-LOCK: a locked game refuses joins with LOCKED; unlocking lets them in", async () => {
    const game = await hostGame(server.url);
    expectOk(await call(game.host, "lock", { gameId: game.gameId, locked: true }));
    const phone = await connectPlayer(server.url);
    expect(code(await call(phone, "join", { pin: game.pin, nickname: "Late" }))).toBe("LOCKED");
    expectOk(await call(game.host, "lock", { gameId: game.gameId, locked: false }));
    expect(code(await call(phone, "join", { pin: game.pin, nickname: "Late" }))).toBe("ok");
    phone.close();
    game.host.close();
  });

  it("R-KICK: a kicked phone is told, disconnected, and its token no longer opens the game", async () => {
    const game = await hostGame(server.url);
    const phone = await joinPhone(server.url, game.pin, "Troll");
    const kicked = new Promise((resolve) => phone.socket.once("kicked", resolve));
    expectOk(await call(game.host, "kick", { gameId: game.gameId, playerId: phone.playerId }));
    await kicked;
    const again = await connectPlayer(server.url);
    expect(code(await call(again, "rejoin", { token: phone.token }))).toBe("KICKED");
    const view = await call<{ state: HostView }>(game.host, "attach", { gameId: game.gameId });
    expect(view.ok && view.state.players).toEqual([]);
    again.close();
    game.host.close();
  });

  it("R-REJOIN: a phone that reconnects with its token is the same player, mid-question, answer kept", async () => {
    const game = await hostGame(server.url);
    const phone = await joinPhone(server.url, game.pin, "Sleepy");
    const other = await joinPhone(server.url, game.pin, "Awake");
    const open = nextState<PlayerView>(phone.socket, (v) => v.phase === "question");
    expectOk(await call(game.host, "start", { gameId: game.gameId }));
    await open;
    expectOk(await call(phone.socket, "answer", { questionIndex: 0, optionIds: correctIds(0) }));
    phone.socket.disconnect();

    const back = await connectPlayer(server.url);
    const rejoined = expectOk(
      await call<{ playerId: string; state: PlayerView }>(back, "rejoin", { token: phone.token }),
    );
    expect(rejoined.playerId).toBe(phone.playerId);
    expect(rejoined.state.phase).toBe("question");
    expect(rejoined.state.phase === "question" && rejoined.state.answeredOptionIds).toEqual(correctIds(0));
    expect(code(await call(back, "answer", { questionIndex: 0, optionIds: ["a"] }))).toBe("ALREADY_ANSWERED");

    const reveal = nextState<PlayerView>(back, (v) => v.phase === "reveal");
    expectOk(await call(other.socket, "answer", { questionIndex: 0, optionIds: ["a"] }));
    const result = await reveal;
    expect(result.phase === "reveal" && result.correct).toBe(true);
    // A token opens only its own player in its own game; an unknown one opens nothing.
    const second = await hostGame(server.url, game.deckId);
    const stranger = await connectPlayer(server.url);
    const again = expectOk(await call<{ playerId: string }>(stranger, "rejoin", { token: phone.token }));
    expect(again.playerId).toBe(phone.playerId);
    const secondView = expectOk(await call<{ state: HostView }>(second.host, "attach", { gameId: second.gameId }));
    expect(secondView.state.players).toEqual([]);
    expect(code(await call(stranger, "rejoin", { token: "x".repeat(32) }))).toBe("NOT_FOUND");
    [back, other.socket, stranger, game.host, second.host].forEach((s) => s.close());
  });

  it("R-REJOIN: a repeated rejoin on the same socket keeps the player connected and receiving", async () => {
    const game = await hostGame(server.url);
    const phone = await joinPhone(server.url, game.pin, "Twice");
    expectOk(await call(phone.socket, "rejoin", { token: phone.token }));
    expectOk(await call(phone.socket, "rejoin", { token: phone.token }));
    const opened = nextState<PlayerView>(phone.socket, (v) => v.phase === "question");
    expectOk(await call(game.host, "start", { gameId: game.gameId }));
    expect((await opened).phase).toBe("question");
    const view = expectOk(await call<{ state: HostView }>(game.host, "attach", { gameId: game.gameId }));
    expect(view.state.players.map((p) => p.connected)).toEqual([true]);
    [phone.socket, game.host].forEach((s) => s.close());
  });

  it("R-LATE-JOIN: a player joining during an open question gets it at once and may answer", async () => {
    const game = await hostGame(server.url);
    const early = await joinPhone(server.url, game.pin, "Early");
    expectOk(await call(game.host, "start", { gameId: game.gameId }));
    const late = await joinPhone(server.url, game.pin, "Late");
    expect(late.latest().phase).toBe("question");
    expect(code(await call(late.socket, "answer", { questionIndex: 0, optionIds: ["b"] }))).toBe("ok");
    [early.socket, late.socket, game.host].forEach((s) => s.close());
  });

  it("R-BAD-INPUT: malformed payloads get INVALID_PAYLOAD, unknown events are ignored, a huge frame closes only its own connection", async () => {
    const game = await hostGame(server.url);
    const phone = await joinPhone(server.url, game.pin, "Tester");
    for (const payload of [
      null,
      42,
      "x",
      {},
      { pin: 123456, nickname: "a" },
      { pin: "12", nickname: "a" },
      { pin: game.pin, nickname: "a", extra: true },
    ]) {
      expect(code(await call(phone.socket, "join", payload)), JSON.stringify(payload)).toBe("INVALID_PAYLOAD");
    }
    for (const payload of [
      { questionIndex: -1, optionIds: ["a"] },
      { questionIndex: 0, optionIds: [] },
      { questionIndex: 0 },
      { questionIndex: "0", optionIds: ["a"] },
    ]) {
      expect(code(await call(phone.socket, "answer", payload)), JSON.stringify(payload)).toBe("INVALID_PAYLOAD");
    }
    (phone.socket as unknown as Socket).emit("nonsense", { a: 1 });
    const attacker = await connectPlayer(server.url);
    const closed = new Promise((resolve) => attacker.once("disconnect", resolve));
    attacker.emit("join", { pin: game.pin, nickname: "x".repeat(50_000) }, () => undefined);
    await closed;
    // The server and the other players carry on.
    const state = await call<{ state: HostView }>(game.host, "attach", { gameId: game.gameId });
    expect(state.ok && state.state.players.map((p) => p.nickname)).toEqual(["Tester"]);
    expect(phone.socket.connected).toBe(true);
    [phone.socket, game.host].forEach((s) => s.close());
  });

  it("R-RATE-LIMIT: 60 honest joins from one address in 10 s all get in; a PIN-guessing flood is slowed", async () => {
    const game = await hostGame(server.url);
    const phones = await Promise.all(
      Array.from({ length: 60 }, (_, i) => joinPhone(server.url, game.pin, `student${i}`)),
    );
    expect(phones).toHaveLength(60);
    const guesser = await connectPlayer(server.url);
    const codes: string[] = [];
    for (let i = 0; i < 120; i += 1) {
      codes.push(code(await call(guesser, "join", { pin: String(100000 + i), nickname: `g${i}` })) ?? "");
      if (i % 7 === 6) guesser.disconnect().connect();
    }
    expect(codes).toContain("RATE_LIMITED");
    [guesser, game.host, ...phones.map((p) => p.socket)].forEach((s) => s.close());
  });
});
