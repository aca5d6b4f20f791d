// Fakes for driving a GameRoom or a GameDirectory without a network or a database:
// an in-memory store whose writes can be held back or made to fail, a recording
// output and a clock that moves with vitest's fake timers. One journal, shared by
// the store and the output, shows what landed and what was shown, in order.
import { vi } from "vitest";
import type { HostView, PlayerView } from "../../../lib/contract";
import type {
  AnswerRow,
  GameRepository,
  NewGame,
  PhaseSnapshot,
  StandingRow,
  StoredGame,
} from "../../../server/db/games";
import type { GameState } from "../../../server/game/types";
import type { DirectoryDeps } from "../../../server/live/game-directory";
import type { Clock, RoomOutput, RoomStore } from "../../../server/live/game-room";

export type WriteMethod =
  "create" | "savePhase" | "heartbeat" | "insertPlayers" | "kickPlayer" | "insertAnswers" | "saveStandings";
type Args<M extends WriteMethod> = Parameters<GameRepository[M]>;
type DirectoryGames = DirectoryDeps["games"];

interface GameRow extends NewGame, PhaseSnapshot {
  heartbeatAt: Date | null;
}
interface PlayerRow {
  id: string;
  gameId: string;
  nickname: string;
  nicknameKey: string;
  tokenHash: string;
  kicked: boolean;
}
interface Held {
  method: WriteMethod;
  land: () => void;
  reject: (error: unknown) => void;
}

export const busy = () => new Error("SQLITE_BUSY: database is locked");

/**
 * The store as the room and the directory see it. Writes are asynchronous like a
 * database's; `hold` keeps them in flight until `release`, `fail` makes the next
 * ones reject. `calls` lists every write as asked, `journal` what landed.
 */
export class FakeStore implements RoomStore, DirectoryGames {
  readonly games = new Map<string, GameRow>();
  readonly players: PlayerRow[] = [];
  readonly answers: AnswerRow[] = [];
  readonly standings = new Map<string, { skipped: boolean; entries: StandingRow[] }>();
  readonly calls: { method: WriteMethod; args: unknown[] }[] = [];
  private readonly held: Held[] = [];
  private readonly holding = new Set<WriteMethod>();
  private readonly failures = new Map<WriteMethod, number>();

  constructor(readonly journal: string[] = []) {}

  /** Rows for a game that was created (and joined) before the test begins. */
  seed(state: GameState): void {
    this.games.set(state.id, {
      id: state.id,
      pin: state.pin,
      ownerId: state.ownerId,
      deckId: "deck-1",
      deckTitle: state.deckTitle,
      language: state.language,
      questions: state.questions,
      phase: state.phase,
      questionIndex: state.questionIndex,
      paused: state.paused,
      locked: state.locked,
      skipped: state.skipped,
      timeLeftMs: null,
      heartbeatAt: null,
    });
    for (const p of Object.values(state.players).sort((a, b) => a.seq - b.seq)) {
      this.players.push({ ...p, gameId: state.id, tokenHash: `hash-${p.id}`, kicked: p.kicked });
    }
  }

  hold(method: WriteMethod): void {
    this.holding.add(method);
  }

  /** Lets the held writes of `method` land, or fail with `error`; later ones go straight through. */
  release(method: WriteMethod, error?: unknown): void {
    this.holding.delete(method);
    for (const h of this.held.filter((h) => h.method === method)) {
      this.held.splice(this.held.indexOf(h), 1);
      if (error === undefined) h.land();
      else h.reject(error);
    }
  }

  /** The next `times` writes of `method` fail (as a locked or lost database would). */
  fail(method: WriteMethod, times = Number.POSITIVE_INFINITY): void {
    this.failures.set(method, times);
  }

  heal(method: WriteMethod): void {
    this.failures.delete(method);
  }

