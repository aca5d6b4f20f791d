// R-RATE-LIMIT for host actions and answers, and R-ANSWER-ORDER once a socket is over
// its answer limit. Floods are sent in one burst, without waiting between events, so
// that they all fall in one window of the limiter however slow the machine is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView, PlayerView } from "../../lib/contract";
import {
  api,
  call,
  codeOf,
  connectHost,
  connectPlayer,
  expectOk,
  signInOtherInstructor,
  type HostClient,
  type PlayClient,
} from "./support/clients";
import { hostGame, joinPhone, type Phone } from "./support/game";
import { startServer, type TestServer } from "./support/server";
import { joinsPerIpWindow } from "../../server/realtime/rate-limits";

/** Sends every payload at once on one socket; resolves with each ack's code, in order. */
function burst(socket: HostClient | PlayClient, event: string, payloads: unknown[]): Promise<string[]> {
  return Promise.all(payloads.map(async (payload) => codeOf(await call(socket, event, payload))));
}

const count = (codes: string[], code: string) => codes.filter((c) => c === code).length;

describe("rate limits", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.dispose());

  it("R-RATE-LIMIT: a flood of host actions from one socket gets RATE_LIMITED; the game and other hosts carry on", async () => {
    const game = await hostGame(server.url);
    const phone = await joinPhone(server.url, game.pin, "Student");

    // 30 host events per 5 s per socket (create counted too): 60 at once cannot all pass.
    const locks = await burst(game.host, "lock", Array(60).fill({ gameId: game.gameId, locked: true }));
    expect(count(locks, "ok")).toBeLessThanOrEqual(30);
    expect(count(locks, "RATE_LIMITED")).toBeGreaterThanOrEqual(30);
    expect(count(locks, "ok") + count(locks, "RATE_LIMITED")).toBe(60);
    // Every host event counts, attach included (it sends the whole view back).
    const reloader = await connectHost(server.url, game.cookie);
    const attaches = await burst(reloader, "attach", Array(40).fill({ gameId: game.gameId }));
    expect(count(attaches, "ok")).toBeLessThanOrEqual(30);
    expect(count(attaches, "RATE_LIMITED")).toBeGreaterThanOrEqual(10);

    // The instructor's other screen runs the same game; another instructor runs theirs.
    const projector = await connectHost(server.url, game.cookie);
    expect(codeOf(await call(projector, "lock", { gameId: game.gameId, locked: false }))).toBe("ok");
    const opened = phone.inbox.untilView<PlayerView>((v) => v.phase === "question", phone.inbox.size);
    expect(codeOf(await call(projector, "start", { gameId: game.gameId }))).toBe("ok");
    await opened;
    expect(codeOf(await call(phone.socket, "answer", { questionIndex: 0, optionIds: ["b"] }))).toBe("ok");

    const other = await connectHost(server.url, await signInOtherInstructor(server.url, "Neighbour"));
    const theirs = expectOk(
      await call<{ gameId: string }>(other, "create", { deckId: await builtinDeckId(server.url, game.cookie) }),
    );
    expect(codeOf(await call(other, "lock", { gameId: theirs.gameId, locked: true }))).toBe("ok");
    [projector, reloader, other, phone.socket, game.host].forEach((s) => s.close());
  });

  it("R-ANSWER-ORDER R-RATE-LIMIT: over its answer limit a socket still gets INVALID_PAYLOAD first, then RATE_LIMITED before every other code", async () => {
    const game = await hostGame(server.url);
    const xena = await joinPhone(server.url, game.pin, "Xena");
    const yuri = await joinPhone(server.url, game.pin, "Yuri");
    const opened = [xena, yuri].map((p) => p.inbox.untilView<PlayerView>((v) => v.phase === "question", p.inbox.size));
    expectOk(await call(game.host, "start", { gameId: game.gameId }));
    await Promise.all(opened);
    const answer = (socket: PlayClient, questionIndex: number, optionIds: string[]) =>
      call(socket, "answer", { questionIndex, optionIds }).then(codeOf);

    // Below the limit, the usual order (question 1 is single choice with options a–d).
    expect(await answer(xena.socket, 0, ["e"])).toBe("INVALID_PAYLOAD");
    expect(await answer(xena.socket, 1, ["a"])).toBe("WRONG_PHASE");
    expect(await answer(xena.socket, 0, ["b"])).toBe("ok");
    expect(await answer(xena.socket, 0, ["a"])).toBe("ALREADY_ANSWERED");
    await pause(game, [xena, yuri], "pause");
    expect(await answer(xena.socket, 0, ["a"])).toBe("ALREADY_ANSWERED");
    expect(await answer(yuri.socket, 0, ["a"])).toBe("PAUSED");
    await pause(game, [xena, yuri], "resume");

    // Over the limit (10 per 5 s per socket), on fresh sockets so the window starts now.
    const xenaFlood = await connectPlayer(server.url);
    expectOk(await call(xenaFlood, "rejoin", { token: xena.token }));
    const well = { questionIndex: 0, optionIds: ["a"] };
    const codes = await burst(xenaFlood, "answer", [
      ...Array(10).fill(well),
      { questionIndex: 0, optionIds: ["e"] }, // not one of this question's options
      { questionIndex: 0, optionIds: ["a", "b"] }, // two options on a single-choice question
      { questionIndex: 0, optionIds: ["z"] }, // not an option id at all
      well, // already answered: the limit comes first
      { questionIndex: 1, optionIds: ["a"] }, // not open yet: the limit comes first
    ]);
    expect(codes).toEqual([
      ...Array(10).fill("ALREADY_ANSWERED"),
      "INVALID_PAYLOAD",
      "INVALID_PAYLOAD",
      "INVALID_PAYLOAD",
      "RATE_LIMITED",
      "RATE_LIMITED",
    ]);

    // A player who has not answered: the refused answer is not taken.
    const yuriFlood = await connectPlayer(server.url);
    expectOk(await call(yuriFlood, "rejoin", { token: yuri.token }));
    const yuriCodes = await burst(yuriFlood, "answer", [
      ...Array(10).fill({ questionIndex: 1, optionIds: ["a"] }),
      { questionIndex: 0, optionIds: ["c"] },
    ]);
    expect(yuriCodes).toEqual([...Array(10).fill("WRONG_PHASE"), "RATE_LIMITED"]);
    const yuriView = expectOk(await call<{ state: PlayerView }>(yuri.socket, "rejoin", { token: yuri.token })).state;
    expect(yuriView.phase === "question" && yuriView.answeredOptionIds).toBeNull();

    // Below the limit again (Yuri's first socket): after the question, LATE; a given answer stands.
    const revealed = yuri.inbox.untilView<PlayerView>((v) => v.phase === "reveal", yuri.inbox.size);
    expectOk(await call(game.host, "skip", { gameId: game.gameId }));
    await revealed;
    expect(await answer(yuri.socket, 0, ["a"])).toBe("LATE");
    expect(await answer(xena.socket, 0, ["a"])).toBe("ALREADY_ANSWERED");
    [xena.socket, yuri.socket, xenaFlood, yuriFlood, game.host].forEach((s) => s.close());
  });
});

