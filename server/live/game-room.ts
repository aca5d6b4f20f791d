// One running game: serialises its commands, owns its clock, persists before it
// acknowledges, and emits the views. Knows nothing of sockets or Prisma: it talks
// to small interfaces passed in, so tests can drive it without a network.
import type { CommandExpect, ErrorCode, HostView, PlayerView } from "../../lib/contract";
import type { GameRepository, PhaseSnapshot, PlayerRow, StandingRow } from "../db/games";
import { activePlayers, admission, apply, joinRefusal, RECONNECT_GRACE_MS, timeLeftMs } from "../game/engine";
import { rosterOf } from "../game/roster";
import type { Command, Effect, GameState, Outcome } from "../game/types";
import { hostView, phoneViews, playerView } from "../game/views";
import { AnswerWriter } from "./answer-writer";
import { BatchWriter } from "./batch-writer";
import { hashToken, newId, newToken } from "./tokens";

export interface RoomOutput {
  host(gameId: string, view: HostView): void;
  player(playerId: string, view: PlayerView): void;
  kicked(playerId: string): void;
}

export interface Clock {
  now(): number;
}

export type RoomStore = Pick<
  GameRepository,
  "savePhase" | "heartbeat" | "insertPlayers" | "kickPlayer" | "insertAnswers" | "saveStandings"
>;

export interface RoomDeps {
  store: RoomStore;
  output: RoomOutput;
  clock: Clock;
  joinUrl: string;
  log: (message: string, error?: unknown) => void;
  /** The student's review link for a player (shown once the game has ended); absent in tests that need none. */
  reviewUrl?: (playerId: string) => string;
  /**
   * Called once, when the game has ended and everything it owes the database is
   * written (answers, standings, kicks, the phase): from then on the room only
   * answers rejoins, and its owner may close and drop it.
   */
  onEndedAndStored?: () => void;
}

export type RoomResult<T extends object = object> = ({ ok: true } & T) | { ok: false; code: ErrorCode };

export type HostCommand = Extract<
  Command,
  { type: "start" | "next" | "skip" | "pause" | "resume" | "end" | "lock" | "kick" }
>;

/** Host views between phase changes (answers, joins) are throttled to this interval. */
export const HOST_UPDATE_INTERVAL_MS = 250;
/** How often an open question's remaining time is written (the crash-recovery heartbeat). */
export const HEARTBEAT_MS = 1000;
/** Phones in the lobby see the player count grow, refreshed at most this often. */
export const LOBBY_UPDATE_INTERVAL_MS = 2000;
/**
 * Phone views written per turn of the event loop in a broadcast (about 10–20 ms of
 * writes here): the classes of most games go out in one turn.
 */
export const PHONE_VIEWS_PER_TURN = 250;

export class GameRoom {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly writer: AnswerWriter;
  private readonly playerWriter: BatchWriter<PlayerRow>;
  /** Nickname keys of the joins admitted whose rows are being written: taken, and counted as in. */
  private readonly joining = new Set<string>();
  private deadlineTimer: NodeJS.Timeout | null = null;
  private hostTimer: NodeJS.Timeout | null = null;
  private lobbyTimer: NodeJS.Timeout | null = null;
  private readonly heartbeatTimer: NodeJS.Timeout;
  private lastHostEmit = 0;
  /** Writes that failed: the heartbeat retries them until they land. */
  private phaseDirty = false;
  private pendingStandings: number | null = null;
  private readonly pendingKicks = new Set<string>();
  /** Set by close(): commands are refused with UNAVAILABLE and the clock stops. */
  private closed = false;
  /** Counts the phone broadcasts begun: a broadcast still going out stops when a newer one begins. */
  private phoneBroadcasts = 0;
  /**
   * Players who got a fresh view of their own (a join's or rejoin's ack) since the
   * last broadcast began: its later turns skip them, as their views were built before
   * (and would put back, say, the answer buttons of a phone that has since answered).
   */
  private readonly viewedSinceBroadcast = new Set<string>();
  /** Whether onEndedAndStored has been called (it is called at most once). */
  private endedReported = false;

