// A game driven over the contract: a signed-in host and phones that record every
// payload they receive, so tests can check what a phone could ever have seen.
import { readFileSync } from "node:fs";
import type { Socket } from "socket.io-client";
import type { Ack, HostView, PlayerView } from "../../../lib/contract";
import {
  connectHost,
  connectPlayer,
  expectOk,
  signIn,
  type HostClient,
  type PlayClient,
  postJson,
  WAIT_MS,
} from "./clients";

export const SHORT_DECK = JSON.parse(readFileSync("tests/fixtures/short-deck.json", "utf8")) as {
  questions: { correct: number[]; options: string[] }[];
};
export const LETTERS = ["a", "b", "c", "d", "e", "f"];
export const correctIds = (index: number) => (SHORT_DECK.questions[index]?.correct ?? []).map((i) => LETTERS[i] ?? "");

/**
 * Every payload one client received, in the order it arrived: each event (whatever
 * its name) and the ack of each call made through `call`. A phone that reconnects
 * keeps its inbox: `listen` adds the new socket.
 */
export class Inbox {
  /** The payloads, in order. */
  readonly received: unknown[] = [];
  /** The event name of each payload; acks are `ack:<event>`. */
  readonly events: string[] = [];
  private readonly waiters = new Set<() => void>();

  listen(socket: Socket): this {
    socket.onAny((event: string, ...args: unknown[]) => this.push(event, args.length === 1 ? args[0] : args));
    return this;
  }

  push(event: string, payload: unknown): void {
    this.events.push(event);
    this.received.push(payload);
    for (const wake of [...this.waiters]) wake();
  }

  /** How many payloads so far: a mark to wait from. */
  get size(): number {
    return this.received.length;
  }

  /**
   * Emits with an ack and records the ack the moment it arrives, so that it keeps its
   * place among the events (awaiting first could let a later event slip before it).
   */
  call<T extends object = object>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
    return new Promise((resolve, reject) => {
      socket.timeout(WAIT_MS).emit(event, payload, (error: Error | null, ack: Ack<T>) => {
        if (error) return reject(new Error(`no ack for ${event}`));
        this.push(`ack:${event}`, ack);
        resolve(ack);
      });
    });
  }

  /** Resolves with the first payload at or after index `from` that satisfies the predicate. */
  until<V = unknown>(predicate: (payload: V) => boolean, from = 0, timeoutMs = WAIT_MS): Promise<V> {
    return new Promise((resolve, reject) => {
      let checked = from;
      const check = () => {
        for (; checked < this.received.length; checked += 1) {
          const payload = this.received[checked] as V;
          if (!predicate(payload)) continue;
          done();
          resolve(payload);
          return;
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for a payload; got ${JSON.stringify(this.received.slice(from))}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Waits for a view (a `state` event or an ack's `state`) that satisfies the predicate. */
  untilView<V extends PlayerView | HostView>(predicate: (view: V) => boolean, from = 0): Promise<V> {
    return this.until((payload) => {
      const view = viewOf(payload) as V | undefined;
      return view !== undefined && predicate(view);
    }, from).then((payload) => viewOf(payload) as V);
  }
}

/** The view a payload carries: a `state` event itself, or an ack's `state`. */
export function viewOf(payload: unknown): PlayerView | HostView | undefined {
  if (!payload || typeof payload !== "object") return undefined;
  if ("phase" in payload) return payload as PlayerView | HostView;
  const inner = (payload as { state?: unknown }).state;
  return inner && typeof inner === "object" && "phase" in inner ? (inner as PlayerView | HostView) : undefined;
}

export interface Phone {
  socket: PlayClient;
  playerId: string;
  token: string;
  inbox: Inbox;
  /** Every payload this phone received: acks and events, in order. */
  received: unknown[];
  latest: () => PlayerView;
}

export async function importDeck(url: string, cookie: string, deck: unknown = SHORT_DECK): Promise<string> {
  const res = await postJson(url, "/api/decks/import", deck, cookie);
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export async function hostGame(url: string, deckId?: string) {
  const cookie = await signIn(url);
  const id = deckId ?? (await importDeck(url, cookie));
  const host: HostClient = await connectHost(url, cookie);
  const inbox = new Inbox().listen(host);
  const created = expectOk(
    await inbox.call<{ gameId: string; pin: string; joinUrl: string }>(host, "create", { deckId: id }),
  );
  return { cookie, deckId: id, host, inbox, ...created };
}

/** Joins on a new socket (or on `socket`, recording into `inbox`) and expects to get in. */
export async function joinPhone(
  url: string,
  pin: string,
  nickname: string,
  into: { socket?: PlayClient; inbox?: Inbox } = {},
): Promise<Phone> {
  const socket = into.socket ?? (await connectPlayer(url));
  const inbox = into.inbox ?? new Inbox().listen(socket);
  const joined = expectOk(
    await inbox.call<{ playerId: string; token: string; state: PlayerView }>(socket, "join", { pin, nickname }),
  );
  let latest = joined.state;
  socket.on("state", (view) => (latest = view));
  return {
    socket,
    playerId: joined.playerId,
    token: joined.token,
    inbox,
    received: inbox.received,
    latest: () => latest,
  };
}

/** Names of fields that would tell the answer; none may reach a phone or the projector before the reveal. */
const ANSWER_FIELDS = ["correctOptionIds", "correct", "explanation", "optionCounts"];
const AFTER_A_REVEAL = ["reveal", "leaderboard", "ended"];

/**
 * R-NO-LEAK, by name: walks every payload received in the lobby or an open question
 * and lists the answer fields that carry a value (the host's view has them, null,
 * until the reveal). The non-interference test (no-leak.test.ts) catches other names.
 */
export function leakedFields(received: unknown[]): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (ANSWER_FIELDS.includes(key) && inner !== null) found.push(`${path}.${key}`);
        walk(inner, `${path}.${key}`);
      }
    }
  };
  received.forEach((payload, i) => {
    if (AFTER_A_REVEAL.includes(viewOf(payload)?.phase ?? "")) return;
    walk(payload, `payload[${i}]`);
  });
  return found;
}
