// R-RESTART: kill -9 in the middle of each question, and in a reveal and a
// leaderboard; every time the game comes back as it was and goes on to the end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView, PlayerView } from "../../lib/contract";
import {
  call,
  clockOf,
  connectHost,
  connectPlayer,
  expectOk,
  nextState,
  signIn,
  type HostClient,
  type PlayClient,
} from "./support/clients";
import { waitForGameRow } from "./support/db";
import { correctIds, hostGame, joinPhone } from "./support/game";
import { DATABASES, startServer, type TestServer } from "./support/server";

/** The crash-recovery heartbeat the rule allows the restored clock to lag by. */
const HEARTBEAT_MS = 1_000;
/** A heartbeat that fires late on a busy machine: not what the test is about. */
const BUSY_SLACK_MS = 1_500;
/** Date.now() is whole milliseconds on both sides of the wire. */
const ROUNDING_MS = 5;
/** Every question of the short deck has 20 s. */
const LIMIT_MS = 20_000;

/** What must be the same before a crash and after the restart: all but the running clock. */
function lasting<V extends object>(view: V): V {
  const question = (view as { question?: unknown }).question;
  if (!question || typeof question !== "object") return view;
  const { timeLeftMs: _clock, ...rest } = question as { timeLeftMs?: number };
  return { ...view, question: rest };
}

interface Player {
  name: string;
  token: string;
  playerId: string;
  socket: PlayClient;
  latest: PlayerView;
}

