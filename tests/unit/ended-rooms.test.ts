// Ended games are released: once a game has ended and everything it owes the
// database is written, its room lingers ENDED_ROOM_LINGER_MS, then is closed and
// dropped from the directory (no room, no PIN entry, no timer left). Phones and
// projectors that come back later get the final screens rebuilt from the store.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PlayerView } from "../../lib/contract";
import type { StoredDeck } from "../../server/db/decks";
import { ENDED_CACHE_MS } from "../../server/live/ended-games";
import { ENDED_ROOM_LINGER_MS, GameDirectory } from "../../server/live/game-directory";
import { HEARTBEAT_MS, type GameRoom } from "../../server/live/game-room";
import type * as Tokens from "../../server/live/tokens";
import { newPin } from "../../server/live/tokens";
import { propertyRuns, question } from "./helpers";
import { advance, FakeClock, FakeStore, RecordingOutput, settle, settled } from "./support/fakes";

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
  language: "en",
  description: "",
  builtin: false,
  questions: [question(), question({ kind: "multiple", correct: [0, 2], timeLimitSec: 30 })],
};

function setup(store = new FakeStore(), endedRoomLingerMs = ENDED_ROOM_LINGER_MS) {
  const logs: string[] = [];
  const directory = new GameDirectory({
    games: store,
    store,
    decks: { findVisible: async (ownerId, deckId) => (ownerId === "u1" && deckId === deck.id ? deck : null) },
    output: new RecordingOutput(),
    clock: new FakeClock(),
    publicUrl: PUBLIC_URL,
    maxPlayers: 100,
    log: (message) => logs.push(message),
    reviewUrl: (playerId) => `${PUBLIC_URL}/review/token-of-${playerId}`,
    endedRoomLingerMs,
  });
  return { directory, store, logs };
}

async function created(directory: GameDirectory): Promise<GameRoom> {
  const outcome = await directory.create("u1", deck.id);
  if (!outcome.ok) throw new Error(`no room: ${outcome.code}`);
  return outcome.room;
}