describe("rate limits: a full game behind one address", () => {
  /**
   * Each student sends two counted events (the PIN check, then the join): 600 from
   * one address, more than the old flat 500 per 10 s, within the new 3 × 300 = 900.
   */
  const CAPACITY = 300;
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { MAX_PLAYERS_PER_GAME: String(CAPACITY) } });
  });
  afterAll(async () => server?.dispose());

  it("R-RATE-LIMIT: a whole game (MAX_PLAYERS_PER_GAME) checks and joins from one address at once; a flood from one socket is still cut", async () => {
    expect(joinsPerIpWindow(CAPACITY)).toBeGreaterThanOrEqual(2 * CAPACITY);
    const game = await hostGame(server.url);
    // Connected first, so that the counted events all go out in two bursts, well
    // inside one 10 s window (a connection costs nothing against the limits).
    const phones = await Promise.all(Array.from({ length: CAPACITY }, () => connectPlayer(server.url)));
    const checks = await Promise.all(phones.map(async (p) => codeOf(await call(p, "check", { pin: game.pin }))));
    const joins = await Promise.all(
      phones.map(async (p, i) => codeOf(await call(p, "join", { pin: game.pin, nickname: `student${i}` }))),
    );
    expect(count(checks, "ok")).toBe(CAPACITY);
    expect(count(joins, "ok")).toBe(CAPACITY);
    expect(expectOk(await call<{ state: HostView }>(game.host, "attach", { gameId: game.gameId })).state).toMatchObject(
      { playerCount: CAPACITY },
    );

    // The game is full: the next phone learns that, not RATE_LIMITED; one socket
    // asking over and over is cut after 8 in 10 s, whatever the address may still send.
    const flooder = await connectPlayer(server.url);
    const flood = await burst(flooder, "check", Array(12).fill({ pin: game.pin }));
    expect(flood).toEqual([...Array(8).fill("GAME_FULL"), ...Array(4).fill("RATE_LIMITED")]);
    [flooder, game.host, ...phones].forEach((s) => s.close());
  });
});

/** Pauses or resumes, and waits until every phone has seen it. */
async function pause(game: Awaited<ReturnType<typeof hostGame>>, phones: Phone[], event: "pause" | "resume") {
  const seen = phones.map((p) => p.inbox.untilView<PlayerView>((v) => v.paused === (event === "pause"), p.inbox.size));
  expectOk(await call(game.host, event, { gameId: game.gameId }));
  await Promise.all(seen);
}

async function builtinDeckId(url: string, cookie: string): Promise<string> {
  const res = await api(url, "/api/decks", { cookie });
  const decks = (await res.json()) as { id: string; builtin: boolean }[];
  const deck = decks.find((d) => d.builtin);
  if (!deck) throw new Error("no built-in deck");
  return deck.id;
}
