// GameRoom without a network: an in-memory store whose writes can be held back or
// fail, a recording output and a clock that moves with the fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RECONNECT_GRACE_MS } from "../../server/game/engine";
import type { GameState } from "../../server/game/types";
import {
  GameRoom,
  HEARTBEAT_MS,
  HOST_UPDATE_INTERVAL_MS,
  LOBBY_UPDATE_INTERVAL_MS,
  PHONE_VIEWS_PER_TURN,
  type RoomOutput,
} from "../../server/live/game-room";
import { hashToken } from "../../server/live/tokens";
import { game, must, question, withPlayers } from "./helpers";
import { advance, busy, FakeClock, FakeStore, RecordingOutput, settle, settled, track } from "./support/fakes";

const T0 = 1_700_000_000_000;
const LIMIT_MS = 20_000;
const JOIN_URL = "https://quiz.test/join?pin=123456";

interface LogLine {
  message: string;
  error: unknown;
}

function setup(state: GameState = withPlayers(game(), ["ann", "bob"], T0), output?: RoomOutput) {
  const journal: string[] = [];
  const store = new FakeStore(journal);
  store.seed(state);
  const recorder = new RecordingOutput(journal);
  const clock = new FakeClock();
  const logs: LogLine[] = [];
  const room = new GameRoom(state, {
    store,
    output: output ?? recorder,
    clock,
    joinUrl: JOIN_URL,
    log: (message, error) => logs.push({ message, error }),
  });
  return { room, store, output: recorder, clock, logs, journal };
}

/** A room whose first question opened at T0 (the start written and broadcast). */
async function started(names = ["ann", "bob"]) {
  const env = setup(withPlayers(game(), names, T0));
  expect(await env.room.command({ type: "start" })).toEqual({ ok: true });
  env.journal.length = 0;
  return env;
}

const answerOf = (room: GameRoom, playerId: string, questionIndex = 0) =>
  room.snapshot().answers[questionIndex]?.[playerId];

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("game room: answers", () => {
  it("R-PERSIST-BEFORE-ACK: the ack waits until the store has written the answer", async () => {
    const { room, store, journal } = await started();
    store.hold("insertAnswers");
    const ack = track(room.answer("ann", 0, ["b"]).then((r) => (journal.push("ack"), r)));
    await advance(3000);
    expect(store.callsTo("insertAnswers")).toEqual([
      [[{ gameId: "g1", playerId: "ann", questionIndex: 0, optionIds: ["b"], timeMs: 0 }]],
    ]);
    expect(ack.done).toBe(false);
    store.release("insertAnswers");
    await settle();
    expect(ack.value).toEqual({ ok: true });
    expect(journal.indexOf("insertAnswers:ann@0")).toBeLessThan(journal.indexOf("ack"));
  });

  it("R-PERSIST-BEFORE-ACK, R-DB-BUSY: a failed insert refuses the answer with UNAVAILABLE and takes it back", async () => {
    const { room, store, logs } = await started();
    store.fail("insertAnswers", 1);
    expect(await settled(room.answer("ann", 0, ["b"]))).toEqual({ ok: false, code: "UNAVAILABLE" });
    expect(answerOf(room, "ann")).toBeUndefined();
    expect(logs).toContainEqual({ message: "game g1: answer not stored, refused", error: busy() });
    // Taken back, so the player may answer again.
    await advance(1000);
    expect(await settled(room.answer("ann", 0, ["c"]))).toEqual({ ok: true });
    expect(answerOf(room, "ann")).toEqual({ optionIds: ["c"], timeMs: 1000 });
    expect(store.answers).toEqual([
      { gameId: "g1", playerId: "ann", questionIndex: 0, optionIds: ["c"], timeMs: 1000 },
    ]);
  });

  it("R-DB-BUSY: the host sees an answer that could not be written leave the count", async () => {
    const { room, store, output } = await started();
    store.hold("insertAnswers");
    const ack = track(room.answer("ann", 0, ["b"]));
    await advance(HOST_UPDATE_INTERVAL_MS);
    expect(output.lastHost()?.answeredCount).toBe(1);
    store.release("insertAnswers", busy());
    await advance(HOST_UPDATE_INTERVAL_MS);
    expect(ack.value).toEqual({ ok: false, code: "UNAVAILABLE" });
    expect(output.lastHost()?.answeredCount).toBe(0);
  });

  it("R-ANSWER-ORDER: the transport's rateLimited flag reaches the engine, after INVALID_PAYLOAD", async () => {
    const { room, store } = await started();
    expect(await settled(room.answer("ann", 0, ["b"], true))).toEqual({ ok: false, code: "RATE_LIMITED" });
    expect(await settled(room.answer("ann", 0, ["z"], true))).toEqual({ ok: false, code: "INVALID_PAYLOAD" });
    expect(store.callsTo("insertAnswers")).toEqual([]);
    expect(await settled(room.answer("ann", 0, ["b"]))).toEqual({ ok: true });
  });

  it("R-ANSWER-ONCE, R-WRONG-PHASE: a refused answer is never written", async () => {
    const { room, store } = setup();
    expect(await settled(room.answer("ann", 0, ["b"]))).toEqual({ ok: false, code: "WRONG_PHASE" });
    await room.command({ type: "start" });
    expect(await settled(room.answer("ann", 0, ["b"]))).toEqual({ ok: true });
    expect(await settled(room.answer("ann", 0, ["c"]))).toEqual({ ok: false, code: "ALREADY_ANSWERED" });
    expect(store.callsTo("insertAnswers")).toHaveLength(1);
  });

  it("R-SCORE-SPEED: an answer's time is when it arrived, not when its turn in the queue came", async () => {
    const { room, store } = await started(["ann", "bob"]);
    await advance(1000);
    store.hold("insertPlayers");
    const join = track(room.join("Cat", "cat"));
    await settle();
    const ack = track(room.answer("ann", 0, ["b"]));
    await advance(4000);
    store.release("insertPlayers");
    await settle();
    expect(join.value).toMatchObject({ ok: true });
    expect(ack.value).toEqual({ ok: true });
    expect(answerOf(room, "ann")).toEqual({ optionIds: ["b"], timeMs: 1000 });
  });

  it("R-PERSIST-BEFORE-ACK: answers that arrive together are written in one insert", async () => {
    const { room, store } = await started(["ann", "bob", "cat"]);
    const acks = [track(room.answer("ann", 0, ["a"])), track(room.answer("bob", 0, ["b"]))];
    await settle();
    expect(acks.map((a) => a.value)).toEqual([{ ok: true }, { ok: true }]);
    expect(store.callsTo("insertAnswers").map(([rows]) => rows.map((r) => r.playerId))).toEqual([["ann", "bob"]]);
  });
});

