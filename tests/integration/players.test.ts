// Phones: nicknames, lock, kick, rejoin, bad input. Real server, real sockets.
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView, PlayerView } from "../../lib/contract";
import { call, codeOf as code, connectPlayer, expectOk, nextEvent, nextState } from "./support/clients";
import { correctIds, hostGame, joinPhone, type Phone } from "./support/game";
import { startServer, type TestServer } from "./support/server";

type Game = Awaited<ReturnType<typeof hostGame>>;

async function hostView(game: Game): Promise<HostView> {
  return expectOk(await call<{ state: HostView }>(game.host, "attach", { gameId: game.gameId })).state;
}

/** Each phone's rank as the server has it now (a repeated rejoin answers with the player's view). */
async function ranksOf(phones: Phone[]): Promise<(number | null)[]> {
  const views = await Promise.all(
    phones.map(async (p) => expectOk(await call<{ state: PlayerView }>(p.socket, "rejoin", { token: p.token })).state),
  );
  return views.map((v) => v.rank);
}

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const sorted = (ranks: (number | null)[]) => [...ranks].sort((a, b) => (a ?? 0) - (b ?? 0));

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

  it("R-NICKNAME: look-alikes made with invisible characters are taken; emoji sequences join; each refusal names its cause in the phone's language", async () => {
    const game = await hostGame(server.url);
    const alice = await joinPhone(server.url, game.pin, "Alice");
    // A fresh socket per attempt: one socket may try to join only 8 times in 10 s.
    const opened: Socket[] = [];
    const phone = async (locale: "en" | "ko") => {
      const socket: Socket = io(`${server.url}/play`, {
        transports: ["websocket"],
        forceNew: true,
        reconnection: false,
        auth: { locale },
      });
      opened.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      return socket;
    };
    for (const lookAlike of ["Alice\uFE0F", "Al\u034Fice", "Alice\u3164", "\u2800Alice", "ALICE\u200B"]) {
      const ack = await call(await phone("en"), "join", { pin: game.pin, nickname: lookAlike });
      expect(code(ack), lookAlike).toBe("NICKNAME_TAKEN");
    }
    const refusals: [string, string, string][] = [
      ["\u3164\u3164", "visible character", "보이는 글자가 없는"],
      ["x".repeat(21), "too long", "너무 깁니다"],
      ["f.u.c.k", "offensive", "부적절한 표현"],
      ["시 발", "offensive", "부적절한 표현"],
    ];
    for (const [nickname, inEnglish, inKorean] of refusals) {
      for (const [locale, expected] of [
        ["en", inEnglish],
        ["ko", inKorean],
      ] as const) {
        const ack = await call(await phone(locale), "join", { pin: game.pin, nickname });
        expect(ack.ok ? null : ack.error, nickname).toMatchObject({ code: "NICKNAME_INVALID" });
        expect(ack.ok ? "" : ack.error.message, nickname).toContain(expected);
      }
    }
    const dev = expectOk(
      await call<{ state: PlayerView }>(await phone("en"), "join", { pin: game.pin, nickname: "👩\u200D💻 Dev" }),
    );
    expect(dev.state.nickname).toBe("👩\u200D💻 Dev");
    const breed = expectOk(
      await call<{ state: PlayerView }>(await phone("ko"), "join", { pin: game.pin, nickname: "시바견" }),
    );
    expect(breed.state.nickname).toBe("시바견");
    const names = (await hostView(game)).players.map((p) => p.nickname);
    expect(names.sort()).toEqual(["Alice", "시바견", "👩\u200D💻 Dev"].sort());
    for (const socket of [...opened, alice.socket, game.host]) socket.close();
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

  it("R-KICK: a kicked phone is told, every socket of it is disconnected, and its token no longer opens the game", async () => {
    const game = await hostGame(server.url);
    const stays = await joinPhone(server.url, game.pin, "Stays");
    const phone = await joinPhone(server.url, game.pin, "Troll");
    // The same player in a second tab.
    const secondTab = await connectPlayer(server.url);
    expectOk(await call(secondTab, "rejoin", { token: phone.token }));
    expect((await hostView(game)).connectedCount).toBe(2);

    const kicked = nextEvent<{ reason: string }>(phone.socket, "kicked");
    const dropped = [phone.socket, secondTab].map((s) => nextEvent<string>(s, "disconnect"));
    const mark = game.inbox.size;
    expectOk(await call(game.host, "kick", { gameId: game.gameId, playerId: phone.playerId }));
    expect((await kicked).reason).toBeTruthy();
    // The server closed them ("io server disconnect"), not the phones.
    expect(await Promise.all(dropped)).toEqual(["io server disconnect", "io server disconnect"]);
    const after = await game.inbox.untilView<HostView>((v) => v.players.length === 1, mark);
    expect([after.connectedCount, after.players.map((p) => p.nickname)]).toEqual([1, ["Stays"]]);
    expect(stays.socket.connected).toBe(true);

    const again = await connectPlayer(server.url);
    expect(code(await call(again, "rejoin", { token: phone.token }))).toBe("KICKED");
    expect((await hostView(game)).players.map((p) => p.nickname)).toEqual(["Stays"]);
    [again, stays.socket, game.host].forEach((s) => s.close());
  });

  it("R-KICK R-RANK-PERMUTATION: after a kick that follows a reveal, the others rank exactly 1..n", async () => {
    const game = await hostGame(server.url);
    const phones = [];
    for (const name of ["Ana", "Ben", "Cho", "Dan"]) phones.push(await joinPhone(server.url, game.pin, name));
    const opened = phones.map((p) => p.inbox.untilView<PlayerView>((v) => v.phase === "question", p.inbox.size));
    expectOk(await call(game.host, "start", { gameId: game.gameId }));
    await Promise.all(opened);
    const revealed = phones.map((p) => p.inbox.untilView<PlayerView>((v) => v.phase === "reveal", p.inbox.size));
    // Three right, one wrong.
    for (const [i, phone] of phones.entries()) {
      const choice = i === 1 ? ["a"] : correctIds(0);
      expectOk(await call(phone.socket, "answer", { questionIndex: 0, optionIds: choice }));
    }
    expect(sorted((await Promise.all(revealed)).map((v) => v.rank))).toEqual(oneToN(4));

    // Kick one from the middle of the table.
    const [ana, ben, cho, dan] = phones as [Phone, Phone, Phone, Phone];
    const mark = game.inbox.size;
    expectOk(await call(game.host, "kick", { gameId: game.gameId, playerId: cho.playerId }));
    const remaining = [ana, ben, dan];
    const hostAfter = await game.inbox.untilView<HostView>((v) => v.players.length === 3, mark);
    expect(hostAfter.leaderboard.map((e) => e.rank)).toEqual(oneToN(3));
    expect(hostAfter.leaderboard.map((e) => e.playerId).sort()).toEqual(remaining.map((p) => p.playerId).sort());
    expect(sorted(await ranksOf(remaining))).toEqual(oneToN(3));

    // And on the leaderboard that follows.
    const boards = remaining.map((p) => p.inbox.untilView<PlayerView>((v) => v.phase === "leaderboard", p.inbox.size));
    const hostBoard = game.inbox.untilView<HostView>((v) => v.phase === "leaderboard", game.inbox.size);
    expectOk(await call(game.host, "next", { gameId: game.gameId }));
    expect(sorted((await Promise.all(boards)).map((v) => v.rank))).toEqual(oneToN(3));
    expect((await hostBoard).leaderboard.map((e) => e.rank)).toEqual(oneToN(3));
    [...phones.map((p) => p.socket), game.host].forEach((s) => s.close());
  });

  it("R-JOIN: once a game has ended, its PIN opens it no more and says so (GAME_ENDED), at the PIN check and at join", async () => {
    const game = await hostGame(server.url);
    const early = await joinPhone(server.url, game.pin, "Early");
    expectOk(await call(game.host, "start", { gameId: game.gameId }));
    const mark = early.inbox.size;
    expectOk(await call(game.host, "end", { gameId: game.gameId }));
    await early.inbox.untilView<PlayerView>((v) => v.phase === "ended", mark);
    const late = await connectPlayer(server.url);
    expect(code(await call(late, "check", { pin: game.pin }))).toBe("GAME_ENDED");
    expect(code(await call(late, "join", { pin: game.pin, nickname: "Late" }))).toBe("GAME_ENDED");
    const view = await hostView(game);
    expect([view.phase, view.players.map((p) => p.nickname)]).toEqual(["ended", ["Early"]]);
    [late, early.socket, game.host].forEach((s) => s.close());
  });

  it("R-JOIN: the PIN check (before the nickname step) tells an open, unknown, locked or full game apart and makes no player", async () => {
    const game = await hostGame(server.url);
    const phone = await connectPlayer(server.url);
    expect(code(await call(phone, "check", { pin: game.pin }))).toBe("ok");
    expect(code(await call(phone, "check", { pin: "000000" }))).toBe("NOT_FOUND");
    expect(code(await call(phone, "check", { pin: "12345" }))).toBe("INVALID_PAYLOAD");
    expect((await hostView(game)).players).toEqual([]);
    expectOk(await call(game.host, "lock", { gameId: game.gameId, locked: true }));
    expect(code(await call(phone, "check", { pin: game.pin }))).toBe("LOCKED");
    expectOk(await call(game.host, "lock", { gameId: game.gameId, locked: false }));
    phone.close();
    game.host.close();

    const small = await startServer({ env: { MAX_PLAYERS_PER_GAME: "1" } });
    try {
      const full = await hostGame(small.url);
      const first = await joinPhone(small.url, full.pin, "First");
      const second = await connectPlayer(small.url);
      expect(code(await call(second, "check", { pin: full.pin }))).toBe("GAME_FULL");
      [second, first.socket, full.host].forEach((s) => s.close());
    } finally {
      await small.dispose();
    }
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

  // Last in this file: the PIN-guessing flood blocks this address for a minute.
  it("R-RATE-LIMIT: 60 honest joins from one address in 10 s all get in; a PIN-guessing flood is slowed", async () => {
    const game = await hostGame(server.url);
    const phones = await Promise.all(
      Array.from({ length: 60 }, (_, i) => joinPhone(server.url, game.pin, `student${i}`)),
    );
    expect(phones).toHaveLength(60);
    const guesser = await connectPlayer(server.url);
    const codes: string[] = [];
    for (let i = 0; i < 120; i += 1) {
      codes.push(code(await call(guesser, "join", { pin: String(100000 + i), nickname: `g${i}` })));
      if (i % 7 === 6) guesser.disconnect().connect();
    }
    expect(codes).toContain("RATE_LIMITED");
    [guesser, game.host, ...phones.map((p) => p.socket)].forEach((s) => s.close());
  });
});
