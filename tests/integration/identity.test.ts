// R-IDENTITY: a /play socket acts only as the player it joined or rejoined as, and
// phones cannot send host events. Real server, real sockets.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView, PlayerView } from "../../lib/contract";
import { call, codeOf, connectHost, connectPlayer, expectOk, type PlayClient } from "./support/clients";
import { hostGame, Inbox, joinPhone, type Phone } from "./support/game";
import { startServer, type TestServer } from "./support/server";

type Game = Awaited<ReturnType<typeof hostGame>>;

/** A player's own view, as the server has it now: a repeated rejoin is harmless and answers with it. */
async function ownView(socket: PlayClient, token: string): Promise<PlayerView> {
  return expectOk(await call<{ state: PlayerView }>(socket, "rejoin", { token })).state;
}

async function hostView(game: Game): Promise<HostView> {
  return expectOk(await call<{ state: HostView }>(game.host, "attach", { gameId: game.gameId })).state;
}

/** Starts the game and waits until every phone has the first question. */
async function start(game: Game, phones: Phone[]): Promise<void> {
  const marks = phones.map((p) => p.inbox.size);
  expectOk(await call(game.host, "start", { gameId: game.gameId }));
  await Promise.all(phones.map((p, i) => p.inbox.untilView<PlayerView>((v) => v.phase === "question", marks[i])));
}

