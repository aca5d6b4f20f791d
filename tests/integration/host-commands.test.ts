// Host commands over the real server: a command's optional `expect` (the state it was
// sent from) makes a double `next` advance once; the host's view counts and names
// who has not answered and who is away; kicks work mid-game; a full game shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOST_PLAYER_LIST_MAX, type HostView, type PlayerSearchResult, type PlayerView } from "../../lib/contract";
import {
  call,
  codeOf,
  connectHost,
  connectPlayer,
  expectOk,
  nextEvent,
  signInOtherInstructor,
} from "./support/clients";
import { hostGame, joinPhone, viewOf } from "./support/game";
import { DATABASES, startServer, type TestServer } from "./support/server";

/** The `expect` a projector sends: the phase and question of the view it shows. */
const expectOf = (view: HostView) => ({ phase: view.phase, questionIndex: view.questionIndex ?? -1 });

async function hostViewOf(host: Parameters<typeof call>[0], gameId: string): Promise<HostView> {
  return expectOk(await call<{ state: HostView }>(host, "attach", { gameId })).state;
}

describe.each(DATABASES)("host commands (%s)", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ database });
  });
  afterAll(async () => server?.dispose());

  it("R-WRONG-PHASE: two `next` sent at once with the same expect advance once; the leaderboard is not skipped", async () => {
    const game = await hostGame(server.url);
    const ann = await joinPhone(server.url, game.pin, "Ann");
    expectOk(await call(game.host, "start", { gameId: game.gameId, expect: { phase: "lobby", questionIndex: -1 } }));
    expectOk(await call(game.host, "skip", { gameId: game.gameId, expect: { phase: "question", questionIndex: 0 } }));
    const reveal = await hostViewOf(game.host, game.gameId);
    expect(expectOf(reveal)).toEqual({ phase: "reveal", questionIndex: 0 });

    // Two projector tabs (or a double click): both sent from the same reveal, before either is answered.
    const payload = { gameId: game.gameId, expect: expectOf(reveal) };
    const acks = await Promise.all([call(game.host, "next", payload), call(game.host, "next", payload)]);
    expect(acks.map(codeOf).sort()).toEqual(["WRONG_PHASE", "ok"]);

    const after = await hostViewOf(game.host, game.gameId);
    expect([after.phase, after.questionIndex]).toEqual(["leaderboard", 0]);
    // The phone sees the leaderboard, and never question 1.
    await ann.inbox.untilView<PlayerView>((v) => v.phase === "leaderboard");
    const questionOne = ann.received.filter((payload) => {
      const view = viewOf(payload);
      return view?.phase === "question" && view.question?.index === 1;
    });
    expect(questionOne).toEqual([]);

    // The next `next`, sent from the leaderboard, opens question 1 as usual.
    expectOk(await call(game.host, "next", { gameId: game.gameId, expect: expectOf(after) }));
    expect((await hostViewOf(game.host, game.gameId)).question?.index).toBe(1);
    ann.socket.close();
    game.host.close();
  });

  it("R-WRONG-PHASE: every command with a stale expect answers WRONG_PHASE and changes nothing", async () => {
    const game = await hostGame(server.url);
    const ann = await joinPhone(server.url, game.pin, "Ann");
    const stale = { phase: "lobby", questionIndex: -1 } as const;
    expectOk(await call(game.host, "start", { gameId: game.gameId, expect: stale }));
    const open = await hostViewOf(game.host, game.gameId);
    for (const event of ["start", "next", "skip", "pause", "resume", "end"]) {
      const ack = await call(game.host, event, { gameId: game.gameId, expect: stale });
      expect(codeOf(ack), event).toBe("WRONG_PHASE");
    }
    const lock = await call(game.host, "lock", { gameId: game.gameId, locked: true, expect: stale });
    const kick = await call(game.host, "kick", { gameId: game.gameId, playerId: ann.playerId, expect: stale });
    expect([codeOf(lock), codeOf(kick)]).toEqual(["WRONG_PHASE", "WRONG_PHASE"]);
    const still = await hostViewOf(game.host, game.gameId);
    expect([still.phase, still.questionIndex, still.paused, still.locked, still.playerCount]).toEqual([
      "question",
      0,
      false,
      false,
      1,
    ]);
    expect(still.question?.timeLeftMs).toBeLessThanOrEqual(open.question?.timeLeftMs ?? 0);
    ann.socket.close();
    game.host.close();
  });

  it("older clients send no expect, and every command still works", async () => {
    const game = await hostGame(server.url);
    const ann = await joinPhone(server.url, game.pin, "Ann");
    const phaseAfter = async (event: string) => {
      expectOk(await call(game.host, event, { gameId: game.gameId }));
      const view = await hostViewOf(game.host, game.gameId);
      return `${view.phase}${view.paused ? "/paused" : ""}@${view.questionIndex}`;
    };
    const seen = [];
    for (const event of ["start", "pause", "resume", "skip", "next", "next", "end"]) seen.push(await phaseAfter(event));
    expect(seen).toEqual([
      "question@0",
      "question/paused@0",
      "question@0",
      "reveal@0",
      "leaderboard@0",
      "question@1",
      "ended@1",
    ]);
    ann.socket.close();
    game.host.close();
  });

  it("R-BAD-INPUT: a malformed expect is INVALID_PAYLOAD and changes nothing", async () => {
    const game = await hostGame(server.url);
    await joinPhone(server.url, game.pin, "Ann");
    for (const expectValue of [
      { phase: "nowhere", questionIndex: 0 },
      { phase: "lobby", questionIndex: -2 },
      { phase: "lobby", questionIndex: 0.5 },
      { phase: "lobby" },
      { phase: "lobby", questionIndex: -1, paused: false },
      "lobby",
      null,
    ]) {
      const ack = await call(game.host, "start", { gameId: game.gameId, expect: expectValue });
      expect(codeOf(ack), JSON.stringify(expectValue)).toBe("INVALID_PAYLOAD");
    }
    expect((await hostViewOf(game.host, game.gameId)).phase).toBe("lobby");
    game.host.close();
  });

  it("the host's view lists the latest joiners; `players` finds anyone, for the owner only", async () => {
    const game = await hostGame(server.url);
    const names = Array.from({ length: HOST_PLAYER_LIST_MAX + 5 }, (_, i) => `Player ${i}`);
    const phones = [];
    for (const name of names) phones.push(await joinPhone(server.url, game.pin, name));
    const view = await hostViewOf(game.host, game.gameId);
    expect(view.playerCount).toBe(names.length);
    expect(view.players.map((p) => p.nickname)).toEqual(names.slice(-HOST_PLAYER_LIST_MAX));

    // The first joiners are out of the view's list: found by name, any case, with a whole count.
    const found = expectOk(
      await call<PlayerSearchResult>(game.host, "players", { gameId: game.gameId, query: "PLAYER 1" }),
    );
    const matching = names.filter((name) => name.includes("Player 1"));
    expect(found.total).toBe(matching.length);
    expect(found.players.map((p) => p.nickname)).toEqual(matching.slice(0, HOST_PLAYER_LIST_MAX));
    expect(found.players[0]).toEqual({ id: phones[1]?.playerId, nickname: "Player 1", score: 0, connected: true });
    const none = expectOk(await call<PlayerSearchResult>(game.host, "players", { gameId: game.gameId, query: "Zoe" }));
    expect(none).toMatchObject({ players: [], total: 0 });

    // Another instructor's socket learns nothing; a bad payload is refused.
    const stranger = await connectHost(server.url, await signInOtherInstructor(server.url, "Searcher"));
    expect(codeOf(await call(stranger, "players", { gameId: game.gameId, query: "" }))).toBe("NOT_FOUND");
    for (const bad of [
      { gameId: game.gameId },
      { gameId: game.gameId, query: "x".repeat(81) },
      { gameId: game.gameId, query: "", extra: 1 },
    ]) {
      expect(codeOf(await call(game.host, "players", bad))).toBe("INVALID_PAYLOAD");
    }
    stranger.close();
    for (const phone of phones) phone.socket.close();
    game.host.close();
  });

  it("R-KICK R-AUTO-CLOSE: the projector counts who answered, who is connected and who is away, names them, and kicks mid-question", async () => {
    const game = await hostGame(server.url);
    const ann = await joinPhone(server.url, game.pin, "Ann");
    const bob = await joinPhone(server.url, game.pin, "Bob");
    const cat = await joinPhone(server.url, game.pin, "Cat");
    expectOk(await call(game.host, "start", { gameId: game.gameId }));
    expectOk(await call(ann.socket, "answer", { questionIndex: 0, optionIds: ["a"] }));
    cat.socket.close();
    const mark = game.inbox.size;
    const counted = await game.inbox.untilView<HostView>((v) => v.awayCount === 1, mark);
    expect([counted.playerCount, counted.answeredCount, counted.connectedCount, counted.unansweredCount]).toEqual([
      3, 1, 2, 2,
    ]);
    expect(counted.unanswered).toEqual([
      { id: bob.playerId, nickname: "Bob", connected: true },
      { id: cat.playerId, nickname: "Cat", connected: false },
    ]);
    expect(counted.away).toEqual([{ id: cat.playerId, nickname: "Cat", connected: false }]);

    // A kick mid-question: Bob is told and leaves every count; the question waits for nobody else connected.
    const told = nextEvent(bob.socket, "kicked");
    expectOk(await call(game.host, "kick", { gameId: game.gameId, playerId: bob.playerId }));
    await told;
    const after = await hostViewOf(game.host, game.gameId);
    expect(after.players.map((p) => p.nickname)).toEqual(["Ann", "Cat"]);
    expect([after.playerCount, after.unanswered?.map((p) => p.nickname)]).toEqual([2, ["Cat"]]);
    game.host.close();
    ann.socket.close();
  });
});

describe("a full game on the projector", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { MAX_PLAYERS_PER_GAME: "2" } });
  });
  afterAll(async () => server?.dispose());

  it("R-JOIN: the host's view says the game is full, and the next phone learns it at the PIN check", async () => {
    const game = await hostGame(server.url);
    await joinPhone(server.url, game.pin, "Ann");
    await joinPhone(server.url, game.pin, "Bob");
    const full = await game.inbox.untilView<HostView>((v) => v.playerCount === 2);
    expect([full.playerCount, full.maxPlayers]).toEqual([2, 2]);
    const late = await connectPlayer(server.url);
    expect(codeOf(await call(late, "check", { pin: game.pin }))).toBe("GAME_FULL");
    late.close();
    game.host.close();
  });
});