  constructor(
    private state: GameState,
    private readonly deps: RoomDeps,
  ) {
    this.writer = new AnswerWriter((rows) => deps.store.insertAnswers(rows));
    this.playerWriter = new BatchWriter((rows) => deps.store.insertPlayers(rows));
    this.heartbeatTimer = setInterval(
      () =>
        void this.run(async () => {
          await this.beat();
          this.reportIfEndedAndStored();
        }),
      HEARTBEAT_MS,
    );
    this.heartbeatTimer.unref();
    this.scheduleDeadline();
  }

  get id(): string {
    return this.state.id;
  }
  get pin(): string {
    return this.state.pin;
  }
  get ownerId(): string {
    return this.state.ownerId;
  }
  get phase(): GameState["phase"] {
    return this.state.phase;
  }
  /** Why a new player could not join now (R-JOIN), or null: asked before the nickname step. */
  admission(): "LOCKED" | "GAME_FULL" | "UNAVAILABLE" | null {
    if (this.closed) return "UNAVAILABLE";
    const refused = admission(this.state);
    if (refused) return refused;
    // Joins being written hold their places: a full game is full before their rows land.
    return rosterOf(this.state).active + this.joining.size >= this.state.maxPlayers ? "GAME_FULL" : null;
  }
  /** For tests and diagnostics: the engine state as it is now. */
  snapshot(): GameState {
    return this.state;
  }

  hostView(): HostView {
    return hostView(this.state, this.deps.clock.now(), this.deps.joinUrl);
  }

  /** The engine's view of one phone, with its review link added at the end. */
  playerView(playerId: string): PlayerView | null {
    const view = playerView(this.state, playerId, this.deps.clock.now());
    return view && this.withReviewUrl(playerId, view);
  }

  /**
   * R-JOIN, R-PERSIST-BEFORE-ACK: admitted in the queue (the nickname and a place are
   * held while the row is written), stored in one insert with the joins of the same
   * tick, then added to the game; the phone hears only once its player is stored.
   * A join whose insert failed leaves no player (UNAVAILABLE).
   */
  async join(
    nickname: string,
    nicknameKey: string,
  ): Promise<RoomResult<{ playerId: string; token: string; state: PlayerView }>> {
    const admitted = await this.run(async (): Promise<RoomResult<{ row: PlayerRow; token: string }>> => {
      const refused = this.admission() ?? this.joinRefusal(nicknameKey);
      if (refused) return { ok: false, code: refused };
      const token = newToken();
      const row = { id: newId(), gameId: this.id, nickname, nicknameKey, tokenHash: hashToken(token) };
      this.joining.add(nicknameKey);
      return { ok: true, row, token };
    });
    if (!admitted.ok) return { ok: false, code: admitted.code };
    const { row, token } = admitted;
    try {
      await this.playerWriter.write(row);
    } catch (error) {
      this.joining.delete(nicknameKey);
      this.deps.log(`game ${this.id}: could not store player`, error);
      return { ok: false, code: "UNAVAILABLE" };
    }
    return this.run(async () => {
      this.joining.delete(nicknameKey);
      const outcome = this.apply({ type: "join", playerId: row.id, nickname, nicknameKey });
      if (!outcome.ok || this.closed) {
        // Locked or ended while the row was written (or shutting down): the stored row
        // is marked as removed so reports and restarts leave it out.
        await this.deps.store
          .kickPlayer(row.id)
          .catch((error: unknown) => this.deps.log(`game ${this.id}: could not remove player`, error));
        return { ok: false, code: outcome.ok ? "UNAVAILABLE" : outcome.code };
      }
      await this.commit(outcome);
      this.viewedSinceBroadcast.add(row.id);
      const state = this.playerView(row.id);
      return state ? { ok: true, playerId: row.id, token, state } : { ok: false, code: "NOT_FOUND" };
    });
  }

  /** The engine's refusal, counting the joins whose rows are being written as already in. */
  private joinRefusal(nicknameKey: string): ErrorCode | null {
    if (this.joining.has(nicknameKey)) return "NICKNAME_TAKEN";
    const refused = joinRefusal(this.state, { nicknameKey });
    if (refused) return refused;
    return rosterOf(this.state).active + this.joining.size >= this.state.maxPlayers ? "GAME_FULL" : null;
  }