describe("R-IDENTITY", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.dispose());

  it("R-IDENTITY: a phone's answer counts for its own player only; no payload field can name another", async () => {
    const game = await hostGame(server.url);
    const xena = await joinPhone(server.url, game.pin, "Xena");
    const yuri = await joinPhone(server.url, game.pin, "Yuri");
    await start(game, [xena, yuri]);

    // The schema is strict: a field that names a player, a token or a game is refused whole.
    for (const extra of [
      { playerId: yuri.playerId },
      { token: yuri.token },
      { nickname: "Yuri" },
      { gameId: game.gameId },
      { player: { id: yuri.playerId } },
    ]) {
      const ack = await call(xena.socket, "answer", { questionIndex: 0, optionIds: ["a"], ...extra });
      expect(codeOf(ack), JSON.stringify(extra)).toBe("INVALID_PAYLOAD");
    }
    expect((await hostView(game)).answeredCount).toBe(0);

    const counted = game.inbox.size;
    expectOk(await call(xena.socket, "answer", { questionIndex: 0, optionIds: ["a"] }));
    await game.inbox.untilView<HostView>((v) => v.answeredCount === 1, counted);
    const xenaNow = await ownView(xena.socket, xena.token);
    const yuriNow = await ownView(yuri.socket, yuri.token);
    expect(xenaNow.phase === "question" && xenaNow.answeredOptionIds).toEqual(["a"]);
    expect(yuriNow.phase === "question" && yuriNow.answeredOptionIds).toBeNull();

    // Yuri still has an answer to give; once given, the question closes with both as sent.
    const revealed = [xena, yuri].map((p) => p.inbox.untilView<PlayerView>((v) => v.phase === "reveal", p.inbox.size));
    expectOk(await call(yuri.socket, "answer", { questionIndex: 0, optionIds: ["b"] }));
    const [xenaR, yuriR] = await Promise.all(revealed);
    expect(xenaR?.phase === "reveal" && xenaR.answeredOptionIds).toEqual(["a"]);
    expect(yuriR?.phase === "reveal" && yuriR.answeredOptionIds).toEqual(["b"]);
    [xena.socket, yuri.socket, game.host].forEach((s) => s.close());
  });

  it("R-IDENTITY: after joining game B on the same socket, its answers go to B and not to A", async () => {
    const gameA = await hostGame(server.url);
    const gameB = await hostGame(server.url, gameA.deckId);
    const sam = await joinPhone(server.url, gameA.pin, "Sam");
    const olga = await joinPhone(server.url, gameA.pin, "Olga");
    await start(gameA, [sam, olga]);

    // The same socket joins game B: in A, Sam has no connection left.
    let mark = gameA.inbox.size;
    const samB = await joinPhone(server.url, gameB.pin, "Sam in B", { socket: sam.socket, inbox: sam.inbox });
    await gameA.inbox.untilView<HostView>((v) => v.players.some((p) => p.id === sam.playerId && !p.connected), mark);
    await start(gameB, [samB]);

    mark = sam.inbox.size;
    expectOk(await call(sam.socket, "answer", { questionIndex: 0, optionIds: ["c"] }));
    // B's only player answered: B's question closes with that answer.
    const reveal = await sam.inbox.untilView<PlayerView>((v) => v.phase === "reveal", mark);
    expect(reveal.phase === "reveal" && reveal.answeredOptionIds).toEqual(["c"]);
    expect((await hostView(gameB)).optionCounts?.c).toBe(1);
    const inA = await hostView(gameA);
    expect([inA.phase, inA.answeredCount]).toEqual(["question", 0]);

    // A's Sam comes back on another socket: the question is still theirs to answer.
    const back = await connectPlayer(server.url);
    const samInA = await ownView(back, sam.token);
    expect(samInA.phase === "question" && samInA.answeredOptionIds).toBeNull();
    expect(codeOf(await call(back, "answer", { questionIndex: 0, optionIds: ["a"] }))).toBe("ok");
    [back, sam.socket, olga.socket, gameA.host, gameB.host].forEach((s) => s.close());
  });

  it("R-IDENTITY: a rejoin with another player's token makes the socket that player, and no longer the first", async () => {
    const game = await hostGame(server.url);
    const xena = await joinPhone(server.url, game.pin, "Xena");
    const yuri = await joinPhone(server.url, game.pin, "Yuri");
    const zoe = await joinPhone(server.url, game.pin, "Zoe");
    await start(game, [xena, yuri, zoe]);

    // Xena's socket takes Yuri's token: it is Yuri now, and Xena has no connection left.
    let mark = game.inbox.size;
    const taken = expectOk(await call<{ playerId: string }>(xena.socket, "rejoin", { token: yuri.token }));
    expect(taken.playerId).toBe(yuri.playerId);
    await game.inbox.untilView<HostView>((v) => v.players.some((p) => p.id === xena.playerId && !p.connected), mark);

    mark = game.inbox.size;
    expectOk(await call(xena.socket, "answer", { questionIndex: 0, optionIds: ["b"] }));
    await game.inbox.untilView<HostView>((v) => v.answeredCount === 1, mark);
    // The answer went to Yuri: Yuri's own socket finds it given; Xena's is still to give.
    expect(codeOf(await call(yuri.socket, "answer", { questionIndex: 0, optionIds: ["a"] }))).toBe("ALREADY_ANSWERED");
    const xenaBack = await connectPlayer(server.url);
    const xenaView = await ownView(xenaBack, xena.token);
    expect(xenaView.phase === "question" && xenaView.answeredOptionIds).toBeNull();
    expectOk(await call(xenaBack, "answer", { questionIndex: 0, optionIds: ["c"] }));
    // The old socket still speaks for Yuri only: another answer is Yuri's second.
    expect(codeOf(await call(xena.socket, "answer", { questionIndex: 0, optionIds: ["d"] }))).toBe("ALREADY_ANSWERED");

    const revealed = [yuri, zoe].map((p) => p.inbox.untilView<PlayerView>((v) => v.phase === "reveal", p.inbox.size));
    const xenaInbox = new Inbox().listen(xenaBack);
    const xenaRevealed = xenaInbox.untilView<PlayerView>((v) => v.phase === "reveal");
    expectOk(await call(zoe.socket, "answer", { questionIndex: 0, optionIds: ["a"] }));
    const [yuriR] = await Promise.all(revealed);
    const xenaR = await xenaRevealed;
    expect(yuriR?.phase === "reveal" && yuriR.answeredOptionIds).toEqual(["b"]);
    expect(xenaR.phase === "reveal" && xenaR.answeredOptionIds).toEqual(["c"]);
    expect(xenaR.nickname).toBe("Xena");
    [xena.socket, xenaBack, yuri.socket, zoe.socket, game.host].forEach((s) => s.close());
  });

  it("R-IDENTITY R-HOST-AUTH: phones cannot send host events: /play ignores them and /host refuses a phone", async () => {
    const game = await hostGame(server.url);
    const phone = await joinPhone(server.url, game.pin, "Mallory");
    const victim = await joinPhone(server.url, game.pin, "Victim");
    const acks: string[] = [];
    const events = [
      ["lock", { gameId: game.gameId, locked: true }],
      ["kick", { gameId: game.gameId, playerId: victim.playerId }],
      ["start", { gameId: game.gameId }],
      ["skip", { gameId: game.gameId }],
      ["pause", { gameId: game.gameId }],
      ["end", { gameId: game.gameId }],
      ["attach", { gameId: game.gameId }],
      ["create", { deckId: game.deckId }],
    ] as const;
    for (const [event, payload] of events) {
      (phone.socket as unknown as Socket).emit(event, payload, (ack: unknown) =>
        acks.push(`${event}: ${JSON.stringify(ack)}`),
      );
    }
    // The socket is still served: an event it does have is answered...
    expectOk(await call(phone.socket, "rejoin", { token: phone.token }));
    // ...and what it must not do has not happened. A handler would have answered in
    // milliseconds; waiting is the only way to see that nothing came, so it is generous
    // (2 s, even on a loaded CI machine) rather than tight.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(acks).toEqual([]);
    const view = await hostView(game);
    expect([view.phase, view.locked, view.players.map((p) => p.nickname)]).toEqual([
      "lobby",
      false,
      ["Mallory", "Victim"],
    ]);
    expect(game.inbox.received.every((p) => (p as { phase?: string }).phase !== "question")).toBe(true);
    expect(victim.inbox.received.some((p) => !!p && typeof p === "object" && "reason" in p)).toBe(false);
    expect(victim.socket.connected).toBe(true);

    // A phone has no session: the host namespace refuses its handshake.
    await expect(connectHost(server.url, "")).rejects.toThrow(/FORBIDDEN/);
    [phone.socket, victim.socket, game.host].forEach((s) => s.close());
  });
});
