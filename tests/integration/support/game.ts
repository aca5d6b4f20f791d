// A game driven over the contract: a signed-in host and phones that record every
// payload they receive, so tests can check what a phone could ever have seen.
import { readFileSync } from "node:fs";
import type { HostView, PlayerView } from "../../../lib/contract";
import {
  call,
  connectHost,
  connectPlayer,
  expectOk,
  signIn,
  type HostClient,
  type PlayClient,
  postJson,
} from "./clients";

export const SHORT_DECK = JSON.parse(readFileSync("tests/fixtures/short-deck.json", "utf8")) as {
  questions: { correct: number[]; options: string[] }[];
};
export const LETTERS = ["a", "b", "c", "d", "e", "f"];
export const correctIds = (index: number) => (SHORT_DECK.questions[index]?.correct ?? []).map((i) => LETTERS[i] ?? "");

export interface Phone {
  socket: PlayClient;
  playerId: string;
  token: string;
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
  const hostViews: HostView[] = [];
  host.on("state", (view) => hostViews.push(view));
  const created = expectOk(
    await call<{ gameId: string; pin: string; joinUrl: string }>(host, "create", { deckId: id }),
  );
  return { cookie, deckId: id, host, hostViews, ...created };
}

export function recordPhone(socket: PlayClient, received: unknown[]): void {
  socket.on("state", (view) => received.push(view));
  socket.on("kicked", (body) => received.push(body));
}

export async function joinPhone(url: string, pin: string, nickname: string): Promise<Phone> {
  const socket = await connectPlayer(url);
  const received: unknown[] = [];
  recordPhone(socket, received);
  const ack = await call<{ playerId: string; token: string; state: PlayerView }>(socket, "join", { pin, nickname });
  received.push(ack);
  const joined = expectOk(ack);
  let latest = joined.state;
  socket.on("state", (view) => (latest = view));
  return { socket, playerId: joined.playerId, token: joined.token, received, latest: () => latest };
}

/** Names of fields that would tell the answer; none may reach a phone before the reveal. */
const ANSWER_FIELDS = ["correctOptionIds", "correct", "explanation", "optionCounts"];

/** R-NO-LEAK: walks every payload a phone received outside reveal/leaderboard/ended. */
export function leakedFields(received: unknown[]): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (ANSWER_FIELDS.includes(key)) found.push(`${path}.${key}`);
        walk(inner, `${path}.${key}`);
      }
    }
  };
  for (const payload of received) {
    const phase =
      (payload as { phase?: string; state?: { phase?: string } }).phase ??
      (payload as { state?: { phase?: string } }).state?.phase;
    if (phase === "reveal" || phase === "ended") continue;
    walk(payload, "payload");
  }
  return found;
}