  rejoin(playerId: string) {
    return this.run(async (): Promise<RoomResult<{ state: PlayerView }>> => {
      if (this.closed) return { ok: false, code: "UNAVAILABLE" };
      // A player back may close the question (R-AUTO-CLOSE): only on written answers.
      await this.answersSettled();
      const outcome = this.apply({ type: "connect", playerId });
      if (!outcome.ok) return { ok: false, code: outcome.code };
      await this.commit(outcome);
      this.viewedSinceBroadcast.add(playerId);
      const state = this.playerView(playerId);
      return state ? { ok: true, state } : { ok: false, code: "NOT_FOUND" };
    });
  }

  /** `stillGone` is asked inside the queue: a socket that came back meanwhile keeps the player connected. */
  disconnect(playerId: string, stillGone: () => boolean = () => true): Promise<void> {
    return this.run(async () => {
      // After close() the game's state is written and stays so: a phone going away
      // in the shutdown must not close the question behind it.
      if (this.closed) return;
      await this.answersSettled();
      if (!stillGone()) return;
      const outcome = this.apply({ type: "disconnect", playerId });
      if (!outcome.ok) return;
      await this.commit(outcome);
      // Once the grace is over, the others' answers may be all that was missing.
      const graceTimer = setTimeout(() => void this.run(() => this.tick()), RECONNECT_GRACE_MS + 10);
      graceTimer.unref();
    });
  }

  /**
   * Accepted answers are acknowledged only once written (R-PERSIST-BEFORE-ACK). The
   * answer's time is its receipt, not when its turn in the queue comes.
   */
  async answer(playerId: string, questionIndex: number, optionIds: string[], rateLimited = false): Promise<RoomResult> {
    const receivedAt = this.deps.clock.now();
    const queued = await this.run(async (): Promise<RoomResult<{ written: Promise<void> }>> => {
      if (this.closed) return { ok: false, code: "UNAVAILABLE" };
      const command = { type: "answer", playerId, questionIndex, optionIds, rateLimited } as const;
      const outcome = apply(this.state, command, receivedAt, { inPlace: true });
      if (!outcome.ok) return { ok: false, code: outcome.code };
      const accepted = outcome.effects.find((e) => e.type === "answerAccepted");
      if (!accepted) return { ok: false, code: "UNAVAILABLE" };
      const written = this.writer.write({ gameId: this.id, playerId, questionIndex, ...accepted.answer });
      // On failure the answer leaves the state at once, before any queued task can
      // score it; on success the room checks whether everyone has now answered.
      written.then(
        () => void this.run(() => this.tick()),
        (error: unknown) => {
          this.deps.log(`game ${this.id}: answer not stored, refused`, error);
          this.state = this.apply({ type: "revokeAnswer", playerId, questionIndex }).state;
          this.scheduleHostUpdate();
        },
      );
      await this.commit(outcome);
      return { ok: true, written };
    });
    if (!queued.ok) return queued;
    try {
      await queued.written;
      return { ok: true };
    } catch {
      return { ok: false, code: "UNAVAILABLE" };
    }
  }

  /**
   * A host command, in the queue like everything else. With `expect`, the command runs
   * only if the game is still in that phase at that question; otherwise WRONG_PHASE and
   * nothing changes. Checked here, in the command's own turn, so two identical `next`
   * sent at once advance the game once (the second finds the phase moved on).
   */
  command(command: HostCommand, expect?: CommandExpect): Promise<RoomResult> {
    return this.run(async (): Promise<RoomResult> => {
      if (this.closed) return { ok: false, code: "UNAVAILABLE" };
      await this.answersSettled();
      if (expect && !this.isAt(expect)) return { ok: false, code: "WRONG_PHASE" };
      const outcome = this.apply(command);
      if (!outcome.ok) return { ok: false, code: outcome.code };
      await this.commit(outcome);
      return { ok: true };
    });
  }

  /** Writes the phase and clock as they are now (after a restore). */
  persist(): Promise<void> {
    return this.run(() => this.persistPhase());
  }

