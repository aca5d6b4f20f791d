// Ended games whose rooms were released, rebuilt from the database on demand for the
// phones and projectors that come back later. A small cache: when a whole class's
// phones reconnect at once (a Wi-Fi drop, a server restart) the game is loaded once,
// not once per phone.
import type { GameState } from "../game/types";
import type { Clock } from "./game-room";

/** How many ended games are kept rebuilt at once (each holds its players and answers). */
export const ENDED_CACHE_GAMES = 4;
/** How long a rebuilt ended game is kept, in ms: a reconnect storm is over well within it. */
export const ENDED_CACHE_MS = 5 * 60_000;

interface Entry {
  loadedAt: number;
  /** In flight or settled; null when the game is unknown, not ended or too old. */
  state: Promise<GameState | null>;
}

export class EndedGames {
  /** In insertion order, oldest first: the first key is the one to evict. */
  private readonly cache = new Map<string, Entry>();

  /**
   * @param load the game's state rebuilt from the database, or null; a rejection is
   *   passed on to the caller and not cached (the next request tries again).
   * @param clock times the entries; no timer is set (expiry is checked on access).
   */
  constructor(
    private readonly load: (gameId: string) => Promise<GameState | null>,
    private readonly clock: Clock,
  ) {}

  /** The ended game's state, rebuilt at most once per ENDED_CACHE_MS while it stays cached. */
  get(gameId: string): Promise<GameState | null> {
    const now = this.clock.now();
    const hit = this.cache.get(gameId);
    if (hit && now - hit.loadedAt < ENDED_CACHE_MS) return hit.state;
    this.cache.delete(gameId);
    const state = this.load(gameId);
    const entry = { loadedAt: now, state };
    this.cache.set(gameId, entry);
    state.catch(() => {
      if (this.cache.get(gameId) === entry) this.cache.delete(gameId);
    });
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= ENDED_CACHE_GAMES) break;
      this.cache.delete(oldest);
    }
    return state;
  }

  /** Games cached right now (at most ENDED_CACHE_GAMES). */
  get size(): number {
    return this.cache.size;
  }
}