  callsTo<M extends WriteMethod>(method: M): Args<M>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args as Args<M>);
  }

  game(id: string): GameRow {
    const game = this.games.get(id);
    if (!game) throw new Error(`no game ${id}`);
    return game;
  }

  private write<M extends WriteMethod>(method: M, args: Args<M>, label: string, apply: () => void): Promise<void> {
    this.calls.push({ method, args });
    const left = this.failures.get(method) ?? 0;
    if (left > 0) this.failures.set(method, left - 1);
    return new Promise<void>((resolve, reject) => {
      const land = () => {
        try {
          apply();
          this.journal.push(label);
          resolve();
        } catch (error) {
          reject(error);
        }
      };
      if (this.holding.has(method)) this.held.push({ method, land, reject });
      else if (left > 0) queueMicrotask(() => reject(busy()));
      else queueMicrotask(land);
    });
  }

  async create(game: NewGame): Promise<void> {
    await this.write("create", [game], `create:${game.pin}`, () => {
      this.games.set(game.id, {
        ...game,
        phase: "lobby",
        questionIndex: -1,
        paused: false,
        locked: false,
        skipped: false,
        timeLeftMs: null,
        heartbeatAt: null,
      });
    });
  }

  /** Rows keep no end time here: every ended game counts as recent. */
  async endedWithPinSince(pin: string): Promise<boolean> {
    return [...this.games.values()].some((g) => g.pin === pin && g.phase === "ended");
  }

  async pinInUse(pin: string): Promise<boolean> {
    return [...this.games.values()].some((g) => g.pin === pin && g.phase !== "ended");
  }

  async savePhase(gameId: string, snapshot: PhaseSnapshot, now: Date): Promise<void> {
    await this.write("savePhase", [gameId, snapshot, now], `savePhase:${snapshot.phase}`, () => {
      Object.assign(this.game(gameId), snapshot, { heartbeatAt: now });
    });
  }

  async heartbeat(gameId: string, timeLeftMs: number, now: Date): Promise<void> {
    await this.write("heartbeat", [gameId, timeLeftMs, now], `heartbeat:${timeLeftMs}`, () => {
      Object.assign(this.game(gameId), { timeLeftMs, heartbeatAt: now });
    });
  }

  async insertPlayers(players: Omit<PlayerRow, "kicked">[]): Promise<void> {
    const label = `insertPlayers:${players.map((p) => p.nickname).join(",")}`;
    await this.write("insertPlayers", [players], label, () => {
      // One statement: a duplicate token fails the whole batch, as the UNIQUE index would.
      const stored = new Set(this.players.map((p) => p.tokenHash));
      if (players.some((p) => stored.has(p.tokenHash))) throw new Error("UNIQUE tokenHash");
      this.players.push(...players.map((p) => ({ ...p, kicked: false })));
    });
  }

  async kickPlayer(playerId: string): Promise<void> {
    await this.write("kickPlayer", [playerId], `kickPlayer:${playerId}`, () => {
      const player = this.players.find((p) => p.id === playerId);
      if (!player) throw new Error(`no player ${playerId}`);
      player.kicked = true;
    });
  }

  async findPlayerByTokenHash(tokenHash: string): Promise<{ id: string; gameId: string; kicked: boolean } | null> {
    const player = this.players.find((p) => p.tokenHash === tokenHash);
    return player ? { id: player.id, gameId: player.gameId, kicked: player.kicked } : null;
  }

  async insertAnswers(rows: AnswerRow[]): Promise<void> {
    const label = `insertAnswers:${rows.map((r) => `${r.playerId}@${r.questionIndex}`).join(",")}`;
    await this.write("insertAnswers", [rows], label, () => {
      const key = (r: AnswerRow) => `${r.gameId}/${r.playerId}/${r.questionIndex}`;
      const stored = new Set(this.answers.map(key));
      // One statement: a duplicate fails the whole batch, as the UNIQUE index would.
      if (rows.some((r) => stored.has(key(r)))) throw new Error("UNIQUE answer");
      this.answers.push(...rows.map((r) => ({ ...r, optionIds: [...r.optionIds] })));
    });
  }

  async saveStandings(gameId: string, questionIndex: number, skipped: boolean, entries: StandingRow[]) {
    const label = `saveStandings:${questionIndex}`;
    await this.write("saveStandings", [gameId, questionIndex, skipped, entries], label, () => {
      this.standings.set(`${gameId}/${questionIndex}`, { skipped, entries });
    });
  }

  async loadRunning(): Promise<StoredGame[]> {
    return [...this.games.values()].filter((g) => g.phase !== "ended").map((g) => this.whole(g));
  }

  /** Rows keep no end time here: every ended game counts as recent. */
  async loadEnded(gameId: string): Promise<StoredGame | null> {
    const game = this.games.get(gameId);
    return game?.phase === "ended" ? this.whole(game) : null;
  }

  /** A game row with its players, answers and standings, as the repository loads it. */
  private whole({ heartbeatAt: _heartbeatAt, ...g }: GameRow): StoredGame {
    return {
      ...g,
      players: this.players
        .filter((p) => p.gameId === g.id)
        .map((p) => ({ id: p.id, nickname: p.nickname, nicknameKey: p.nicknameKey, kicked: p.kicked })),
      answers: this.answers.filter((a) => a.gameId === g.id),
      closedQuestions: [...this.standings.entries()]
        .filter(([key]) => key.startsWith(`${g.id}/`))
        .map(([key, s]) => ({
          index: Number(key.split("/")[1]),
          skipped: s.skipped,
          playerIds: s.entries.map((e) => e.playerId),
        })),
    };
  }
}

/** Every view the room sent, in order, and a line per view in the shared journal. */
export class RecordingOutput implements RoomOutput {
  readonly hosts: HostView[] = [];
  readonly players: { playerId: string; view: PlayerView }[] = [];
  readonly kicks: string[] = [];

  constructor(readonly journal: string[] = []) {}

  host(_gameId: string, view: HostView): void {
    this.hosts.push(view);
    this.journal.push(`host:${view.phase}`);
  }

  player(playerId: string, view: PlayerView): void {
    this.players.push({ playerId, view });
    this.journal.push(`player:${playerId}:${view.phase}`);
  }

  kicked(playerId: string): void {
    this.kicks.push(playerId);
    this.journal.push(`kicked:${playerId}`);
  }

  lastHost(): HostView | undefined {
    return this.hosts.at(-1);
  }

  viewsOf(playerId: string): PlayerView[] {
    return this.players.filter((p) => p.playerId === playerId).map((p) => p.view);
  }
}

/**
 * The room's clock: vitest's fake Date, so it moves exactly with the fake timers.
 * `lag` holds it behind the timers, as a timer that fires a little early would see it.
 */
export class FakeClock implements Clock {
  lag = 0;
  now(): number {
    return Date.now() - this.lag;
  }
}

/** Runs what is due now (the answer writer's setImmediate, zero timeouts) and every promise it starts. */
export const settle = () => vi.advanceTimersByTimeAsync(0);
export const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/** Watches a promise without awaiting it: the fake timers must move for it to settle. */
export function track<T>(promise: Promise<T>) {
  const box: { done: boolean; value?: T; error?: unknown } = { done: false };
  promise.then(
    (value) => Object.assign(box, { done: true, value }),
    (error: unknown) => Object.assign(box, { done: true, error }),
  );
  return box;
}

/** Settles the timers, then returns what the promise resolved to; fails if it is still pending. */
export async function settled<T>(promise: Promise<T>): Promise<T> {
  const box = track(promise);
  await settle();
  if (!box.done) throw new Error("still pending");
  if ("error" in box) throw box.error;
  return box.value as T;
}