describe.each(DATABASES)("restart mid-game (%s)", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ database });
  });
  afterAll(async () => server?.dispose());

  /** Kills the server the hard way and starts it again; the host reattaches. */
  async function crashAndRestart(sockets: { close(): unknown }[]) {
    // The crash falls between these two instants (stop() signals before it returns).
    const signalledAt = Date.now();
    const stopped = server.stop("SIGKILL");
    const signalledBy = Date.now();
    expect(await stopped).toBeNull();
    sockets.forEach((s) => s.close());
    await server.restart();
    const host = await connectHost(server.url, await signIn(server.url));
    return { host, signalledAt, signalledBy };
  }

  /** Phones come back with their tokens, as the same players; resolves with the rejoin views. */
  async function rejoinAll(players: Player[]): Promise<PlayerView[]> {
    return Promise.all(
      players.map(async (p) => {
        const socket = await connectPlayer(server.url);
        const back = expectOk(
          await call<{ playerId: string; state: PlayerView }>(socket, "rejoin", { token: p.token }),
        );
        expect(back.playerId).toBe(p.playerId);
        p.socket = socket;
        socket.on("state", (view) => (p.latest = view));
        return back.state;
      }),
    );
  }

  async function joinPlayers(pin: string, names: string[]): Promise<Player[]> {
    return Promise.all(
      names.map(async (name) => {
        const phone = await joinPhone(server.url, pin, name);
        const player: Player = { name, ...phone, latest: phone.latest() };
        phone.socket.on("state", (view) => (player.latest = view));
        return player;
      }),
    );
  }

  it("R-RESTART: SIGKILL in each question; it comes back paused with the time it had left, acknowledged answers stand, the game carries on", async () => {
    const game = await hostGame(server.url);
    const players = await joinPlayers(game.pin, ["Ada", "Ben", "Cho"]);
    expectOk(await call(game.host, "start", { gameId: game.gameId }));
    let host: HostClient = game.host;

    for (let index = 0; index < 3; index += 1) {
      // Two of three answer and are acknowledged.
      for (const p of players.slice(0, 2)) {
        expectOk(await call(p.socket, "answer", { questionIndex: index, optionIds: correctIds(index) }));
      }
      // A heartbeat has written the clock some way into the question (a restore that
      // starts the clock afresh would show); the crash comes long enough after it
      // that only a heartbeat as frequent as the rule's keeps the restored time close.
      await waitForGameRow(
        server.databaseUrl,
        game.gameId,
        (row) =>
          row.phase === "question" && row.questionIndex === index && (row.timeLeftMs ?? LIMIT_MS) <= LIMIT_MS - 2000,
      );
      await new Promise((r) => setTimeout(r, HEARTBEAT_MS + BUSY_SLACK_MS + 300));
      const clock = await clockOf(host, game.gameId);
      const crash = await crashAndRestart([host, ...players.map((p) => p.socket)]);
      host = crash.host;

      // The open question is back, paused, with the time it had at the crash, to a heartbeat.
      const attached = expectOk(await call<{ state: HostView }>(host, "attach", { gameId: game.gameId }));
      expect([attached.state.phase, attached.state.paused, attached.state.question?.index]).toEqual([
        "question",
        true,
        index,
      ]);
      expect(attached.state.answeredCount).toBe(2);
      const left = attached.state.question?.timeLeftMs ?? Number.NaN;
      expect(left).toBeGreaterThanOrEqual(clock.left - (crash.signalledBy - clock.askedAt) - ROUNDING_MS);
      expect(left).toBeLessThanOrEqual(clock.left - (crash.signalledAt - clock.heardAt) + HEARTBEAT_MS + BUSY_SLACK_MS);

      // Phones rejoin as the same players; an acknowledged answer still stands.
      const views = await rejoinAll(players);
      expect(views.map((v) => v.phase === "question" && v.answeredOptionIds)).toEqual([
        correctIds(index),
        correctIds(index),
        null,
      ]);
      const replay = await call(players[0]!.socket, "answer", { questionIndex: index, optionIds: ["a"] });
      expect(!replay.ok && replay.error.code).toBe("ALREADY_ANSWERED");

      expectOk(await call(host, "resume", { gameId: game.gameId }));
      const reveal = nextState<HostView>(host, (v) => v.phase === "reveal");
      expectOk(await call(players[2]!.socket, "answer", { questionIndex: index, optionIds: ["a"] }));
      const revealed = await reveal;
      expect(Object.values(revealed.optionCounts ?? {}).reduce((a, b) => a + b, 0)).toBe(index === 1 ? 5 : 3);
      expectOk(await call(host, "next", { gameId: game.gameId }));
      expectOk(await call(host, "next", { gameId: game.gameId }));
    }
    const final = expectOk(await call<{ state: HostView }>(host, "attach", { gameId: game.gameId }));
    expect(final.state.phase).toBe("ended");
    expect(final.state.leaderboard.map((e) => e.nickname)[2]).toBe("Cho");
    host.close();
    players.forEach((p) => p.socket.close());
  }, 480_000); // three restarts; on PostgreSQL each start applies migrations (~12 s, far more on a busy machine)

  it("R-RESTART: SIGKILL in a reveal, a leaderboard, a skipped reveal and the last leaderboard; each comes back as it was and the game plays to the end", async () => {
    const game = await hostGame(server.url);
    const players = await joinPlayers(game.pin, ["Dan", "Eve", "Fay"]);
    const [dan, eve, fay] = players as [Player, Player, Player];
    let host: HostClient = game.host;
    const gameId = game.gameId;

    const phaseEverywhere = async (phase: PlayerView["phase"], command: () => Promise<void>) => {
      const seen = [
        nextState<HostView>(host, (v) => v.phase === phase),
        ...players.map((p) => nextState<PlayerView>(p.socket, (v) => v.phase === phase)),
      ];
      await command();
      await Promise.all(seen);
    };
    const next = (phase: PlayerView["phase"]) =>
      phaseEverywhere(phase, async () => void expectOk(await call(host, "next", { gameId })));

    /** Crashes in the current phase; after the restart every view is as it was. */
    const crashHere = async (phase: PlayerView["phase"], questionIndex: number) => {
      const before = expectOk(await call<{ state: HostView }>(host, "attach", { gameId })).state;
      expect([before.phase, before.question?.index]).toEqual([phase, questionIndex]);
      const phonesBefore = players.map((p) => p.latest);
      expect(phonesBefore.map((v) => v.phase)).toEqual(players.map(() => phase));

      host = (await crashAndRestart([host, ...players.map((p) => p.socket)])).host;
      const phonesAfter = await rejoinAll(players);
      const after = expectOk(await call<{ state: HostView }>(host, "attach", { gameId })).state;
      expect(lasting(after)).toEqual(lasting(before));
      expect(phonesAfter.map(lasting)).toEqual(phonesBefore.map(lasting));
      return after;
    };

    // Question 1: Dan right and first, Eve wrong, Fay right and later.
    await phaseEverywhere("question", async () => void expectOk(await call(host, "start", { gameId })));
    expectOk(await call(dan.socket, "answer", { questionIndex: 0, optionIds: correctIds(0) }));
    expectOk(await call(eve.socket, "answer", { questionIndex: 0, optionIds: ["a"] }));
    await phaseEverywhere("reveal", async () => {
      await new Promise((r) => setTimeout(r, 600)); // Fay answers later: a different score
      expectOk(await call(fay.socket, "answer", { questionIndex: 0, optionIds: correctIds(0) }));
    });
    const reveal1 = await crashHere("reveal", 0);
    expect(reveal1.leaderboard.map((e) => [e.nickname, e.rank])).toEqual([
      ["Dan", 1],
      ["Fay", 2],
      ["Eve", 3],
    ]);
    await next("leaderboard");
    await crashHere("leaderboard", 0);

    // Question 2 is skipped after one answer: counts shown, nobody scores.
    await next("question");
    expectOk(await call(eve.socket, "answer", { questionIndex: 1, optionIds: correctIds(1) }));
    await phaseEverywhere("reveal", async () => void expectOk(await call(host, "skip", { gameId })));
    const skipped = await crashHere("reveal", 1);
    expect(skipped.skipped).toBe(true);
    expect(skipped.leaderboard.map((e) => e.score)).toEqual(reveal1.leaderboard.map((e) => e.score));
    await next("leaderboard");

    // Question 3: Eve and Fay right, Dan wrong; the last leaderboard, then the end.
    await next("question");
    expectOk(await call(dan.socket, "answer", { questionIndex: 2, optionIds: ["b"] }));
    expectOk(await call(eve.socket, "answer", { questionIndex: 2, optionIds: correctIds(2) }));
    await phaseEverywhere("reveal", async () => {
      expectOk(await call(fay.socket, "answer", { questionIndex: 2, optionIds: correctIds(2) }));
    });
    await next("leaderboard");
    const last = await crashHere("leaderboard", 2);
    await next("ended");
    const ended = expectOk(await call<{ state: HostView }>(host, "attach", { gameId })).state;
    expect(ended.leaderboard.map((e) => [e.playerId, e.score, e.rank])).toEqual(
      last.leaderboard.map((e) => [e.playerId, e.score, e.rank]),
    );
    expect(players.map((p) => p.latest.phase)).toEqual(["ended", "ended", "ended"]);
    host.close();
    players.forEach((p) => p.socket.close());
  }, 480_000); // four restarts
});