describe("game room: closing a question", () => {
  it("R-AUTO-CLOSE: not on an answer the store has not written; right after the last one lands", async () => {
    const { room, store, journal } = await started();
    expect(await settled(room.answer("ann", 0, ["b"]))).toEqual({ ok: true });
    expect(room.phase).toBe("question");
    store.hold("insertAnswers");
    const ack = track(room.answer("bob", 0, ["a"]));
    await advance(2000);
    expect(room.phase).toBe("question");
    expect(store.callsTo("saveStandings")).toEqual([]);
    store.release("insertAnswers");
    await settle();
    expect(ack.value).toEqual({ ok: true });
    expect(room.phase).toBe("reveal");
    expect(journal.filter((line) => !/^(host|heartbeat)/.test(line)).slice(0, 4)).toEqual([
      "insertAnswers:ann@0",
      "insertAnswers:bob@0",
      "saveStandings:0",
      "savePhase:reveal",
    ]);
  });

  it("R-AUTO-CLOSE, R-DB-BUSY: a question never closes on an answer whose write failed", async () => {
    const { room, store } = await started(["ann"]);
    store.fail("insertAnswers", 1);
    expect(await settled(room.answer("ann", 0, ["b"]))).toEqual({ ok: false, code: "UNAVAILABLE" });
    expect(room.phase).toBe("question");
    expect(await settled(room.answer("ann", 0, ["b"]))).toEqual({ ok: true });
    expect(room.phase).toBe("reveal");
  });

  it("R-AUTO-CLOSE, R-DEADLINE: the deadline timer closes the question at its deadline", async () => {
    const { room, store, output } = await started();
    expect(await settled(room.answer("ann", 0, ["b"]))).toEqual({ ok: true });
    await advance(LIMIT_MS - 1);
    expect(room.phase).toBe("question");
    await advance(10);
    expect(room.phase).toBe("reveal");
    expect(store.game("g1").phase).toBe("reveal");
    expect(output.viewsOf("bob").at(-1)).toMatchObject({ phase: "reveal", answeredOptionIds: null, points: 0 });
    expect(output.viewsOf("ann").at(-1)).toMatchObject({ phase: "reveal", correct: true, points: 1000 });
  });

  it("R-AUTO-CLOSE: a deadline timer that fires before the clock reaches the deadline waits for it", async () => {
    const { room, clock } = await started();
    clock.lag = 100;
    await advance(LIMIT_MS + 10);
    expect(room.phase).toBe("question");
    await advance(100);
    expect(room.phase).toBe("reveal");
  });

  it("R-AUTO-CLOSE, R-DB-BUSY: an answer whose write fails at the deadline is not scored", async () => {
    const { room, store, output } = await started(["ann"]);
    await advance(LIMIT_MS - 10);
    store.hold("insertAnswers");
    const ack = track(room.answer("ann", 0, ["b"]));
    await advance(100);
    // The deadline has passed; its tick waits for the answer's write to settle.
    expect(room.phase).toBe("question");
    store.release("insertAnswers", busy());
    await settle();
    expect(ack.value).toEqual({ ok: false, code: "UNAVAILABLE" });
    expect(room.phase).toBe("reveal");
    expect(room.snapshot().players.ann?.score).toBe(0);
    expect(output.viewsOf("ann").at(-1)).toMatchObject({ phase: "reveal", answeredOptionIds: null, correct: false });
  });

  it("R-AUTO-CLOSE, R-DB-BUSY: a kick does not close the question on an answer whose write then fails", async () => {
    const { room, store } = await started(["ann", "bob"]);
    store.hold("insertAnswers");
    const ack = track(room.answer("bob", 0, ["b"]));
    await settle();
    const kick = track(room.command({ type: "kick", playerId: "ann" }));
    await settle();
    expect(kick.done).toBe(false);
    store.release("insertAnswers", busy());
    await settle();
    expect(ack.value).toEqual({ ok: false, code: "UNAVAILABLE" });
    expect(kick.value).toEqual({ ok: true });
    expect(room.phase).toBe("question");
    expect(await settled(room.answer("bob", 0, ["b"]))).toEqual({ ok: true });
    expect(room.phase).toBe("reveal");
  });

  it("R-AUTO-CLOSE: a dropped phone counts as connected until the reconnect grace ends", async () => {
    const { room, output } = await started();
    expect(await settled(room.answer("ann", 0, ["b"]))).toEqual({ ok: true });
    await room.disconnect("bob");
    await advance(HOST_UPDATE_INTERVAL_MS);
    expect(output.lastHost()?.connectedCount).toBe(1);
    await advance(RECONNECT_GRACE_MS - HOST_UPDATE_INTERVAL_MS - 1);
    expect(room.phase).toBe("question");
    await advance(20);
    expect(room.phase).toBe("reveal");
  });

  it("R-AUTO-CLOSE: a socket that came back before the disconnect's turn keeps its player connected", async () => {
    const { room } = await started();
    expect(await settled(room.answer("ann", 0, ["b"]))).toEqual({ ok: true });
    await room.disconnect("bob", () => false);
    expect(room.snapshot().players.bob?.connected).toBe(true);
    await advance(RECONNECT_GRACE_MS * 2);
    expect(room.phase).toBe("question");
  });

  it("R-AUTO-CLOSE: a disconnect waits for the answers already accepted to settle", async () => {
    const { room, store } = await started();
    store.hold("insertAnswers");
    track(room.answer("ann", 0, ["b"]));
    await settle();
    const gone = track(room.disconnect("bob"));
    await settle();
    expect(gone.done).toBe(false);
    store.release("insertAnswers");
    await settle();
    expect(gone.done).toBe(true);
    expect(room.snapshot().players.bob?.connected).toBe(false);
  });

  it("R-REJOIN: disconnects and rejoins of unknown or kicked players change nothing", async () => {
    const { room, store } = await started();
    await expect(room.disconnect("nobody")).resolves.toBeUndefined();
    expect(await room.rejoin("nobody")).toEqual({ ok: false, code: "NOT_FOUND" });
    await room.command({ type: "kick", playerId: "bob" });
    expect(await room.rejoin("bob")).toEqual({ ok: false, code: "KICKED" });
    await room.disconnect("ann");
    expect(await room.rejoin("ann")).toMatchObject({ ok: true, state: { phase: "question", nickname: "ann" } });
    expect(store.callsTo("savePhase")).toHaveLength(1);
  });

  it("R-REJOIN: a rejoin of a player still connected changes nothing and shows the host nothing new", async () => {
    const { room, store, output } = await started();
    await advance(HOST_UPDATE_INTERVAL_MS);
    const hosts = output.hosts.length;
    expect(await room.rejoin("ann")).toMatchObject({ ok: true, state: { phase: "question" } });
    await advance(HOST_UPDATE_INTERVAL_MS);
    expect(output.hosts).toHaveLength(hosts);
    expect(store.calls).toHaveLength(1);
  });

  it("R-REJOIN, R-AUTO-CLOSE: a rejoin does not close the question on an answer whose write then fails", async () => {
    const { room, store } = await started(["ann", "bob"]);
    expect(await settled(room.answer("bob", 0, ["b"]))).toEqual({ ok: true });
    await room.disconnect("bob");
    await advance(RECONNECT_GRACE_MS + 20);
    expect(room.phase).toBe("question");
    store.hold("insertAnswers");
    const ack = track(room.answer("ann", 0, ["b"]));
    await settle();
    const back = track(room.rejoin("bob"));
    await settle();
    store.release("insertAnswers", busy());
    await settle();
    expect(ack.value).toEqual({ ok: false, code: "UNAVAILABLE" });
    expect(back.value).toMatchObject({ ok: true });
    expect(room.phase).toBe("question");
    expect(room.snapshot().players.ann?.score).toBe(0);
  });
});

