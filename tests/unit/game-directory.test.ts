// GameDirectory: rooms by id, PIN and token; new games; running games brought back
// after a restart (R-RESTART), all over the in-memory store.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { StoredDeck } from "../../server/db/decks";
import type { StoredGame } from "../../server/db/games";
import { GameDirectory } from "../../server/live/game-directory";
import type { GameRoom } from "../../server/live/game-room";
import type * as Tokens from "../../server/live/tokens";
import { newPin, randomFraction } from "../../server/live/tokens";
import { question } from "./helpers";
import { advance, FakeClock, FakeStore, RecordingOutput, settled } from "./support/fakes";

// Real tokens, except that a test may choose the PINs drawn.
vi.mock("../../server/live/tokens", async (importOriginal) => {
  const actual = await importOriginal<typeof Tokens>();
  return { ...actual, newPin: vi.fn(actual.newPin) };
});

const T0 = 1_700_000_000_000;
const PUBLIC_URL = "https://quiz.test";

const deck: StoredDeck = {
  id: "deck-1",
  title: "Capitals",
  language: "ko",
  description: "",
  builtin: false,
  questions: [question(), question({ kind: "multiple", correct: [0, 2], timeLimitSec: 30 })],
};

/** A new room, or the test fails: for the tests about what a room does, not whether it is made. */
async function created(directory: GameDirectory, deckId = deck.id, options = {}): Promise<GameRoom> {
  const outcome = await directory.create("u1", deckId, options);
  if (!outcome.ok) throw new Error(`no room: ${outcome.code}`);
  return outcome.room;
}

function setup(store = new FakeStore(), maxPlayers = 100, random?: () => number) {
  const output = new RecordingOutput();
  const logs: string[] = [];
  const decks = {
    findVisible: vi.fn(async (ownerId: string, deckId: string) =>
      ownerId === "u1" && deckId === deck.id ? deck : null,
    ),
  };
  const directory = new GameDirectory({
    games: store,
    store,
    decks,
    output,
    clock: new FakeClock(),
    publicUrl: PUBLIC_URL,
    maxPlayers,
    log: (message) => logs.push(message),
    ...(random ? { random } : {}),
  });
  return { directory, store, output, decks, logs };
}

/** A stored game as loadRunning returns it; the test overrides what it is about. */
const stored = (overrides: Partial<StoredGame> = {}): StoredGame => ({
  id: "g1",
  pin: "123456",
  ownerId: "u1",
  deckId: deck.id,
  deckTitle: deck.title,
  language: "ko",
  questions: deck.questions,
  phase: "lobby",
  questionIndex: -1,
  paused: false,
  locked: false,
  skipped: false,
  timeLeftMs: null,
  players: [],
  answers: [],
  closedQuestions: [],
  ...overrides,
});

const players = ["ann", "bob", "cat"].map((id) => ({ id, nickname: id, nicknameKey: id, kicked: false }));
const answer = (playerId: string, questionIndex: number, optionIds: string[], timeMs: number) => ({
  gameId: "g1",
  playerId,
  questionIndex,
  optionIds,
  timeMs,
});

/** A directory restarted over one stored game: its room, written back by `persist`. */
async function restored(game: StoredGame, maxPlayers = 100) {
  const store = new FakeStore();
  vi.spyOn(store, "loadRunning").mockResolvedValue([game]);
  const env = setup(store, maxPlayers);
  expect(await env.directory.restoreRunning()).toBe(1);
  const room = env.directory.get(game.id);
  if (!room) throw new Error("not restored");
  return { ...env, room };
}

