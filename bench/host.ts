// The instructor's side of a bench game: sign-in and deck import over HTTP (Quizroom
// only), then one /host socket per game that creates it and plays it, recording when
// each command was sent and what the host heard back.
import { io, type Socket } from "socket.io-client";
import type { Ack, HostClientToServer, HostServerToClient, HostView } from "../lib/contract";
import type { BenchDeck } from "./deck";
import { now } from "./messages";
import { ADMIN } from "./servers";

type HostClient = Socket<HostServerToClient, HostClientToServer>;

const ACK_TIMEOUT_MS = 60_000;

/** Signs the bench's instructor in (with the app's Origin, as a browser does): the session cookie. */
export async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify(ADMIN),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.includes("session_token"));
  if (!cookie) throw new Error("sign-in gave no session cookie");
  return cookie.split(";")[0] ?? "";
}

/** Imports the bench's deck: its id. */
export async function importDeck(url: string, cookie: string, deck: BenchDeck): Promise<string> {
  const res = await fetch(`${url}/api/decks/import`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, cookie },
    body: JSON.stringify(deck),
  });
  if (res.status !== 201) throw new Error(`deck import failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export class HostDriver {
  private latest: HostView | null = null;
  private readonly waiters = new Set<() => void>();
  /** When each question's opening command (start or next) was sent, by question index. */
  readonly openSentAt: number[] = [];
  /** When the host's view first showed each question open, and its time left then. */
  readonly questionSeen: { at: number; timeLeftMs: number }[] = [];
  /** When the host's view first showed each question's reveal. */
  readonly revealSeenAt: number[] = [];
  /** Every command's ack latency (emit → ack), ms. */
  readonly ackMs: number[] = [];
  gameId = "";
  pin = "";

  private constructor(private readonly socket: HostClient) {
    socket.on("state", (view) => {
      const at = now();
      this.latest = view;
      const q = view.question?.index ?? -1;
      if (view.phase === "question" && view.question && !this.questionSeen[q]) {
        this.questionSeen[q] = { at, timeLeftMs: view.question.timeLeftMs };
      }
      if (view.phase === "reveal" && this.revealSeenAt[q] === undefined) this.revealSeenAt[q] = at;
      for (const wake of [...this.waiters]) wake();
    });
  }

  /** Connects to /host: with the instructor's cookie and the app's Origin for Quizroom, bare for the floor. */
  static async connect(url: string, cookie: string | null): Promise<HostDriver> {
    const socket: HostClient = io(`${url}/host`, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      ...(cookie ? { extraHeaders: { cookie, origin: url } } : {}),
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", (error) => {
        socket.close();
        reject(new Error(`host could not connect: ${error.message}`));
      });
    });
    return new HostDriver(socket);
  }

  private async call<T extends object = object>(event: string, payload: unknown): Promise<{ ok: true } & T> {
    const sentAt = now();
    const ack = (await (this.socket as unknown as Socket)
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(event, payload)) as Ack<T>;
    this.ackMs.push(now() - sentAt);
    if (!ack.ok) throw new Error(`host ${event} refused: ${ack.error.code} ${ack.error.message}`);
    return ack;
  }

  async create(deckId: string): Promise<void> {
    const created = await this.call<{ gameId: string; pin: string }>("create", { deckId });
    this.gameId = created.gameId;
    this.pin = created.pin;
  }

  /** Opens question `index` (start for the first, next from the leaderboard after): records when it was sent. */
  async open(index: number): Promise<void> {
    this.openSentAt[index] = now();
    await this.call(index === 0 ? "start" : "next", { gameId: this.gameId });
  }

  /** reveal → leaderboard, or leaderboard → the next question or the end. */
  async next(): Promise<void> {
    await this.call("next", { gameId: this.gameId });
  }

  async end(): Promise<void> {
    await this.call("end", { gameId: this.gameId }).catch(() => undefined);
  }

  /** Resolves once the host's view satisfies the predicate; false after `timeoutMs`. */
  waitFor(predicate: (view: HostView) => boolean, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const check = () => {
        if (!this.latest || !predicate(this.latest)) return;
        done(true);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const done = (result: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(result);
      };
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}