describe("game room: commit order", () => {
  it("R-PERSIST-BEFORE-ACK: a phase change writes the answers, then the standings and phase, then shows the views", async () => {
    const { room, store, journal } = await started(["ann", "bob"]);
    store.hold("insertAnswers");
    const ack = track(room.answer("ann", 0, ["b"]));
    await settle();
    const skip = track(room.command({ type: "skip" }));
    await settle();
    expect(skip.done).toBe(false);
    store.release("insertAnswers");
    await settle();
    expect(ack.value).toEqual({ ok: true });
    expect(skip.value).toEqual({ ok: true });
    expect(journal).toEqual([
      "insertAnswers:ann@0",
      "saveStandings:0",
      "savePhase:reveal",
      "host:reveal",
      "player:ann:reveal",
      "player:bob:reveal",
    ]);
  });

  it("R-PHASES: each phase change is written with the clock as it is, then shown to every active player", async () => {
    const { room, store, output } = setup(withPlayers(game(), ["ann", "bob", "cat"], T0));
    await room.command({ type: "kick", playerId: "cat" });
    await advance(500);
    await room.command({ type: "start" });
    expect(store.callsTo("savePhase").at(-1)).toEqual([
      "g1",
      { phase: "question", questionIndex: 0, paused: false, locked: false, skipped: false, timeLeftMs: LIMIT_MS },
      new Date(T0 + 500),
    ]);
    expect(output.lastHost()).toMatchObject({ phase: "question", joinUrl: JOIN_URL });
    expect(output.players.map((p) => [p.playerId, p.view.phase])).toEqual([
      ["ann", "question"],
      ["bob", "question"],
    ]);
    await advance(3000);
    await room.command({ type: "pause" });
    expect(store.callsTo("savePhase").at(-1)?.[1]).toMatchObject({ paused: true, timeLeftMs: LIMIT_MS - 3000 });
    await room.command({ type: "end" });
    expect(store.callsTo("savePhase").at(-1)).toEqual([
      "g1",
      { phase: "ended", questionIndex: 0, paused: false, locked: false, skipped: false, timeLeftMs: null },
      new Date(T0 + 3500),
    ]);
    expect(output.viewsOf("ann").at(-1)?.phase).toBe("ended");
  });

  it("R-WRONG-PHASE: a refused host command writes and shows nothing", async () => {
    const { room, store, output } = setup();
    expect(await room.command({ type: "next" })).toEqual({ ok: false, code: "WRONG_PHASE" });
    await advance(LOBBY_UPDATE_INTERVAL_MS);
    expect(store.calls).toEqual([]);
    expect(output.hosts).toEqual([]);
  });

  it("R-RESTART, R-KICK: the standings of a closed question are saved for the players not kicked", async () => {
    const { room, store } = setup(withPlayers(game(), ["ann", "bob", "cat"], T0));
    await room.command({ type: "start" });
    await room.command({ type: "kick", playerId: "cat" });
    await advance(1000);
    expect(await settled(room.answer("ann", 0, ["b"]))).toEqual({ ok: true });
    expect(await settled(room.answer("bob", 0, ["a"]))).toEqual({ ok: true });
    expect(store.callsTo("saveStandings")).toEqual([
      [
        "g1",
        0,
        false,
        [
          { playerId: "ann", score: 975, rank: 1, streak: 1, correct: true, points: 975, bonus: 0 },
          { playerId: "bob", score: 0, rank: 2, streak: 0, correct: false, points: 0, bonus: 0 },
        ],
      ],
    ]);
  });

  it("R-SKIP: a skipped question's standings are saved as skipped", async () => {
    const { room, store } = await started(["ann"]);
    await room.command({ type: "skip" });
    expect(store.callsTo("saveStandings")[0]?.slice(0, 3)).toEqual(["g1", 0, true]);
    expect(store.game("g1").skipped).toBe(true);
  });

  it("R-KICK: a kicked player is told, stored as kicked, and shown no more views", async () => {
    const { room, store, output, journal } = await started();
    expect(await room.command({ type: "kick", playerId: "bob" })).toEqual({ ok: true });
    expect(output.kicks).toEqual(["bob"]);
    expect(journal.slice(0, 2)).toEqual(["kicked:bob", "kickPlayer:bob"]);
    expect(store.players.find((p) => p.id === "bob")?.kicked).toBe(true);
    output.players.length = 0;
    await room.command({ type: "skip" });
    expect(output.players.map((p) => p.playerId)).toEqual(["ann"]);
    expect(output.players.map((p) => p.playerId)).not.toContain("bob");
    expect(await room.command({ type: "kick", playerId: "bob" })).toEqual({ ok: false, code: "NOT_FOUND" });
  });
});