  /** Stops the timers and writes what is pending: for shutdown. */
  async close(): Promise<void> {
    // From here on nothing new is taken (R-SHUTDOWN: stops accepting); what was
    // accepted already is written below.
    this.closed = true;
    clearInterval(this.heartbeatTimer);
    this.clearTimer("deadlineTimer");
    this.clearTimer("hostTimer");
    this.clearTimer("lobbyTimer");
    await this.run(async () => {
      await this.writer.flush();
      await this.persistPhase();
    });
  }

  // --- internals ---

  private isAt(expect: CommandExpect): boolean {
    return this.state.phase === expect.phase && this.state.questionIndex === expect.questionIndex;
  }

  private run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch((error: unknown) => this.deps.log(`game ${this.id}: command failed`, error));
    return result;
  }

  /** The room keeps only the newest state: the engine may change it in place (O(1) per event). */
  private apply(command: Command): Outcome {
    return apply(this.state, command, this.deps.clock.now(), { inPlace: true });
  }

  private async commit(outcome: Extract<Outcome, { ok: true }>): Promise<void> {
    this.state = outcome.state;
    const phaseChanged = outcome.effects.some((e) => e.type === "phaseChanged");
    for (const effect of outcome.effects) {
      try {
        await this.persistEffect(effect);
      } catch (error) {
        // The game goes on; the heartbeat retries what did not land.
        this.deps.log(`game ${this.id}: ${effect.type} not stored, will retry`, error);
        if (effect.type === "questionClosed") this.pendingStandings = effect.questionIndex;
        if (effect.type === "playerKicked") this.pendingKicks.add(effect.playerId);
      }
    }
    if (phaseChanged) {
      // Answers first: a reveal must never show an answer the database lacks.
      await this.writer.flush();
      await this.persistPhase();
      this.scheduleDeadline();
      this.broadcast();
    } else if (outcome.effects.some((e) => e.type === "hostChanged")) {
      this.scheduleHostUpdate();
      if (this.state.phase === "lobby" && outcome.effects.some((e) => e.type === "playerJoined")) {
        this.scheduleLobbyUpdate();
      }
    }
    this.reportIfEndedAndStored();
  }

  /** Tells the owner, once, that the game has ended and nothing of it is left to write. */
  private reportIfEndedAndStored(): void {
    if (this.endedReported || this.closed || this.state.phase !== "ended") return;
    if (this.phaseDirty || this.pendingStandings !== null || this.pendingKicks.size > 0) return;
    this.endedReported = true;
    this.deps.onEndedAndStored?.();
  }

  private async persistEffect(effect: Effect): Promise<void> {
    if (effect.type === "playerKicked") {
      this.deps.output.kicked(effect.playerId);
      await this.deps.store.kickPlayer(effect.playerId);
    } else if (effect.type === "questionClosed") {
      await this.writer.flush();
      await this.deps.store.saveStandings(this.id, effect.questionIndex, this.state.skipped, this.standings());
    } else if (effect.type === "lockChanged") {
      // persistPhase never throws: a failed write marks the phase dirty and the heartbeat retries it.
      await this.persistPhase();
    }
  }

  private standings(): StandingRow[] {
    return activePlayers(this.state).map((p) => {
      const result = this.state.results[p.id];
      return {
        playerId: p.id,
        score: p.score,
        rank: p.rank,
        streak: p.streak,
        correct: result?.correct ?? false,
        points: result?.points ?? 0,
        bonus: result?.bonus ?? 0,
      };
    });
  }

  private phaseSnapshot(): PhaseSnapshot {
    const s = this.state;
    return {
      phase: s.phase,
      questionIndex: s.questionIndex,
      paused: s.paused,
      locked: s.locked,
      skipped: s.skipped,
      timeLeftMs: s.phase === "question" ? timeLeftMs(s, this.deps.clock.now()) : null,
    };
  }

  private async persistPhase(): Promise<void> {
    try {
      await this.deps.store.savePhase(this.id, this.phaseSnapshot(), new Date(this.deps.clock.now()));
      this.phaseDirty = false;
    } catch (error) {
      this.phaseDirty = true;
      this.deps.log(`game ${this.id}: phase not stored, will retry`, error);
    }
  }

  private async beat(): Promise<void> {
    try {
      for (const playerId of this.pendingKicks) {
        await this.deps.store.kickPlayer(playerId);
        this.pendingKicks.delete(playerId);
      }
      if (this.pendingStandings !== null) {
        await this.deps.store.saveStandings(this.id, this.pendingStandings, this.state.skipped, this.standings());
        this.pendingStandings = null;
      }
    } catch (error) {
      return this.deps.log(`game ${this.id}: retry not stored yet`, error);
    }
    if (this.phaseDirty) return this.persistPhase();
    if (this.state.phase !== "question" || this.state.paused) return;
    const now = this.deps.clock.now();
    await this.deps.store
      .heartbeat(this.id, timeLeftMs(this.state, now), new Date(now))
      .catch((error: unknown) => this.deps.log(`game ${this.id}: heartbeat not stored`, error));
  }

  private scheduleDeadline(): void {
    this.clearTimer("deadlineTimer");
    if (this.closed || this.state.phase !== "question" || this.state.paused) return;
    const left = timeLeftMs(this.state, this.deps.clock.now());
    this.deadlineTimer = setTimeout(() => void this.run(() => this.tick()), left + 5);
  }

  /**
   * Waits for the answers already accepted to be written (or refused and taken out
   * of the state) before anything that may close the question and score them.
   */
  private async answersSettled(): Promise<void> {
    await this.writer.flush().catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.closed) return;
    await this.answersSettled();
    const outcome = this.apply({ type: "tick" });
    if (outcome.ok && outcome.effects.length > 0) await this.commit(outcome);
    else this.scheduleDeadline();
  }

  private scheduleHostUpdate(): void {
    if (this.hostTimer) return;
    const wait = Math.max(0, this.lastHostEmit + HOST_UPDATE_INTERVAL_MS - this.deps.clock.now());
    this.hostTimer = setTimeout(() => {
      this.hostTimer = null;
      this.emitHost();
    }, wait);
  }

  private scheduleLobbyUpdate(): void {
    if (this.lobbyTimer) return;
    this.lobbyTimer = setTimeout(() => {
      this.lobbyTimer = null;
      if (this.state.phase === "lobby") this.emitPlayers();
    }, LOBBY_UPDATE_INTERVAL_MS);
  }

  private emitHost(): void {
    this.lastHostEmit = this.deps.clock.now();
    this.deps.output.host(this.id, this.hostView());
  }

  private broadcast(): void {
    this.clearTimer("hostTimer");
    this.emitHost();
    this.emitPlayers();
  }

  /**
   * Every phone's view: the shared part built once, so O(N) for N phones. A large
   * game's views go out PHONE_VIEWS_PER_TURN at a time, one turn of the event loop
   * each, so answers and their acks are not held behind thousands of writes. A newer
   * broadcast (the next phase, the lobby's next count) stops an older one still going
   * out: it sends everyone the newer view anyway.
   */
  private emitPlayers(): void {
    const generation = ++this.phoneBroadcasts;
    this.viewedSinceBroadcast.clear();
    const { phase, questionIndex } = this.state;
    const views = phoneViews(this.state, this.deps.clock.now());
    const sendTurn = () => {
      // The state changes in place: once the game has moved on, even before the newer
      // broadcast (its phase is written first), these views are stale.
      const movedOn = this.state.phase !== phase || this.state.questionIndex !== questionIndex;
      if (generation !== this.phoneBroadcasts || this.closed || movedOn) return;
      for (let sent = 0; sent < PHONE_VIEWS_PER_TURN; sent++) {
        const next = views.next();
        if (next.done) return;
        const [playerId, view] = next.value;
        if (this.viewedSinceBroadcast.has(playerId)) continue;
        this.deps.output.player(playerId, this.withReviewUrl(playerId, view));
      }
      setImmediate(sendTurn);
    };
    sendTurn();
  }

  /** At the end, the phone's view carries its player's review link (when the room has one). */
  private withReviewUrl(playerId: string, view: PlayerView): PlayerView {
    if (view.phase !== "ended" || !this.deps.reviewUrl) return view;
    return { ...view, reviewUrl: this.deps.reviewUrl(playerId) };
  }

  private clearTimer(name: "deadlineTimer" | "hostTimer" | "lobbyTimer"): void {
    const timer = this[name];
    if (timer) clearTimeout(timer);
    this[name] = null;
  }
}
