// Every running game of this process, found by id or PIN; creates new games and
// brings running ones back after a restart (R-RESTART). Created in index.ts and
// passed in: never a module global.
import type { HostingOptions, HostView, PlayerView } from "../../lib/contract";
import type { DeckRepository } from "../db/decks";
import type { GameRepository, StoredGame } from "../db/games";
import { arrangeQuestions, type Random } from "../game/arrange";
import { newGameState, newPlayer, replay, timeLimitMs } from "../game/engine";
import type { GameState, PlayerState } from "../game/types";
import { hostView, playerView } from "../game/views";
import { EndedGames } from "./ended-games";
import { GameRoom, type RoomDeps } from "./game-room";
import { hashToken, newId, newPin, randomFraction } from "./tokens";

/**
 * How long a phone typing an ended game's PIN is told it ended (a class's next lesson
 * is a day away); for as long, a phone coming back with its token gets its final
 * screen, rebuilt from the database once the room is gone. Later both are NOT_FOUND.
 */
export const ENDED_PIN_MEMORY_MS = 12 * 60 * 60 * 1000;

/**
 * How long an ended game's room stays in memory once everything it owes the database
 * is written: the projector and the phones already have the final view, and the
 * burst of phones reloading right after the end is answered from memory. Later
 * rejoins and attaches rebuild the final screens from the database (EndedGames).
 */
export const ENDED_ROOM_LINGER_MS = 60_000;

export interface DirectoryDeps extends Omit<RoomDeps, "joinUrl" | "onEndedAndStored"> {
  games: Pick<
    GameRepository,
    "create" | "pinInUse" | "endedWithPinSince" | "findPlayerByTokenHash" | "loadRunning" | "loadEnded"
  >;
  decks: Pick<DeckRepository, "findVisible">;
  publicUrl: string;
  maxPlayers: number;
  /** The shuffles' source, uniform in [0, 1); crypto-based unless a test passes its own. */
  random?: Random;
  /** ENDED_ROOM_LINGER_MS unless given (ENDED_GAME_LINGER_MS in the environment), in ms. */
  endedRoomLingerMs?: number;
}

/**
 * Whose token it was: a player of a room in memory, or of a game that has ended and
 * whose room was released — then the player's final screen rebuilt from the database
 * (null for a kicked player, who is told KICKED before any view).
 */
export type TokenHolder =
  | { playerId: string; kicked: boolean; room: GameRoom }
  | { playerId: string; kicked: boolean; room: null; gameId: string; finalView: PlayerView | null };

/** What the directory holds right now: for tests and diagnostics. */
export interface DirectoryStats {
  /** Rooms in memory, running or ended and lingering. */
  rooms: number;
  /** Entries of the PIN index (at most one per room). */
  pins: number;
  /** Ended rooms waiting out their linger before release. */
  lingering: number;
  /** Ended games whose rebuilt state is cached for rejoins (EndedGames). */
  endedCached: number;
}

/**
 * What `create` made of a host's request: the new room, or why there is none —
 * `NOT_FOUND` (no such deck, or not the instructor's to host), `INVALID_PAYLOAD`
 * (chosen question indexes outside the deck: each of them, and the deck's size).
 */
export type CreateOutcome =
  | { ok: true; room: GameRoom }
  | { ok: false; code: "NOT_FOUND" }
  | { ok: false; code: "INVALID_PAYLOAD"; outOfRange: number[]; questionCount: number };

export class GameDirectory {
  private readonly rooms = new Map<string, GameRoom>();
  /**
   * PIN → the newest room holding it. A PIN is drawn again only once its game has
   * ended, so a lingering ended room may lose its entry to a new game.
   */
  private readonly byPin = new Map<string, GameRoom>();
  /** Ended rooms → the timer that releases them. */
  private readonly lingering = new Map<GameRoom, NodeJS.Timeout>();
  private readonly ended: EndedGames;

