// A bot worker: a child process that plays many phones, one socket.io-client socket
// each (WebSocket only), as the bench tells it over IPC. It logs nothing per bot: it
// sends counters for the progress bar and, at the end, one record per bot.
import { io, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";
import type { Ack, PlayClientToServer, PlayerView, PlayServerToClient } from "../lib/contract";
import { correctOptionId, wrongOptionId } from "./deck";
import {
  emptyCounters,
  now,
  type BotRecord,
  type BotSpec,
  type Counters,
  type ParentMessage,
  type WorkerConfig,
  type WorkerMessage,
} from "./messages";

type PlayClient = Socket<PlayServerToClient, PlayClientToServer>;

/** How long a bot waits for any ack before counting it lost. */
const ACK_TIMEOUT_MS = 60_000;
/** A phone told RATE_LIMITED (or cut off while joining) tries again after this long, plus up to as much again. */
const JOIN_RETRY_MS = 2_000;
/** A bot that drops on purpose stays away this long before it rejoins (a reload, a Wi-Fi blink). */
const AWAY_MS = 400;

let config: WorkerConfig;
let counters: Counters;
let random: () => number = Math.random;
let finishing = false;
let joinDeadline = 0;
const bots: Bot[] = [];

function send(message: WorkerMessage): void {
  process.send?.(message);
}

/** mulberry32: a small seeded generator, so a run's choices can be repeated. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Joins in flight at once: enough to keep the server busy, few enough not to overflow its accept backlog. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}

function errorCode(ack: Ack<object>): string {
  return ack.ok ? "ok" : ack.error.code;
}

class Bot {
  private socket: PlayClient | null = null;
  private token = "";
  private readonly scheduled = new Set<number>();
  private readonly seenQuestion = new Set<number>();
  private readonly seenReveal = new Set<number>();
  private readonly seenLeaderboard = new Set<number>();
  private seenEnd = false;
  private away = false;
  readonly record: BotRecord;

  constructor(
    readonly spec: BotSpec,
    private readonly localAddress: string | undefined,
  ) {
    const perQuestion = () => new Array<number | null>(config.questions).fill(null);
    this.record = {
      index: spec.index,
      game: spec.game,
      playerId: null,
      joinStartAt: null,
      joinAckAt: null,
      joinAckMs: null,
      joinAttempts: 0,
      rateLimited: 0,
      joinError: null,
      questionAt: perQuestion(),
      answerSentAt: perQuestion(),
      answerAckAt: perQuestion(),
      answerCode: new Array<string | null>(config.questions).fill(null),
      answerOptionIds: new Array<string | null>(config.questions).fill(null),
      revealAt: perQuestion(),
      rejoinSentAt: null,
      rejoinAckAt: null,
      rejoinCode: null,
      dropped: 0,
      dropReasons: [],
    };
  }

  private slot(question: number): number {
    return this.spec.game * config.questions + question;
  }

  private connect(): Promise<PlayClient> {
    const options: Partial<ManagerOptions & SocketOptions> & { localAddress?: string } = {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      timeout: ACK_TIMEOUT_MS,
    };
    // engine.io-client hands localAddress to ws: bots can be spread over 127.0.0.x.
    if (this.localAddress) options.localAddress = this.localAddress;
    const socket: PlayClient = io(`${config.url}/play`, options);
    socket.on("state", (view) => this.onState(view));
    socket.on("disconnect", (reason) => this.onDisconnect(socket, reason));
    return new Promise((resolve, reject) => {
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", (error) => {
        socket.off("disconnect");
        socket.close();
        reject(error);
      });
    });
  }

  private call<T extends object>(event: "join" | "rejoin" | "answer", payload: unknown): Promise<Ack<T>> {
    // Untyped here: the three events share one path; their payloads are typed by the callers.
    const socket = this.socket as Socket | null;
    if (!socket) return Promise.reject(new Error("not connected"));
    return new Promise((resolve, reject) => {
      socket.timeout(ACK_TIMEOUT_MS).emit(event, payload, (error: Error | null, ack: Ack<T>) => {
        if (error) reject(new Error("ack timeout"));
        else resolve(ack);
      });
    });
  }

  async join(pin: string, slots: Slots, startAt: number): Promise<void> {
    this.record.joinStartAt = startAt;
    while (!finishing) {
      await slots.acquire();
      let retry = false;
      try {
        this.record.joinAttempts += 1;
        this.socket ??= await this.connect();
        const sentAt = now();
        const ack = await this.call<{ playerId: string; token: string; state: PlayerView }>("join", {
          pin,
          nickname: this.spec.nickname,
        });
        if (ack.ok) {
          this.record.joinAckAt = now();
          this.record.joinAckMs = this.record.joinAckAt - sentAt;
          this.record.playerId = ack.playerId;
          this.record.joinError = null;
          this.token = ack.token;
          counters.joined += 1;
          counters.joinedPerGame[this.spec.game] = (counters.joinedPerGame[this.spec.game] ?? 0) + 1;
          return;
        }
        this.record.joinError = errorCode(ack);
        if (ack.error.code === "RATE_LIMITED") {
          counters.rateLimited += 1;
          this.record.rateLimited += 1;
        }
        retry = ack.error.code === "RATE_LIMITED" || ack.error.code === "UNAVAILABLE";
      } catch (error) {
        this.record.joinError = error instanceof Error ? error.message : String(error);
        this.closeQuietly();
        retry = true;
      } finally {
        slots.release();
      }
      if (!retry || now() > joinDeadline) break;
      await sleep(JOIN_RETRY_MS * (1 + random()));
    }
    counters.joinFailed += 1;
  }

  private onState(view: PlayerView): void {
    const at = now();
    if (view.phase === "question") {
      const q = view.question.index;
      if (q >= config.questions) return;
      if (!this.seenQuestion.has(q)) {
        this.seenQuestion.add(q);
        this.record.questionAt[q] ??= at;
        counters.question[this.slot(q)] = (counters.question[this.slot(q)] ?? 0) + 1;
      }
      if (view.answeredOptionIds === null && !this.scheduled.has(q) && !view.paused) {
        this.scheduled.add(q);
        this.plan(q, view.question.timeLeftMs);
      }
    } else if (view.phase === "reveal") {
      const q = view.question.index;
      if (q >= config.questions || this.seenReveal.has(q)) return;
      this.seenReveal.add(q);
      this.record.revealAt[q] ??= at;
      counters.reveal[this.slot(q)] = (counters.reveal[this.slot(q)] ?? 0) + 1;
    } else if (view.phase === "leaderboard") {
      const q = view.questionIndex;
      if (q >= config.questions || this.seenLeaderboard.has(q)) return;
      this.seenLeaderboard.add(q);
      counters.leaderboard[this.slot(q)] = (counters.leaderboard[this.slot(q)] ?? 0) + 1;
    } else if (view.phase === "ended" && !this.seenEnd) {
      this.seenEnd = true;
      counters.ended[this.spec.game] = (counters.ended[this.spec.game] ?? 0) + 1;
    }
  }

  /** Answers question q at a random time within the limit; a rejoiner first drops and comes back. */
  private plan(q: number, timeLeftMs: number): void {
    const answerIn = random() * config.answerWindow * timeLeftMs;
    if (this.spec.rejoinQuestion !== q) {
      setTimeout(() => void this.answer(q), answerIn);
      return;
    }
    const dropIn = random() * 0.3 * timeLeftMs;
    setTimeout(() => {
      void this.dropAndRejoin().then(() => {
        const left = answerIn - (now() - (this.record.questionAt[q] ?? now()));
        setTimeout(() => void this.answer(q), Math.max(50, left));
      });
    }, dropIn);
  }

  private async dropAndRejoin(): Promise<void> {
    if (finishing) return;
    this.away = true;
    this.closeQuietly();
    await sleep(AWAY_MS);
    this.away = false;
    this.record.rejoinSentAt = now();
    this.record.rejoinCode = await this.rejoin();
    this.record.rejoinAckAt = now();
  }

  /** A new socket, then `rejoin` with the token: "ok" or why not. */
  private async rejoin(): Promise<string> {
    try {
      this.socket = await this.connect();
      const ack = await this.call<{ playerId: string; state: PlayerView }>("rejoin", { token: this.token });
      return errorCode(ack);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  private async answer(q: number): Promise<void> {
    if (finishing || this.away || !this.socket?.connected) {
      this.record.answerCode[q] ??= "NOT_CONNECTED";
      return;
    }
    const optionId = random() < config.wrongFraction ? wrongOptionId(q, random()) : correctOptionId(q);
    this.record.answerOptionIds[q] = optionId;
    this.record.answerSentAt[q] = now();
    let code: string;
    try {
      code = errorCode(await this.call("answer", { questionIndex: q, optionIds: [optionId] }));
    } catch (error) {
      code = error instanceof Error ? error.message : String(error);
    }
    this.record.answerAckAt[q] = now();
    this.record.answerCode[q] = code;
    if (code === "ok") counters.answersOk += 1;
    else counters.answersRefused += 1;
  }

  private onDisconnect(socket: PlayClient, reason: string): void {
    if (socket !== this.socket || finishing || this.away || reason === "io client disconnect") return;
    // Not asked for: the server closed it, or the connection broke. A phone would come back.
    this.record.dropped += 1;
    if (this.record.dropReasons.length < 3) this.record.dropReasons.push(reason);
    counters.dropped += 1;
    this.socket = null;
    if (!this.token) return;
    void (async () => {
      for (let attempt = 0; attempt < 3 && !finishing && !this.socket; attempt += 1) {
        await sleep(1000 + 1000 * random());
        if ((await this.rejoin()) === "ok") return;
        this.closeQuietly();
      }
    })();
  }

  private closeQuietly(): void {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.off("disconnect");
    socket.off("state");
    socket.disconnect();
  }

  close(): void {
    this.closeQuietly();
  }
}

let lastSent = "";
function reportProgress(): void {
  const text = JSON.stringify(counters);
  if (text === lastSent) return;
  lastSent = text;
  send({ type: "progress", counters });
}

async function joinAll(pins: string[], startAt: number, deadline: number): Promise<void> {
  joinDeadline = deadline;
  await sleep(Math.max(0, startAt - now()));
  const slots = new Slots(config.maxJoinsInFlight);
  await Promise.all(
    bots.map((bot) => {
      const pin = pins[bot.spec.game];
      return pin ? bot.join(pin, slots, startAt) : Promise.resolve();
    }),
  );
}

function finish(): void {
  finishing = true;
  reportProgress();
  // The records first: closing thousands of sockets on a busy machine takes a while, and
  // the bench stops waiting for a worker after a bound.
  const records = bots.map((b) => b.record);
  // In chunks: one IPC message of 10,000 records would be several MB of JSON.
  const CHUNK = 1000;
  for (let i = 0; i < records.length || i === 0; i += CHUNK) {
    send({ type: "records", records: records.slice(i, i + CHUNK), last: i + CHUNK >= records.length });
  }
  for (const bot of bots) bot.close();
}

process.on("message", (message: ParentMessage) => {
  if (message.type === "init") {
    config = message.config;
    counters = emptyCounters(config.games, config.questions);
    random = seeded(config.seed);
    const addresses = config.localAddresses;
    for (const spec of config.bots) {
      const address = addresses.length > 1 ? addresses[spec.index % addresses.length] : undefined;
      bots.push(new Bot(spec, address));
    }
    setInterval(reportProgress, 100).unref();
    send({ type: "ready" });
  } else if (message.type === "join") {
    joinAll(message.pins, message.startAt, message.deadline).catch((error: unknown) =>
      send({ type: "error", message: error instanceof Error ? error.message : String(error) }),
    );
  } else if (message.type === "finish") {
    finish();
  }
});

// The bench is the lifeline: when its IPC channel closes (it exited or died), so does the worker.
process.on("disconnect", () => process.exit(0));
// Ctrl-C reaches the whole terminal's process group: the bench asks for the records and then
// ends the worker itself, so the worker's own copy of the signal is ignored.
process.on("SIGINT", () => undefined);