describe("game room: a host command's expected state", () => {
  /** A room at the reveal of question 0 (skipped), with the host's expect for it. */
  async function atReveal() {
    const env = await started(["ann", "bob"]);
    expect(await env.room.command({ type: "skip" })).toEqual({ ok: true });
    env.store.calls.length = 0;
    env.output.hosts.length = 0;
    return { ...env, expect: { phase: "reveal", questionIndex: 0 } as const };
  }

  it("R-WRONG-PHASE: two `next` sent at once from the same reveal advance once; the leaderboard is not skipped", async () => {
    const { room, store, output, expect: seen } = await atReveal();
    // Both are asked before either runs: a check made outside the queue would let both through.
    const [first, second] = await Promise.all([
      room.command({ type: "next" }, seen),
      room.command({ type: "next" }, seen),
    ]);
    expect([first, second]).toEqual([{ ok: true }, { ok: false, code: "WRONG_PHASE" }]);
    expect([room.phase, room.snapshot().questionIndex]).toEqual(["leaderboard", 0]);
    expect(store.callsTo("savePhase").map(([, snapshot]) => snapshot.phase)).toEqual(["leaderboard"]);
    expect(output.hosts.map((view) => view.phase)).toEqual(["leaderboard"]);
  });

  it("R-WRONG-PHASE: a command whose expect names another phase or question writes and shows nothing", async () => {
    const { room, store, output } = await atReveal();
    const refusals = [
      room.command({ type: "next" }, { phase: "leaderboard", questionIndex: 0 }),
      room.command({ type: "next" }, { phase: "reveal", questionIndex: 1 }),
      room.command({ type: "end" }, { phase: "question", questionIndex: 0 }),
      room.command({ type: "lock", locked: true }, { phase: "lobby", questionIndex: -1 }),
      room.command({ type: "kick", playerId: "bob" }, { phase: "question", questionIndex: 0 }),
    ];
    for (const result of await Promise.all(refusals)) expect(result).toEqual({ ok: false, code: "WRONG_PHASE" });
    await advance(HOST_UPDATE_INTERVAL_MS);
    expect(store.calls).toEqual([]);
    expect(output.hosts).toEqual([]);
    expect(output.kicks).toEqual([]);
    expect([room.phase, room.snapshot().locked]).toEqual(["reveal", false]);
  });

  it("R-WRONG-PHASE: a matching expect lets every command through, the lobby's as -1", async () => {
    const { room } = setup();
    expect(await room.command({ type: "lock", locked: true }, { phase: "lobby", questionIndex: -1 })).toEqual({
      ok: true,
    });
    expect(await room.command({ type: "lock", locked: false }, { phase: "lobby", questionIndex: -1 })).toEqual({
      ok: true,
    });
    expect(await room.command({ type: "start" }, { phase: "lobby", questionIndex: -1 })).toEqual({ ok: true });
    expect(await room.command({ type: "pause" }, { phase: "question", questionIndex: 0 })).toEqual({ ok: true });
    expect(await room.command({ type: "resume" }, { phase: "question", questionIndex: 0 })).toEqual({ ok: true });
    expect(await room.command({ type: "kick", playerId: "bob" }, { phase: "question", questionIndex: 0 })).toEqual({
      ok: true,
    });
    expect(await room.command({ type: "skip" }, { phase: "question", questionIndex: 0 })).toEqual({ ok: true });
    expect(await room.command({ type: "end" }, { phase: "reveal", questionIndex: 0 })).toEqual({ ok: true });
    expect(room.phase).toBe("ended");
  });

  it("without expect (an older client) two `next` both run, as before: reveal → leaderboard → question 1", async () => {
    const { room } = await atReveal();
    const results = await Promise.all([room.command({ type: "next" }), room.command({ type: "next" })]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    expect([room.phase, room.snapshot().questionIndex]).toEqual(["question", 1]);
  });
});

describe("game room: joins", () => {
  it("R-JOIN: a join stores the player with its token's hash before it answers", async () => {
    const { room, store } = setup(game());
    const result = await settled(room.join("Ann", "ann"));
    if (!result.ok) throw new Error(result.code);
    expect(result.state).toMatchObject({ phase: "lobby", nickname: "Ann", playerCount: 1 });
    expect(store.callsTo("insertPlayers")).toEqual([
      [
        [
          {
            id: result.playerId,
            gameId: "g1",
            nickname: "Ann",
            nicknameKey: "ann",
            tokenHash: hashToken(result.token),
          },
        ],
      ],
    ]);
    expect(room.snapshot().players[result.playerId]?.nickname).toBe("Ann");
  });

  it("R-JOIN: a refused join stores nothing", async () => {
    const { room, store } = setup();
    expect(await settled(room.join("ANN", "ann"))).toEqual({ ok: false, code: "NICKNAME_TAKEN" });
    await room.command({ type: "lock", locked: true });
    expect(await settled(room.join("Dan", "dan"))).toEqual({ ok: false, code: "LOCKED" });
    expect(store.callsTo("insertPlayers")).toEqual([]);
  });

  it("R-PERSIST-BEFORE-ACK: joins that arrive together are stored in one insert, each acked once it lands", async () => {
    const { room, store } = setup(game());
    store.hold("insertPlayers");
    const joins = ["Ann", "Bob", "Cat"].map((name) => track(room.join(name, name.toLowerCase())));
    await settle();
    expect(store.callsTo("insertPlayers").map(([rows]) => rows.map((r) => r.nickname))).toEqual([
      ["Ann", "Bob", "Cat"],
    ]);
    expect(joins.some((j) => j.done)).toBe(false);
    expect(room.snapshot().players).toEqual({});
    store.release("insertPlayers");
    await settle();
    expect(joins.map((j) => j.value)).toEqual([
      expect.objectContaining({ ok: true }),
      expect.objectContaining({ ok: true }),
      expect.objectContaining({ ok: true }),
    ]);
    expect(Object.values(room.snapshot().players).map((p) => p.nickname)).toEqual(["Ann", "Bob", "Cat"]);
  });

  it("R-JOIN: a join being stored holds its nickname and its place", async () => {
    const { room, store } = setup({ ...game(), maxPlayers: 2 });
    store.hold("insertPlayers");
    const ann = track(room.join("Ann", "ann"));
    await settle();
    expect(await settled(room.join("ANN", "ann"))).toEqual({ ok: false, code: "NICKNAME_TAKEN" });
    const bob = track(room.join("Bob", "bob"));
    await settle();
    expect(room.admission()).toBe("GAME_FULL");
    expect(await settled(room.join("Cat", "cat"))).toEqual({ ok: false, code: "GAME_FULL" });
    store.release("insertPlayers");
    await settle();
    expect([ann.value, bob.value]).toEqual([
      expect.objectContaining({ ok: true }),
      expect.objectContaining({ ok: true }),
    ]);
    expect(store.players.map((p) => p.nickname)).toEqual(["Ann", "Bob"]);
  });

  it("R-LOCK: a lobby locked while a join is stored refuses it, and its stored row is marked removed", async () => {
    const { room, store } = setup(game());
    store.hold("insertPlayers");
    const ann = track(room.join("Ann", "ann"));
    await settle();
    expect(await room.command({ type: "lock", locked: true })).toEqual({ ok: true });
    store.release("insertPlayers");
    await settle();
    expect(ann.value).toEqual({ ok: false, code: "LOCKED" });
    expect(room.snapshot().players).toEqual({});
    expect(store.players.map((p) => [p.nickname, p.kicked])).toEqual([["Ann", true]]);
  });

  it("R-DB-BUSY: a failed insert refuses every join of its batch, whose nicknames are free again", async () => {
    const { room, store } = setup(game());
    store.hold("insertPlayers");
    const joins = [track(room.join("Ann", "ann")), track(room.join("Bob", "bob"))];
    await settle();
    store.release("insertPlayers", busy());
    await settle();
    expect(joins.map((j) => j.value)).toEqual([
      { ok: false, code: "UNAVAILABLE" },
      { ok: false, code: "UNAVAILABLE" },
    ]);
    expect(room.admission()).toBeNull();
    expect(await settled(room.join("Ann", "ann"))).toMatchObject({ ok: true });
  });

  it("R-DB-BUSY: a join the store cannot write is refused with UNAVAILABLE and leaves no player", async () => {
    const { room, store, logs } = setup(game());
    store.fail("insertPlayers", 1);
    expect(await settled(room.join("Ann", "ann"))).toEqual({ ok: false, code: "UNAVAILABLE" });
    expect(room.snapshot().players).toEqual({});
    expect([room.hostView().playerCount, room.snapshot().nextSeq]).toEqual([0, 0]);
    expect(logs).toEqual([{ message: "game g1: could not store player", error: busy() }]);
    expect(await settled(room.join("Ann", "ann"))).toMatchObject({ ok: true });
  });

  it("R-LATE-JOIN: a join during a question receives the question at once", async () => {
    const { room, output } = await started();
    output.players.length = 0;
    const result = await settled(room.join("Dan", "dan"));
    expect(result).toMatchObject({ ok: true, state: { phase: "question", playerCount: 3 } });
    await advance(HOST_UPDATE_INTERVAL_MS);
    // The heartbeat and the deadline: no lobby update waits.
    expect(vi.getTimerCount()).toBe(2);
    await advance(LOBBY_UPDATE_INTERVAL_MS * 2);
    expect(output.players).toEqual([]);
    expect(output.lastHost()?.players).toHaveLength(3);
  });

  it("R-DB-BUSY: a join waiting on the store does not bring back an answer whose write failed", async () => {
    const { room, store } = await started(["ann", "bob"]);
    store.hold("insertAnswers");
    store.hold("insertPlayers");
    const ack = track(room.answer("ann", 0, ["b"]));
    await settle();
    const join = track(room.join("Cat", "cat"));
    await settle();
    store.release("insertAnswers", busy());
    await settle();
    store.release("insertPlayers");
    await settle();
    expect(ack.value).toEqual({ ok: false, code: "UNAVAILABLE" });
    expect(join.value).toMatchObject({ ok: true });
    expect(answerOf(room, "ann")).toBeUndefined();
    expect(await settled(room.answer("ann", 0, ["b"]))).toEqual({ ok: true });
  });

  it("R-LATE-JOIN: phones in the lobby see the player count grow, at most every LOBBY_UPDATE_INTERVAL_MS", async () => {
    const { room, output } = setup(game());
    const ann = await settled(room.join("Ann", "ann"));
    await advance(LOBBY_UPDATE_INTERVAL_MS - 1);
    expect(output.players).toEqual([]);
    await settled(room.join("Bob", "bob"));
    await settled(room.join("Cat", "cat"));
    await advance(1);
    expect(output.players.map((p) => p.view)).toEqual([
      expect.objectContaining({ phase: "lobby", playerCount: 3, nickname: "Ann" }),
      expect.objectContaining({ phase: "lobby", playerCount: 3, nickname: "Bob" }),
      expect.objectContaining({ phase: "lobby", playerCount: 3, nickname: "Cat" }),
    ]);
    expect(ann.ok && output.players[0]?.playerId === ann.playerId).toBe(true);
    output.players.length = 0;
    await settled(room.join("Dan", "dan"));
    await advance(LOBBY_UPDATE_INTERVAL_MS);
    expect(output.players.map((p) => p.view.playerCount)).toEqual([4, 4, 4, 4]);
  });

  it("R-LATE-JOIN: the lobby count is not sent once the game has started, nor for a lock", async () => {
    const { room, output } = setup(game());
    await settled(room.join("Ann", "ann"));
    await room.command({ type: "start" });
    await room.command({ type: "end" });
    output.players.length = 0;
    await advance(LOBBY_UPDATE_INTERVAL_MS);
    expect(output.players).toEqual([]);
    const lobby = setup();
    await lobby.room.command({ type: "lock", locked: true });
    await advance(LOBBY_UPDATE_INTERVAL_MS);
    expect(lobby.output.players).toEqual([]);
    expect(lobby.output.lastHost()?.locked).toBe(true);
  });
});

describe("game room: host updates", () => {
  it("host views between phase changes are throttled to HOST_UPDATE_INTERVAL_MS", async () => {
    const { room, output } = setup();
    await room.command({ type: "lock", locked: true });
    await settle();
    expect(output.hosts.map((h) => h.locked)).toEqual([true]);
    await advance(100);
    await room.command({ type: "lock", locked: false });
    await room.command({ type: "lock", locked: true });
    await advance(HOST_UPDATE_INTERVAL_MS - 101);
    expect(output.hosts).toHaveLength(1);
    await advance(1);
    expect(output.hosts.map((h) => h.locked)).toEqual([true, true]);
    await advance(HOST_UPDATE_INTERVAL_MS * 4);
    await room.command({ type: "lock", locked: false });
    await settle();
    expect(output.hosts.map((h) => h.locked)).toEqual([true, true, false]);
  });

  it("the throttle follows the injected clock", async () => {
    const { room, output, clock } = setup();
    clock.lag = -10 * HOST_UPDATE_INTERVAL_MS;
    await room.command({ type: "lock", locked: true });
    await settle();
    await room.command({ type: "lock", locked: false });
    await advance(HOST_UPDATE_INTERVAL_MS - 1);
    expect(output.hosts).toHaveLength(1);
    await advance(1);
    expect(output.hosts).toHaveLength(2);
  });

  it("a phase change shows the host at once and drops the throttled update", async () => {
    const { room, output } = setup();
    await room.command({ type: "lock", locked: true });
    await settle();
    await room.command({ type: "lock", locked: false });
    await advance(10);
    await room.command({ type: "start" });
    expect(output.hosts.map((h) => h.phase)).toEqual(["lobby", "question"]);
    await advance(HOST_UPDATE_INTERVAL_MS);
    expect(output.hosts).toHaveLength(2);
    // The throttle is free again: the next change is shown.
    expect(await settled(room.answer("ann", 0, ["b"]))).toEqual({ ok: true });
    await advance(HOST_UPDATE_INTERVAL_MS);
    expect(output.lastHost()?.answeredCount).toBe(1);
  });

  it("hostView and playerView show the room's state at the clock's time", async () => {
    const { room } = await started();
    await advance(1500);
    expect(room.hostView()).toMatchObject({ gameId: "g1", phase: "question", joinUrl: JOIN_URL });
    expect(room.hostView().question?.timeLeftMs).toBe(LIMIT_MS - 1500);
    expect(room.playerView("ann")).toMatchObject({ phase: "question", question: { timeLeftMs: LIMIT_MS - 1500 } });
    expect(room.playerView("nobody")).toBeNull();
    expect([room.id, room.pin, room.ownerId]).toEqual(["g1", "123456", "u1"]);
  });
});

describe("game room: heartbeat and retries", () => {
  it("R-RESTART: the heartbeat writes the time left every HEARTBEAT_MS while a question is open and running", async () => {
    const { room, store } = setup();
    await advance(HEARTBEAT_MS * 3);
    expect(store.callsTo("heartbeat")).toEqual([]);
    await room.command({ type: "start" });
    await advance(HEARTBEAT_MS * 2);
    expect(store.callsTo("heartbeat")).toEqual([
      ["g1", LIMIT_MS - 1000, new Date(T0 + 4000)],
      ["g1", LIMIT_MS - 2000, new Date(T0 + 5000)],
    ]);
    expect(store.game("g1").timeLeftMs).toBe(LIMIT_MS - 2000);
    await room.command({ type: "pause" });
    await advance(HEARTBEAT_MS * 3);
    expect(store.callsTo("heartbeat")).toHaveLength(2);
    await room.command({ type: "resume" });
    await advance(HEARTBEAT_MS);
    expect(store.callsTo("heartbeat")).toHaveLength(3);
    await room.command({ type: "skip" });
    await advance(HEARTBEAT_MS * 3);
    expect(store.callsTo("heartbeat")).toHaveLength(3);
  });

  it("R-DB-BUSY: a failed heartbeat is logged and the next one goes on", async () => {
    const { store, logs } = await started();
    store.fail("heartbeat", 1);
    await advance(HEARTBEAT_MS * 2);
    expect(logs).toEqual([{ message: "game g1: heartbeat not stored", error: busy() }]);
    expect(store.game("g1").timeLeftMs).toBe(LIMIT_MS - 2000);
  });

  it("R-RESTART: a phase that could not be written is written by a later heartbeat", async () => {
    const { room, store, logs } = setup();
    store.fail("savePhase", 2);
    await room.command({ type: "start" });
    expect(room.phase).toBe("question");
    expect(logs).toEqual([{ message: "game g1: phase not stored, will retry", error: busy() }]);
    await advance(HEARTBEAT_MS);
    expect(store.game("g1").phase).toBe("lobby");
    await advance(HEARTBEAT_MS);
    expect(store.game("g1")).toMatchObject({ phase: "question", timeLeftMs: LIMIT_MS - 2000 });
    expect(store.callsTo("heartbeat")).toEqual([]);
    await advance(HEARTBEAT_MS);
    expect(store.callsTo("heartbeat")).toHaveLength(1);
    expect(store.callsTo("savePhase")).toHaveLength(3);
  });

  it("R-RESTART: standings that could not be written are retried by the heartbeat until they land", async () => {
    const { room, store, output, logs } = await started(["ann", "bob"]);
    store.fail("saveStandings", 2);
    await room.command({ type: "skip" });
    // The game goes on.
    expect(room.phase).toBe("reveal");
    expect(output.viewsOf("ann").at(-1)?.phase).toBe("reveal");
    expect(logs).toEqual([{ message: "game g1: questionClosed not stored, will retry", error: busy() }]);
    // A player who joined since has no result for it.
    const dan = await settled(room.join("Dan", "dan"));
    await advance(HEARTBEAT_MS);
    expect(logs.at(-1)).toEqual({ message: "game g1: retry not stored yet", error: busy() });
    await advance(HEARTBEAT_MS);
    const rows = store.standings.get("g1/0");
    expect(rows?.skipped).toBe(true);
    expect(rows?.entries.find((e) => dan.ok && e.playerId === dan.playerId)).toEqual({
      playerId: dan.ok ? dan.playerId : "",
      score: 0,
      rank: null,
      streak: 0,
      correct: false,
      points: 0,
      bonus: 0,
    });
    await advance(HEARTBEAT_MS * 3);
    expect(store.callsTo("saveStandings")).toHaveLength(3);
    expect(store.callsTo("savePhase")).toHaveLength(2);
  });

  it("R-KICK: a kick that could not be written is retried by the next heartbeat, once", async () => {
    const { room, store, logs } = await started(["ann", "bob", "cat"]);
    store.fail("kickPlayer", 1);
    await room.command({ type: "kick", playerId: "cat" });
    expect(store.players.find((p) => p.id === "cat")?.kicked).toBe(false);
    await advance(HEARTBEAT_MS);
    expect(store.players.find((p) => p.id === "cat")?.kicked).toBe(true);
    await advance(HEARTBEAT_MS * 3);
    expect(store.callsTo("kickPlayer")).toEqual([["cat"], ["cat"]]);
    expect(store.callsTo("saveStandings")).toEqual([]);
    expect(logs).toHaveLength(1);
    // The heartbeat went on as usual.
    expect(store.callsTo("heartbeat")).toHaveLength(4);
  });

  it("R-KICK: a kick that could not be written is retried, first, on later heartbeats", async () => {
    const { room, store, output, logs } = await started(["ann", "bob", "cat"]);
    store.fail("kickPlayer", 2);
    store.fail("saveStandings", 1);
    store.fail("savePhase", 1);
    await room.command({ type: "kick", playerId: "cat" });
    expect(output.kicks).toEqual(["cat"]);
    expect(logs[0]).toEqual({ message: "game g1: playerKicked not stored, will retry", error: busy() });
    await room.command({ type: "skip" });
    await advance(HEARTBEAT_MS);
    // While the kick fails, nothing after it is tried (the start and the skip wrote once each).
    expect(store.callsTo("saveStandings")).toHaveLength(1);
    expect(store.callsTo("savePhase")).toHaveLength(2);
    expect(store.game("g1").phase).toBe("question");
    await advance(HEARTBEAT_MS);
    expect(store.players.find((p) => p.id === "cat")?.kicked).toBe(true);
    expect(store.standings.has("g1/0")).toBe(true);
    expect(store.game("g1").phase).toBe("reveal");
    await advance(HEARTBEAT_MS * 3);
    expect(store.callsTo("kickPlayer")).toHaveLength(3);
    expect(store.callsTo("saveStandings")).toHaveLength(2);
    expect(store.callsTo("savePhase")).toHaveLength(3);
  });
});

describe("game room: queue and shutdown", () => {
  it("a command that throws is logged and the next commands still run", async () => {
    const output = new RecordingOutput();
    let broken = true;
    const flaky: RoomOutput = {
      host: (id, view) => output.host(id, view),
      kicked: (id) => output.kicked(id),
      player: (id, view) => {
        if (broken) throw new Error("socket gone");
        output.player(id, view);
      },
    };
    const { room, logs } = setup(undefined, flaky);
    await expect(room.command({ type: "start" })).rejects.toThrow("socket gone");
    expect(logs).toEqual([{ message: "game g1: command failed", error: new Error("socket gone") }]);
    broken = false;
    expect(await room.command({ type: "pause" })).toEqual({ ok: true });
    expect(output.viewsOf("ann").at(-1)).toMatchObject({ phase: "question", paused: true });
  });

  it("R-SHUTDOWN: close() writes the pending answers, then the phase and clock", async () => {
    const { room, store, journal } = await started();
    await advance(1000);
    const ack = track(room.answer("ann", 0, ["b"]));
    // Before the writer's own tick: close must write the answer itself.
    await Promise.resolve();
    await room.close();
    expect(journal.filter((line) => !/^(host|heartbeat)/.test(line))).toEqual([
      "insertAnswers:ann@0",
      "savePhase:question",
    ]);
    expect(store.game("g1")).toMatchObject({ phase: "question", timeLeftMs: LIMIT_MS - 1000 });
    await settle();
    expect(ack.value).toEqual({ ok: true });
  });

  it("R-SHUTDOWN: close() stops the heartbeat, the deadline and a throttled host update", async () => {
    const { room, store, output } = await started();
    await room.command({ type: "lock", locked: true });
    await room.command({ type: "lock", locked: false });
    const hosts = output.hosts.length;
    await room.close();
    expect(vi.getTimerCount()).toBe(0);
    await advance(LIMIT_MS * 2);
    expect(store.callsTo("heartbeat")).toEqual([]);
    expect(room.phase).toBe("question");
    expect(output.hosts).toHaveLength(hosts);
  });

  it("R-SHUTDOWN: close() in the lobby drops the pending lobby update", async () => {
    const { room, output } = setup(game());
    await settled(room.join("Ann", "ann"));
    await room.close();
    await advance(LOBBY_UPDATE_INTERVAL_MS * 2);
    expect(output.players).toEqual([]);
    expect(output.hosts).toEqual([]);
  });

  it("R-RESTART: persist() writes the phase and clock as they are", async () => {
    let state = withPlayers(game(), ["ann"], T0);
    state = must(must(state, { type: "start" }, T0 - 5000), { type: "pause" }, T0);
    const { room, store } = setup(state);
    await room.persist();
    expect(store.callsTo("savePhase")).toEqual([
      [
        "g1",
        { phase: "question", questionIndex: 0, paused: true, locked: false, skipped: false, timeLeftMs: 15_000 },
        new Date(T0),
      ],
    ]);
    // Paused: no deadline runs.
    await advance(LIMIT_MS * 2);
    expect(room.phase).toBe("question");
  });

  it("R-PAUSE: no deadline timer runs outside an open, running question", async () => {
    const { room } = setup();
    // The heartbeat alone.
    expect(vi.getTimerCount()).toBe(1);
    await room.command({ type: "start" });
    expect(vi.getTimerCount()).toBe(2);
    await room.command({ type: "pause" });
    await advance(HOST_UPDATE_INTERVAL_MS);
    expect(vi.getTimerCount()).toBe(1);
    await advance(LIMIT_MS * 2);
    expect(room.phase).toBe("question");
    await room.command({ type: "resume" });
    expect(vi.getTimerCount()).toBe(2);
    await room.command({ type: "skip" });
    await advance(HOST_UPDATE_INTERVAL_MS);
    expect(vi.getTimerCount()).toBe(1);
  });

  it("R-AUTO-CLOSE: a room built on a running question keeps its deadline", async () => {
    const state = must(withPlayers(game([question({ timeLimitSec: 5 })]), ["ann"], T0), { type: "start" }, T0);
    const { room } = setup(state);
    await advance(4999);
    expect(room.phase).toBe("question");
    await advance(10);
    expect(room.phase).toBe("reveal");
  });
});

describe("game room: the end", () => {
  it("the phones' final views carry each player's own review link and the questions played", async () => {
    const state = withPlayers(game([question(), question(), question()]), ["ann", "bob"], T0);
    const journal: string[] = [];
    const store = new FakeStore(journal);
    store.seed(state);
    const output = new RecordingOutput(journal);
    const room = new GameRoom(state, {
      store,
      output,
      clock: new FakeClock(),
      joinUrl: JOIN_URL,
      log: () => undefined,
      reviewUrl: (playerId) => `https://quiz.test/review/token-of-${playerId}`,
    });
    expect(await room.command({ type: "start" })).toEqual({ ok: true });
    expect(await settled(room.answer("ann", 0, ["b"]))).toEqual({ ok: true });
    expect(room.playerView("ann")).toMatchObject({ phase: "question" });
    expect(room.playerView("ann")).not.toHaveProperty("reviewUrl");
    expect(await room.command({ type: "end" })).toEqual({ ok: true });
    for (const id of ["ann", "bob"]) {
      const final = output.viewsOf(id).at(-1);
      expect(final).toMatchObject({ phase: "ended", reviewUrl: `https://quiz.test/review/token-of-${id}` });
      expect(room.playerView(id)).toEqual(final);
    }
    expect(output.viewsOf("ann").at(-1)).toMatchObject({ correctCount: 1, questionsPlayed: 1 });
    expect(output.viewsOf("bob").at(-1)).toMatchObject({ correctCount: 0, questionsPlayed: 1 });
  });

  it("without a review link maker the final view says there is none", async () => {
    const { room } = await started();
    expect(await room.command({ type: "end" })).toEqual({ ok: true });
    expect(room.playerView("ann")).toMatchObject({ phase: "ended", reviewUrl: null });
  });
});

describe("game room: the lobby lock", () => {
  it("R-LOCK, R-RESTART: locking is written before it is acknowledged, and a failed write is retried", async () => {
    const { room, store } = setup();
    expect(await room.command({ type: "lock", locked: true })).toEqual({ ok: true });
    expect(store.callsTo("savePhase").at(-1)?.[1]).toMatchObject({ phase: "lobby", locked: true });
    store.fail("savePhase", 1);
    expect(await room.command({ type: "lock", locked: false })).toEqual({ ok: true });
    const attempts = store.callsTo("savePhase").length;
    await advance(HEARTBEAT_MS);
    expect(store.callsTo("savePhase").length).toBeGreaterThan(attempts);
    expect(store.callsTo("savePhase").at(-1)?.[1]).toMatchObject({ phase: "lobby", locked: false });
  });
});

describe("game room: closed for shutdown", () => {
  it("R-SHUTDOWN: after close() nothing new is taken and nothing more is written", async () => {
    const { room, store } = await started();
    await room.close();
    const writes = store.callsTo("savePhase").length;
    expect(await settled(room.answer("ann", 0, ["b"]))).toEqual({ ok: false, code: "UNAVAILABLE" });
    expect(await settled(room.join("Cat", "cat"))).toEqual({ ok: false, code: "UNAVAILABLE" });
    expect(await room.rejoin("bob")).toEqual({ ok: false, code: "UNAVAILABLE" });
    expect(await room.command({ type: "skip" })).toEqual({ ok: false, code: "UNAVAILABLE" });
    await room.disconnect("ann");
    await room.disconnect("bob");
    await advance(LIMIT_MS + HEARTBEAT_MS * 3);
    expect(store.callsTo("savePhase")).toHaveLength(writes);
    expect(store.callsTo("insertAnswers")).toEqual([]);
    expect(room.phase).toBe("question");
  });
});

describe("game room: broadcasts to a large game (issue 17)", () => {
  const many = Array.from({ length: 2 * PHONE_VIEWS_PER_TURN + 10 }, (_, i) => `p${i}`);
  const phasesOf = (output: RecordingOutput, playerId: string) => output.viewsOf(playerId).map((v) => v.phase);
  const largeGame = () => withPlayers({ ...game(), maxPlayers: many.length + 1 }, many, T0);
  /** Lets the broadcast's later turns run, one per step of the fake clock. */
  const allTurns = async () => {
    for (let turn = 0; turn * PHONE_VIEWS_PER_TURN < many.length; turn++) await advance(1);
  };

  it("the phones' views go out a turn of the event loop at a time, every phone once", async () => {
    const { room, output } = setup(largeGame());
    expect(await room.command({ type: "start" })).toEqual({ ok: true });
    // The first turn's share is out with the command; the rest follow turn by turn.
    expect(output.players.filter((p) => p.view.phase === "question")).toHaveLength(PHONE_VIEWS_PER_TURN);
    await allTurns();
    const questionViews = output.players.filter((p) => p.view.phase === "question");
    expect(questionViews.map((p) => p.playerId)).toEqual(many);
  });

  it("a newer phase stops an older broadcast still going out: no phone sees the older view after the newer", async () => {
    const { room, output } = setup(largeGame());
    expect(await room.command({ type: "start" })).toEqual({ ok: true });
    expect(await room.command({ type: "skip" })).toEqual({ ok: true });
    await allTurns();
    for (const playerId of many) {
      const phases = phasesOf(output, playerId);
      expect(phases.at(-1), playerId).toBe("reveal");
      expect(phases.filter((phase) => phase === "reveal")).toHaveLength(1);
    }
    // The question's broadcast stopped after its first turn.
    expect(output.players.filter((p) => p.view.phase === "question")).toHaveLength(PHONE_VIEWS_PER_TURN);
  });

  it("a phone that rejoined or joined while a broadcast was going out is not sent the broadcast's older view after its own", async () => {
    const { room, output } = setup(largeGame());
    expect(await room.command({ type: "start" })).toEqual({ ok: true });
    const late = many[PHONE_VIEWS_PER_TURN + 5] ?? "";
    expect(await settled(room.rejoin(late))).toMatchObject({ ok: true, state: { phase: "question" } });
    const joined = await settled(room.join("Newcomer", "newcomer"));
    expect(joined).toMatchObject({ ok: true, state: { phase: "question" } });
    await allTurns();
    expect(output.viewsOf(late)).toEqual([]);
    expect(output.viewsOf(joined.ok ? joined.playerId : "")).toEqual([]);
    // Everyone else got the question once.
    expect(output.players.filter((p) => p.view.phase === "question")).toHaveLength(many.length - 1);
  });

  it("R-PERSIST-BEFORE-ACK: an older broadcast stops as soon as the game moves on, before the newer phase is written", async () => {
    const { room, output, store } = setup(largeGame());
    expect(await room.command({ type: "start" })).toEqual({ ok: true });
    store.hold("saveStandings");
    const skip = track(room.command({ type: "skip" }));
    await allTurns();
    expect(skip.done).toBe(false);
    // Nothing more of the question, and nothing of the reveal until it is written.
    expect(output.players.map((p) => p.view.phase)).toEqual(Array(PHONE_VIEWS_PER_TURN).fill("question"));
    store.release("saveStandings");
    await allTurns();
    expect(skip.value).toEqual({ ok: true });
    expect(output.players.filter((p) => p.view.phase === "reveal").map((p) => p.playerId)).toEqual(many);
  });
});