/** A new game over the in-memory store with Ann and Bob joined and its first question open. */
async function startedWithAnnAndBob() {
  const store = new FakeStore();
  const room = await created(setup(store).directory);
  const ann = await settled(room.join("Ann", "ann"));
  const bob = await settled(room.join("Bob", "bob"));
  if (!ann.ok || !bob.ok) throw new Error("join failed");
  await room.command({ type: "start" });
  return { store, room, ann, bob };
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(() => {
  vi.useRealTimers();
  vi.mocked(newPin).mockReset();
});

describe("game directory: create and find", () => {
  it("R-OWNER-ONLY: a deck the instructor cannot see creates no game", async () => {
    const { directory, store, decks } = setup();
    expect(await directory.create("u2", deck.id)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(decks.findVisible).toHaveBeenCalledWith("u2", deck.id);
    expect(store.calls).toEqual([]);
    expect(directory.size).toBe(0);
  });

  it("a new game is stored with its deck and opens in the lobby", async () => {
    vi.mocked(newPin).mockReturnValueOnce("042042");
    const { directory, store } = setup();
    const room = await created(directory);
    expect(store.callsTo("create")).toEqual([
      [
        {
          id: room.id,
          pin: "042042",
          ownerId: "u1",
          deckId: "deck-1",
          deckTitle: "Capitals",
          language: "ko",
          questions: deck.questions,
        },
      ],
    ]);
    expect([room.pin, room.ownerId, room.phase]).toEqual(["042042", "u1", "lobby"]);
    expect(room.hostView()).toMatchObject({
      joinUrl: `${PUBLIC_URL}/join?pin=042042`,
      deckTitle: "Capitals",
      language: "ko",
      questionCount: 2,
    });
    expect(directory.joinUrl("123456")).toBe(`${PUBLIC_URL}/join?pin=123456`);
    expect(directory.get(room.id)).toBe(room);
    expect(directory.get("other")).toBeUndefined();
    expect(directory.size).toBe(1);
  });

  it("R-JOIN: a new game takes at most maxPlayers", async () => {
    const { directory } = setup(new FakeStore(), 2);
    const room = await created(directory);
    expect(await settled(room.join("Ann", "ann"))).toMatchObject({ ok: true });
    expect(await settled(room.join("Bob", "bob"))).toMatchObject({ ok: true });
    expect(await settled(room.join("Cat", "cat"))).toEqual({ ok: false, code: "GAME_FULL" });
  });

  it("a new PIN avoids the PINs of the running rooms and those the store has in use", async () => {
    const store = new FakeStore();
    vi.spyOn(store, "pinInUse").mockImplementation(async (pin) => pin === "222222");
    const { directory } = setup(store);
    vi.mocked(newPin).mockReturnValueOnce("111111");
    await created(directory);
    vi.mocked(newPin).mockReturnValueOnce("111111").mockReturnValueOnce("222222").mockReturnValueOnce("333333");
    const second = await created(directory);
    expect(second.pin).toBe("333333");
    expect(store.pinInUse).toHaveBeenCalledWith("222222");
  });

  it("a PIN finds only a game that has not ended", async () => {
    const { directory } = setup();
    vi.mocked(newPin).mockReturnValueOnce("111111").mockReturnValueOnce("222222");
    const first = await created(directory);
    const second = await created(directory);
    expect(directory.findByPin("111111")).toBe(first);
    expect(directory.findByPin("222222")).toBe(second);
    expect(directory.findByPin("999999")).toBeUndefined();
    await first.command({ type: "end" });
    expect(directory.findByPin("111111")).toBeUndefined();
    expect(directory.findByPin("222222")).toBe(second);
  });

  it("R-REJOIN, R-KICK: a token finds its room and player, and says whether it was kicked", async () => {
    const { directory, store } = setup();
    const room = await created(directory);
    const ann = await settled(room.join("Ann", "ann"));
    const bob = await settled(room.join("Bob", "bob"));
    if (!ann.ok || !bob.ok) throw new Error("join failed");
    await room.command({ type: "kick", playerId: bob.playerId });
    expect(await directory.findByToken(ann.token)).toEqual({ room, playerId: ann.playerId, kicked: false });
    expect(await directory.findByToken(bob.token)).toEqual({ room, playerId: bob.playerId, kicked: true });
    expect(await directory.findByToken("not-a-token")).toBeNull();
    // A player whose game is not running here.
    store.players.push({ id: "p9", gameId: "gone", nickname: "x", nicknameKey: "x", tokenHash: "h", kicked: false });
    vi.spyOn(store, "findPlayerByTokenHash").mockResolvedValueOnce({ id: "p9", gameId: "gone", kicked: false });
    expect(await directory.findByToken("whatever")).toBeNull();
  });

  it("R-SHUTDOWN: closeAll writes every room's phase and stops its timers", async () => {
    const { directory, store } = setup();
    vi.mocked(newPin).mockReturnValueOnce("111111").mockReturnValueOnce("222222");
    const first = await created(directory);
    await created(directory);
    await settled(first.join("Ann", "ann"));
    await first.command({ type: "start" });
    store.calls.length = 0;
    await directory.closeAll();
    expect(store.callsTo("savePhase").map(([, s]) => s.phase)).toEqual(["question", "lobby"]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("game directory: hosting options", () => {
  /** Returns exactly these numbers, then fails the test: the draws a create makes. */
  const scripted = (...values: number[]) => {
    let next = 0;
    return vi.fn((): number => {
      const value = values[next++];
      if (value === undefined) throw new Error("unexpected draw");
      return value;
    });
  };

  it("the game stores and plays the questions as arranged: the chosen one, options shuffled, the time limit overridden", async () => {
    // The multiple-select question [A, B, C, D], key A and C: i=3↔0, i=2↔2, i=1↔0 → [B, D, C, A].
    const random = scripted(0.1, 0.9, 0.1);
    const { directory, store } = setup(new FakeStore(), 100, random);
    const room = await created(directory, deck.id, { questionIndexes: [1], shuffleOptions: true, timeLimitSec: 12 });
    const asked = {
      ...deck.questions[1],
      options: ["B", "D", "C", "A"],
      rationales: ["", "", "C is wrong because…", "A is wrong because…"],
      correct: [2, 3],
      timeLimitSec: 12,
    };
    expect(store.callsTo("create")[0]?.[0].questions).toEqual([asked]);
    expect(random).toHaveBeenCalledTimes(3);
    expect(room.snapshot().questions).toEqual([asked]);

    const ann = await settled(room.join("Ann", "ann"));
    if (!ann.ok) throw new Error(ann.code);
    await room.command({ type: "start" });
    const question = { options: ["B", "D", "C", "A"].map((text, i) => ({ id: "abcd"[i], text })), timeLimitMs: 12_000 };
    expect(room.hostView()).toMatchObject({ questionCount: 1, question });
    expect(room.playerView(ann.playerId)).toMatchObject({ phase: "question", question });
    // The shuffled key: C and A are now c and d.
    expect(await settled(room.answer(ann.playerId, 0, ["c", "d"]))).toEqual({ ok: true });
    expect(room.snapshot().players[ann.playerId]).toMatchObject({ correctCount: 1 });
  });

  it("an index outside the deck is INVALID_PAYLOAD, naming it; nothing is stored and no room opens", async () => {
    const { directory, store } = setup();
    expect(await directory.create("u1", deck.id, { questionIndexes: [0, 2, 7] })).toEqual({
      ok: false,
      code: "INVALID_PAYLOAD",
      outOfRange: [2, 7],
      questionCount: 2,
    });
    expect(store.calls).toEqual([]);
    expect(directory.size).toBe(0);
    // A deck the instructor cannot see is NOT_FOUND whatever the options.
    expect(await directory.create("u2", deck.id, { questionIndexes: [7] })).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("without options the deck is played as it is, and nothing is drawn", async () => {
    const random = scripted();
    const { directory } = setup(new FakeStore(), 100, random);
    const room = await created(directory);
    expect(room.snapshot().questions).toEqual(deck.questions);
    expect(random).not.toHaveBeenCalled();
  });

  it("without a source of its own, the directory shuffles with the operating system's randomness", async () => {
    const { directory } = setup();
    const orders = new Set<string>();
    for (let i = 0; i < 20; i += 1) {
      const room = await created(directory, deck.id, { shuffleOptions: true, shuffleQuestions: true });
      const asked = room.snapshot().questions;
      expect(asked.map((q) => q.kind).sort()).toEqual(["multiple", "single"]);
      orders.add(JSON.stringify(asked.map((q) => q.options)));
    }
    // 24 × 24 × 2 arrangements: twenty equal draws in a row would be a broken source.
    expect(orders.size).toBeGreaterThan(1);
  });

  it("randomFraction: uniform fractions in [0, 1)", () => {
    const draws = Array.from({ length: 2000 }, () => randomFraction());
    for (const x of draws) expect(x >= 0 && x < 1, String(x)).toBe(true);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(draws.filter((x) => x < 0.25).length).toBeGreaterThan(400);
    expect(draws.filter((x) => x >= 0.75).length).toBeGreaterThan(400);
  });
});

describe("game directory: restart", () => {
  it("R-RESTART: an open question comes back paused with the time it had left, and is written so", async () => {
    const { room, store, directory } = await restored(
      stored({
        phase: "question",
        questionIndex: 1,
        timeLeftMs: 12_000,
        locked: true,
        players,
        answers: [answer("ann", 0, ["b"], 1000), answer("ann", 1, ["a", "c"], 4000)],
        closedQuestions: [{ index: 0, skipped: false }],
      }),
    );
    expect(directory.size).toBe(1);
    expect(room.phase).toBe("question");
    expect(room.snapshot()).toMatchObject({ paused: true, locked: true, runningSince: null, elapsedMs: 18_000 });
    expect(room.hostView().question?.timeLeftMs).toBe(12_000);
    expect(store.callsTo("savePhase")).toEqual([
      [
        "g1",
        { phase: "question", questionIndex: 1, paused: true, locked: true, skipped: false, timeLeftMs: 12_000 },
        new Date(T0),
      ],
    ]);
    // Nobody is connected until their phones rejoin; the acknowledged answer stands.
    expect(room.hostView().connectedCount).toBe(0);
    expect(await room.rejoin("ann")).toMatchObject({
      ok: true,
      state: { phase: "question", answeredOptionIds: ["a", "c"] },
    });
    // Paused, it does not run out.
    await advance(60_000);
    expect(room.phase).toBe("question");
    expect(await room.command({ type: "resume" })).toEqual({ ok: true });
    await advance(12_010);
    expect(room.phase).toBe("reveal");
  });

  it("R-RESTART: an open question without a stored clock comes back with all its time", async () => {
    const { room } = await restored(stored({ phase: "question", questionIndex: 0, timeLeftMs: null, players }));
    expect(room.snapshot()).toMatchObject({ paused: true, elapsedMs: 0 });
    expect(room.hostView().question?.timeLeftMs).toBe(20_000);
  });

  it("R-RESTART: a question already closed when the server stopped comes back in its reveal", async () => {
    const { room } = await restored(
      stored({
        phase: "question",
        questionIndex: 0,
        timeLeftMs: 3000,
        players,
        answers: [answer("ann", 0, ["b"], 1000)],
        closedQuestions: [{ index: 0, skipped: false }],
      }),
    );
    expect(room.phase).toBe("reveal");
    expect(room.snapshot()).toMatchObject({ paused: false, elapsedMs: 0 });
    expect(room.playerView("ann")).toMatchObject({ phase: "reveal", correct: true, points: 975 });
  });

  it("R-RESTART, R-RANK-TIEBREAK: scores, streaks and ranks are replayed from the stored answers", async () => {
    const { room } = await restored(
      stored({
        phase: "leaderboard",
        questionIndex: 1,
        skipped: true,
        players,
        answers: [
          answer("ann", 0, ["b"], 1000),
          answer("bob", 0, ["b"], 400),
          answer("cat", 0, ["a"], 300),
          answer("ann", 1, ["a", "c"], 2000),
          answer("bob", 1, ["a", "c"], 1000),
        ],
        closedQuestions: [
          { index: 1, skipped: true },
          { index: 0, skipped: false },
        ],
      }),
    );
    expect(room.phase).toBe("leaderboard");
    expect(room.snapshot().skipped).toBe(true);
    const scores = Object.values(room.snapshot().players).map((p) => [p.id, p.score, p.streak, p.rank]);
    expect(scores).toEqual([
      ["ann", 975, 1, 2],
      ["bob", 1000, 1, 1],
      ["cat", 0, 0, 3],
    ]);
  });

  it("R-RESTART, R-KICK: a kicked player stays kicked; the others keep their order of joining", async () => {
    const kicked = players.map((p) => (p.id === "bob" ? { ...p, kicked: true } : p));
    const { room } = await restored(stored({ players: kicked }), 3);
    expect(await room.rejoin("bob")).toEqual({ ok: false, code: "KICKED" });
    expect(room.hostView().players.map((p) => [p.id, p.connected])).toEqual([
      ["ann", false],
      ["cat", false],
    ]);
    expect(room.snapshot().players.cat?.seq).toBe(2);
    // Three stored, one kicked: room for one more, who joins after them.
    const dan = await settled(room.join("Dan", "dan"));
    if (!dan.ok) throw new Error(dan.code);
    expect(room.snapshot().players[dan.playerId]?.seq).toBe(3);
    expect(await settled(room.join("Eve", "eve"))).toEqual({ ok: false, code: "GAME_FULL" });
  });

  it("R-RESTART: a game played, then stopped without a shutdown, comes back as it was", async () => {
    const { store, room, ann, bob } = await startedWithAnnAndBob();
    await advance(2000);
    expect(await settled(room.answer(ann.playerId, 0, ["b"]))).toEqual({ ok: true });
    expect(await settled(room.answer(bob.playerId, 0, ["c"]))).toEqual({ ok: true });
    await room.command({ type: "next" });
    await room.command({ type: "next" });
    await advance(7000);
    expect(await settled(room.answer(bob.playerId, 1, ["a", "c"]))).toEqual({ ok: true });
    await advance(HEARTBEAT_SLACK_MS);
    const lastSeen = room.snapshot();

    const after = setup(store);
    expect(await after.directory.restoreRunning()).toBe(1);
    const back = after.directory.get(room.id);
    expect(back?.phase).toBe("question");
    expect(back?.snapshot().paused).toBe(true);
    expect(back?.hostView().question?.timeLeftMs).toBe(30_000 - 7000 - HEARTBEAT_SLACK_MS);
    for (const id of [ann.playerId, bob.playerId]) {
      const { score, streak, rank, totalTimeMs } = lastSeen.players[id] ?? {};
      expect(back?.snapshot().players[id]).toMatchObject({ score, streak, rank, totalTimeMs });
    }
    expect(back?.snapshot().answers[1]).toMatchObject(lastSeen.answers[1] ?? { missing: true });
    expect(await after.directory.findByToken(bob.token)).toMatchObject({ room: back, playerId: bob.playerId });
    expect(after.directory.findByPin(room.pin)).toBe(back);
  });

  it("R-RESTART, R-RANK-NULL: a player who joined after a reveal is not scored or ranked on it after a restart", async () => {
    const { store, room, ann, bob } = await startedWithAnnAndBob();
    await advance(1000);
    expect(await settled(room.answer(ann.playerId, 0, ["b"]))).toEqual({ ok: true });
    expect(await settled(room.answer(bob.playerId, 0, ["a"]))).toEqual({ ok: true });
    expect(room.phase).toBe("reveal");
    const zoe = await settled(room.join("Zoe", "zoe"));
    if (!zoe.ok) throw new Error("join failed");
    const lastSeen = room.snapshot();
    expect(lastSeen.players[zoe.playerId]?.rank).toBeNull();

    const after = setup(store);
    expect(await after.directory.restoreRunning()).toBe(1);
    const back = after.directory.get(room.id)?.snapshot();
    for (const id of [ann.playerId, bob.playerId, zoe.playerId]) {
      const { score, rank, totalTimeMs } = lastSeen.players[id] ?? {};
      expect(back?.players[id], id).toMatchObject({ score, rank, totalTimeMs });
    }
  });

  it("R-RESTART: a game in the lobby comes back in the lobby, not paused", async () => {
    const { room, store } = await restored(stored({ players, locked: true }));
    expect(room.snapshot()).toMatchObject({ phase: "lobby", paused: false, locked: true, elapsedMs: 0 });
    expect(store.callsTo("savePhase")[0]?.[1]).toEqual({
      phase: "lobby",
      questionIndex: -1,
      paused: false,
      locked: true,
      skipped: false,
      timeLeftMs: null,
    });
  });

  // When the standings write of a closed question fails and the server stops before
  // a heartbeat retries it, the game row says "reveal" but no Leaderboard row marks
  // the question closed: the restore must close it again all the same.
  it("R-RESTART: a reveal whose standings were never written still scores its written answers", async () => {
    const store = new FakeStore();
    const before = setup(store);
    const room = await created(before.directory);
    const ann = await settled(room.join("Ann", "ann"));
    if (!ann.ok) throw new Error(ann.code);
    await room.command({ type: "start" });
    store.fail("saveStandings");
    await advance(1000);
    expect(await settled(room.answer(ann.playerId, 0, ["b"]))).toEqual({ ok: true });
    expect(store.game(room.id).phase).toBe("reveal");
    expect(room.snapshot().players[ann.playerId]?.score).toBe(975);

    const after = setup(store);
    await after.directory.restoreRunning();
    expect(after.directory.get(room.id)?.snapshot().players[ann.playerId]?.score).toBe(975);
  });

  it("R-RESTART: a later question on the leaderboard whose standings were lost still scores, after one that was recorded", async () => {
    const base = { gameId: "g1", questionIndex: 0, optionIds: ["b"] };
    const game = stored({
      phase: "leaderboard",
      questionIndex: 1,
      players: players.slice(0, 1),
      answers: [
        { ...base, playerId: "ann", timeMs: 1000 },
        { ...base, playerId: "ann", questionIndex: 1, optionIds: ["a", "c"], timeMs: 3000 },
      ],
      closedQuestions: [{ index: 0, skipped: false, playerIds: ["ann"] }],
    });
    const { room } = await restored(game);
    // 975 for the first (1 s of 20); 950 for the second (3 s of 30), plus a streak bonus of 100.
    expect(room.snapshot().players.ann?.score).toBe(975 + 950 + 100);
    expect(room.phase).toBe("leaderboard");
  });

  it("R-RESTART: nothing running, nothing restored", async () => {
    const { directory } = setup();
    expect(await directory.restoreRunning()).toBe(0);
    expect(directory.size).toBe(0);
  });
});

/** Whole heartbeats since the last answer: the stored clock is at most one beat old. */
const HEARTBEAT_SLACK_MS = 3000;