  constructor(private readonly deps: DirectoryDeps) {
    this.ended = new EndedGames(async (gameId) => {
      const game = await deps.games.loadEnded(gameId, this.endedSince());
      return game ? this.rebuild(game) : null;
    }, deps.clock);
  }

  get(gameId: string): GameRoom | undefined {
    return this.rooms.get(gameId);
  }

  /** A PIN opens only a game that has not ended. */
  findByPin(pin: string): GameRoom | undefined {
    const room = this.byPin.get(pin);
    return room && room.phase !== "ended" ? room : undefined;
  }

  /**
   * Whether this PIN belonged to a game that ended in the last ENDED_PIN_MEMORY_MS
   * (and no running game holds it now): a phone is told the game has ended, not
   * that there is no such game.
   */
  async endedWithPin(pin: string): Promise<boolean> {
    if (this.byPin.get(pin)?.phase === "ended") return true;
    return this.deps.games.endedWithPinSince(pin, this.endedSince());
  }

  async findByToken(token: string): Promise<TokenHolder | null> {
    const player = await this.deps.games.findPlayerByTokenHash(hashToken(token));
    if (!player) return null;
    const { id: playerId, gameId, kicked } = player;
    const room = this.rooms.get(gameId);
    if (room) return { room, playerId, kicked };
    if (!(await this.ended.get(gameId))) return null;
    // A kicked player is told KICKED, as by the room: no view is built for them.
    const finalView = kicked ? null : await this.finalPlayerView(gameId, playerId);
    return { room: null, playerId, gameId, kicked, finalView };
  }

  /**
   * The host's final view of a game that ended in the last ENDED_PIN_MEMORY_MS and
   * whose room was released, rebuilt from the database; null when there is none or
   * it is not this instructor's (R-OWNER-ONLY: the same NOT_FOUND).
   */
  async finalHostView(ownerId: string, gameId: string): Promise<HostView | null> {
    const state = await this.ended.get(gameId);
    if (!state || state.ownerId !== ownerId) return null;
    return hostView(state, this.deps.clock.now(), this.joinUrl(state.pin));
  }

  get size(): number {
    return this.rooms.size;
  }

  stats(): DirectoryStats {
    return {
      rooms: this.rooms.size,
      pins: this.byPin.size,
      lingering: this.lingering.size,
      endedCached: this.ended.size,
    };
  }

  joinUrl(pin: string): string {
    return `${this.deps.publicUrl}/join?pin=${pin}`;
  }

  /**
   * A new game of the deck, in its lobby, with the questions arranged as the host
   * chose (server/game/arrange.ts). The game row stores the arranged questions:
   * what is asked, in the order asked, the same for every screen and the report.
   */
  async create(ownerId: string, deckId: string, options: HostingOptions = {}): Promise<CreateOutcome> {
    const deck = await this.deps.decks.findVisible(ownerId, deckId);
    if (!deck) return { ok: false, code: "NOT_FOUND" };
    const arranged = arrangeQuestions(deck.questions, options, this.deps.random ?? randomFraction);
    if (!arranged.ok) {
      const { outOfRange, questionCount } = arranged;
      return { ok: false, code: "INVALID_PAYLOAD", outOfRange, questionCount };
    }
    const { questions } = arranged;
    const pin = await this.freePin();
    const state = newGameState({
      id: newId(),
      pin,
      ownerId,
      deckTitle: deck.title,
      language: deck.language,
      questions,
      maxPlayers: this.deps.maxPlayers,
    });
    await this.deps.games.create({
      id: state.id,
      pin,
      ownerId,
      deckId: deck.id,
      deckTitle: deck.title,
      language: deck.language,
      questions,
    });
    return { ok: true, room: this.add(state) };
  }

  async restoreRunning(): Promise<number> {
    const stored = await this.deps.games.loadRunning();
    for (const game of stored) {
      // A question that was open comes back paused with the time it had left.
      await this.add(this.rebuild(game)).persist();
    }
    return stored.length;
  }

