// What the bench (parent) and its bot workers (child processes) say to each other
// over the IPC channel. Every time is on the shared clock: performance.timeOrigin +
// performance.now(), in ms since the epoch, comparable across the processes of one machine.

export interface BotSpec {
  /** Global index of the bot, 0..players×games−1. */
  index: number;
  /** The game this bot joins, 0..games−1. */
  game: number;
  nickname: string;
  /** The question during which this bot drops its connection on purpose and rejoins with its token; −1 for none. */
  rejoinQuestion: number;
}

export interface WorkerConfig {
  /** Base URL of the Socket.IO server under test (loopback). */
  url: string;
  questions: number;
  games: number;
  /** Fraction of answers chosen wrong on purpose. */
  wrongFraction: number;
  /** Answers are sent at a uniform random time in [0, answerWindow × time left]. */
  answerWindow: number;
  /** Joins (connect + join ack) in flight at once in this worker. */
  maxJoinsInFlight: number;
  /** Local source addresses to spread the bots over (loopback only); one entry means one address. */
  localAddresses: string[];
  /** Seed of this worker's pseudo-random choices, so a run can be repeated. */
  seed: number;
  bots: BotSpec[];
}

export type ParentMessage =
  | { type: "init"; config: WorkerConfig }
  /**
   * Join every bot to the game of its `game` index, starting at `startAt` (shared clock);
   * a join refused with RATE_LIMITED (or cut off) is retried until `deadline`.
   */
  | { type: "join"; pins: string[]; startAt: number; deadline: number }
  /** Close every socket on purpose and send the records back. */
  | { type: "finish" };

/** Counters for the progress bar and for the bench to know when a phase has reached every phone. */
export interface Counters {
  joined: number;
  joinFailed: number;
  /** Join attempts refused with RATE_LIMITED (each retried later). */
  rateLimited: number;
  dropped: number;
  answersOk: number;
  answersRefused: number;
  /** Per game × question (index game × questions + question): phones that saw it. */
  question: number[];
  reveal: number[];
  leaderboard: number[];
  /** Per game: phones that saw the end. */
  ended: number[];
  /** Per game: phones joined. */
  joinedPerGame: number[];
}

export interface BotRecord {
  index: number;
  game: number;
  playerId: string | null;
  joinStartAt: number | null;
  joinAckAt: number | null;
  /** Latency of the successful join attempt alone (emit → ack), ms. */
  joinAckMs: number | null;
  joinAttempts: number;
  /** Join attempts refused with RATE_LIMITED. */
  rateLimited: number;
  /** Why the last join attempt failed when the bot never got in. */
  joinError: string | null;
  /** Per question: when its `state` (phase question) arrived. */
  questionAt: (number | null)[];
  answerSentAt: (number | null)[];
  answerAckAt: (number | null)[];
  /** Per question: "ok", an error code, or null when no answer was sent. */
  answerCode: (string | null)[];
  answerOptionIds: (string | null)[];
  revealAt: (number | null)[];
  rejoinSentAt: number | null;
  rejoinAckAt: number | null;
  rejoinCode: string | null;
  /** Disconnects the bot did not ask for (server close, ping timeout, transport error). */
  dropped: number;
  dropReasons: string[];
}

export type WorkerMessage =
  | { type: "ready" }
  | { type: "progress"; counters: Counters }
  | { type: "records"; records: BotRecord[]; last: boolean }
  | { type: "error"; message: string };

export function emptyCounters(games: number, questions: number): Counters {
  const perQuestion = () => new Array<number>(games * questions).fill(0);
  return {
    joined: 0,
    joinFailed: 0,
    rateLimited: 0,
    dropped: 0,
    answersOk: 0,
    answersRefused: 0,
    question: perQuestion(),
    reveal: perQuestion(),
    leaderboard: perQuestion(),
    ended: new Array<number>(games).fill(0),
    joinedPerGame: new Array<number>(games).fill(0),
  };
}

/** The shared clock: ms since the epoch with sub-ms precision, the same origin in every process. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}