/** A game with Ann (right on question 1) and Bob (wrong), played to its end after question 1's reveal. */
async function playedToTheEnd(directory: GameDirectory) {
  const room = await created(directory);
  const ann = await settled(room.join("Ann", "ann"));
  const bob = await settled(room.join("Bob", "bob"));
  if (!ann.ok || !bob.ok) throw new Error("join failed");
  await room.command({ type: "start" });
  expect(await settled(room.answer(ann.playerId, 0, ["b"]))).toEqual({ ok: true });
  expect(await settled(room.answer(bob.playerId, 0, ["a"]))).toEqual({ ok: true });
  await settled(Promise.resolve());
  expect(room.phase).toBe("reveal");
  expect(await room.command({ type: "end" })).toEqual({ ok: true });
  return { room, ann, bob };
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(() => {
  vi.useRealTimers();
  vi.mocked(newPin).mockReset();
});

describe("game directory: ended rooms are released", () => {
  it("after 1,000 short games (create → end) no ended room, PIN entry or timer is left", async () => {
    // A fifth of them under mutation testing, where this runs once per mutant it covers.
    const games = propertyRuns(1000).numRuns;
    const { directory, store } = setup();
    // A semester of short games, one every GAME_EVERY_MS: at most a minute's worth of
    // ended rooms linger at any time, however many games the server has hosted.
    const GAME_EVERY_MS = 5_000;
    const mostLingering = Math.ceil((ENDED_ROOM_LINGER_MS + HEARTBEAT_MS) / GAME_EVERY_MS) + 1;
    let peak = 0;
    for (let i = 0; i < games; i += 1) {
      const room = await created(directory);
      // Every tenth game has a player who answers before the end: its answer is written first.
      if (i % 10 === 0) {
        const ann = await settled(room.join("Ann", "ann"));
        if (!ann.ok) throw new Error("join failed");
        await room.command({ type: "start" });
        expect(await settled(room.answer(ann.playerId, 0, ["b"]))).toEqual({ ok: true });
      }
      expect(await room.command({ type: "end" })).toEqual({ ok: true });
      // The game has ended: its PIN opens nothing even while its room lingers.
      expect(directory.findByPin(room.pin)).toBeUndefined();
      peak = Math.max(peak, directory.size);
      // Synchronously, then the promises: quicker to simulate than one timer at a time.
      vi.advanceTimersByTime(GAME_EVERY_MS);
      await settle();
    }
    expect(peak).toBeLessThanOrEqual(mostLingering);
    expect(directory.stats().lingering).toBeGreaterThan(0);
    vi.advanceTimersByTime(ENDED_ROOM_LINGER_MS + HEARTBEAT_MS);
    await settle();
    expect(directory.stats()).toEqual({ rooms: 0, pins: 0, lingering: 0, endedCached: 0 });
    expect(directory.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    // Everything was written before each room went.
    expect([...store.games.values()].filter((g) => g.phase === "ended")).toHaveLength(games);
    expect(store.answers).toHaveLength(Math.ceil(games / 10));
  }, 120_000);

  it("running games keep their rooms and clocks; only the ended one goes", async () => {
    const { directory } = setup();
    vi.mocked(newPin).mockReturnValueOnce("111111").mockReturnValueOnce("222222").mockReturnValueOnce("333333");
    const lobby = await created(directory);
    const playing = await created(directory);
    const ending = await created(directory);
    await settled(playing.join("Ann", "ann"));
    await playing.command({ type: "start" });
    await ending.command({ type: "end" });
    await advance(ENDED_ROOM_LINGER_MS + HEARTBEAT_MS);
    expect(directory.stats()).toMatchObject({ rooms: 2, pins: 2, lingering: 0 });
    expect(directory.get(ending.id)).toBeUndefined();
    expect(directory.findByPin("111111")).toBe(lobby);
    expect(directory.findByPin("222222")).toBe(playing);
    expect(directory.findByPin("333333")).toBeUndefined();
    expect(await directory.endedWithPin("333333")).toBe(true);
    // The running question still has its clock: it closes at its deadline.
    expect(playing.phase).toBe("reveal");
    expect(await playing.command({ type: "next" })).toEqual({ ok: true });
    expect(playing.phase).toBe("leaderboard");
  });

  it("an ended room whose writes failed stays until they land, then lingers and goes", async () => {
    const { directory, store } = setup();
    const room = await created(directory);
    store.fail("savePhase");
    await room.command({ type: "end" });
    await advance(ENDED_ROOM_LINGER_MS * 2);
    // The phase is not written yet: the room (and its heartbeat, which retries) stays.
    expect(directory.get(room.id)).toBe(room);
    expect(directory.stats().lingering).toBe(0);
    store.heal("savePhase");
    await advance(HEARTBEAT_MS);
    expect(store.game(room.id).phase).toBe("ended");
    expect(directory.stats().lingering).toBe(1);
    await advance(ENDED_ROOM_LINGER_MS);
    expect(directory.stats()).toMatchObject({ rooms: 0, pins: 0, lingering: 0 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("R-REJOIN: after the release a token still opens the player's final screen, as the room showed it; the PIN says GAME_ENDED", async () => {
    const { directory, logs } = setup();
    vi.mocked(newPin).mockReturnValueOnce("444444");
    const { room, ann, bob } = await playedToTheEnd(directory);
    const shown = { ann: room.playerView(ann.playerId), bob: room.playerView(bob.playerId) };
    const projector = room.hostView();
    expect(shown.ann).toMatchObject({ phase: "ended", rank: 1, correctCount: 1, questionsPlayed: 1 });
    // During the linger the room itself answers.
    expect(await directory.findByToken(ann.token)).toEqual({ room, playerId: ann.playerId, kicked: false });
    await advance(ENDED_ROOM_LINGER_MS + HEARTBEAT_MS);
    expect(directory.get(room.id)).toBeUndefined();
    expect(logs).toContain(`game ${room.id} ended: room released`);

    const back = await directory.findByToken(ann.token);
    expect(back).toEqual({ room: null, gameId: room.id, playerId: ann.playerId, kicked: false, finalView: shown.ann });
    expect((back as { finalView: PlayerView }).finalView).toMatchObject({
      reviewUrl: `${PUBLIC_URL}/review/token-of-${ann.playerId}`,
    });
    expect((await directory.findByToken(bob.token)) as { finalView: PlayerView }).toMatchObject({
      finalView: shown.bob,
    });
    // The projector's reload: the same final view (nobody is connected any more), for its owner only.
    const everyoneAway = projector.players.map((p) => ({ ...p, connected: false }));
    expect(await directory.finalHostView("u1", room.id)).toEqual({
      ...projector,
      players: everyoneAway,
      connectedCount: 0,
      awayCount: 2,
      away: everyoneAway.map(({ score: _score, ...p }) => p),
    });
    expect(await directory.finalHostView("u2", room.id)).toBeNull();
    expect(await directory.finalHostView("u1", "no-such-game")).toBeNull();
    // The PIN opens nothing and says why.
    expect(directory.findByPin("444444")).toBeUndefined();
    expect(await directory.endedWithPin("444444")).toBe(true);
  });

  it("R-KICK: a kicked player of a released game is still told so", async () => {
    const { directory } = setup();
    const room = await created(directory);
    const ann = await settled(room.join("Ann", "ann"));
    const bob = await settled(room.join("Bob", "bob"));
    if (!ann.ok || !bob.ok) throw new Error("join failed");
    await room.command({ type: "kick", playerId: bob.playerId });
    await room.command({ type: "end" });
    await advance(ENDED_ROOM_LINGER_MS + HEARTBEAT_MS);
    expect(await directory.findByToken(bob.token)).toEqual({
      room: null,
      gameId: room.id,
      playerId: bob.playerId,
      kicked: true,
      finalView: null,
    });
  });

  it("R-RECONNECT-STORM: a class reconnecting after the release loads the ended game once, not once per phone", async () => {
    const { directory, store } = setup();
    const { ann, bob } = await playedToTheEnd(directory);
    await advance(ENDED_ROOM_LINGER_MS + HEARTBEAT_MS);
    const loads = vi.spyOn(store, "loadEnded");
    const storm = await Promise.all(
      Array.from({ length: 50 }, (_, i) => directory.findByToken(i % 2 ? ann.token : bob.token)),
    );
    expect(storm.every((found) => found?.room === null && found.finalView?.phase === "ended")).toBe(true);
    expect(loads).toHaveBeenCalledTimes(1);
    expect(directory.stats().endedCached).toBe(1);
    // Cached for a while only: the next comer after that loads it again.
    await advance(ENDED_CACHE_MS);
    await directory.findByToken(ann.token);
    expect(loads).toHaveBeenCalledTimes(2);
  });

  it("a new game that draws a lingering ended game's PIN owns it; the old room's release leaves it findable", async () => {
    const { directory } = setup();
    vi.mocked(newPin).mockReturnValueOnce("555555").mockReturnValueOnce("555555");
    const old = await created(directory);
    await old.command({ type: "end" });
    const fresh = await created(directory);
    expect(fresh.pin).toBe("555555");
    expect(directory.findByPin("555555")).toBe(fresh);
    await advance(ENDED_ROOM_LINGER_MS + HEARTBEAT_MS);
    expect(directory.get(old.id)).toBeUndefined();
    expect(directory.findByPin("555555")).toBe(fresh);
    expect(directory.stats()).toMatchObject({ rooms: 1, pins: 1 });
  });

  it("R-SHUTDOWN: closeAll also stops the rooms waiting out their linger", async () => {
    const { directory } = setup();
    const room = await created(directory);
    await room.command({ type: "end" });
    expect(directory.stats().lingering).toBe(1);
    await directory.closeAll();
    expect(vi.getTimerCount()).toBe(0);
  });
});