  async closeAll(): Promise<void> {
    for (const timer of this.lingering.values()) clearTimeout(timer);
    this.lingering.clear();
    await Promise.all([...this.rooms.values()].map((room) => room.close()));
  }

  private add(state: GameState): GameRoom {
    const room: GameRoom = new GameRoom(state, {
      ...this.deps,
      joinUrl: this.joinUrl(state.pin),
      onEndedAndStored: () => this.releaseLater(room),
    });
    this.rooms.set(state.id, room);
    this.byPin.set(state.pin, room);
    return room;
  }

  /** After the linger, the ended room is closed (its timers stop) and forgotten. */
  private releaseLater(room: GameRoom): void {
    if (this.lingering.has(room)) return;
    const timer = setTimeout(() => void this.release(room), this.deps.endedRoomLingerMs ?? ENDED_ROOM_LINGER_MS);
    timer.unref();
    this.lingering.set(room, timer);
  }

  private async release(room: GameRoom): Promise<void> {
    this.lingering.delete(room);
    if (this.rooms.get(room.id) === room) this.rooms.delete(room.id);
    if (this.byPin.get(room.pin) === room) this.byPin.delete(room.pin);
    try {
      await room.close();
      this.deps.log(`game ${room.id} ended: room released`);
    } catch (error) {
      this.deps.log(`game ${room.id}: closing the ended room failed`, error);
    }
  }

  /** The earliest end still remembered (ENDED_PIN_MEMORY_MS ago). */
  private endedSince(): Date {
    return new Date(this.deps.clock.now() - ENDED_PIN_MEMORY_MS);
  }

  /** A released game's final screen for one phone, with its review link, as its room would have sent it. */
  private async finalPlayerView(gameId: string, playerId: string): Promise<PlayerView | null> {
    const state = await this.ended.get(gameId);
    const view = state ? playerView(state, playerId, this.deps.clock.now()) : null;
    if (view?.phase !== "ended" || !this.deps.reviewUrl) return view;
    return { ...view, reviewUrl: this.deps.reviewUrl(playerId) };
  }

  private async freePin(): Promise<string> {
    for (;;) {
      const pin = newPin();
      if (!this.findByPin(pin) && !(await this.deps.games.pinInUse(pin))) return pin;
    }
  }

  private rebuild(game: StoredGame): GameState {
    const now = this.deps.clock.now();
    const base = newGameState({ ...game, maxPlayers: this.deps.maxPlayers });
    const players: Record<string, PlayerState> = {};
    game.players.forEach((p, seq) => {
      players[p.id] = newPlayer({ ...p, seq, connected: false });
    });
    const answers: GameState["answers"] = {};
    for (const a of game.answers) {
      answers[a.questionIndex] = { ...answers[a.questionIndex], [a.playerId]: a };
    }
    const replayed = replay({ ...base, players, nextSeq: game.players.length, answers }, closedQuestions(game), now);
    const question = game.questions[game.questionIndex];
    const wasOpen = game.phase === "question" && !game.closedQuestions.some((c) => c.index === game.questionIndex);
    const restored: GameState = {
      ...replayed,
      phase: game.phase === "question" && !wasOpen ? "reveal" : game.phase,
      questionIndex: game.questionIndex,
      locked: game.locked,
      skipped: game.skipped,
      paused: wasOpen,
      runningSince: null,
      elapsedMs: wasOpen && question ? timeLimitMs(question) - (game.timeLeftMs ?? timeLimitMs(question)) : 0,
    };
    return restored;
  }
}

/**
 * The questions to close again on restore: those with stored standings, and the
 * current one when the game row says it was revealed but its standings write had
 * not landed before the crash (the answers are written; their scores must count).
 */
function closedQuestions(game: StoredGame): StoredGame["closedQuestions"] {
  const revealed = game.phase === "reveal" || game.phase === "leaderboard";
  const recorded = game.closedQuestions.some((c) => c.index === game.questionIndex);
  return revealed && !recorded
    ? [...game.closedQuestions, { index: game.questionIndex, skipped: game.skipped }]
    : game.closedQuestions;
}
