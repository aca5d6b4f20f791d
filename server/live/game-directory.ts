// Every running game of this process, found by id or PIN; creates new games and
// brings running ones back after a restart (R-RESTART). Created in index.ts and
// passed in: never a module global.
import type { HostingOptions } from "../../lib/contract";
import type { DeckRepository } from "../db/decks";
import type { GameRepository, StoredGame } from "../db/games";
import { arrangeQuestions, type Random } from "../game/arrange";
import { newGameState, newPlayer, replay, timeLimitMs } from "../game/engine";
import type { GameState, PlayerState } from "../game/types";
import { GameRoom, type RoomDeps } from "./game-room";
import { hashToken, newId, newPin, randomFraction } from "./tokens";

/** How long a phone typing an ended game's PIN is told it ended (a class's next lesson is a day away). */
export const ENDED_PIN_MEMORY_MS = 12 * 60 * 60 * 1000;

export interface DirectoryDeps extends Omit<RoomDeps, "joinUrl"> {
  games: Pick<GameRepository, "create" | "pinInUse" | "endedWithPinSince" | "findPlayerByTokenHash" | "loadRunning">;
  decks: Pick<DeckRepository, "findVisible">;
  publicUrl: string;
  maxPlayers: number;
  /** The shuffles' source, uniform in [0, 1); crypto-based unless a test passes its own. */
  random?: Random;
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

  constructor(private readonly deps: DirectoryDeps) {}

  get(gameId: string): GameRoom | undefined {
    return this.rooms.get(gameId);
  }

  /** A PIN opens only a game that has not ended. */
  findByPin(pin: string): GameRoom | undefined {
    for (const room of this.rooms.values()) if (room.pin === pin && room.phase !== "ended") return room;
    return undefined;
  }

  /**
   * Whether this PIN belonged to a game that ended in the last ENDED_PIN_MEMORY_MS
   * (and no running game holds it now): a phone is told the game has ended, not
   * that there is no such game.
   */
  async endedWithPin(pin: string): Promise<boolean> {
    for (const room of this.rooms.values()) if (room.pin === pin && room.phase === "ended") return true;
    return this.deps.games.endedWithPinSince(pin, new Date(this.deps.clock.now() - ENDED_PIN_MEMORY_MS));
  }

  async findByToken(token: string): Promise<{ room: GameRoom; playerId: string; kicked: boolean } | null> {
    const player = await this.deps.games.findPlayerByTokenHash(hashToken(token));
    const room = player ? this.rooms.get(player.gameId) : undefined;
    return player && room ? { room, playerId: player.id, kicked: player.kicked } : null;
  }

  get size(): number {
    return this.rooms.size;
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
    await Promise.all([...this.rooms.values()].map((room) => room.close()));
  }

  private add(state: GameState): GameRoom {
    const room = new GameRoom(state, { ...this.deps, joinUrl: this.joinUrl(state.pin) });
    this.rooms.set(state.id, room);
    return room;
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
