// R-NO-LEAK as non-interference. The same game is played twice, each time on a fresh
// server, with two decks that differ only in which options are correct: same players,
// same join order, same answers, same host actions. Everything a phone or the
// projector receives before a reveal (socket events, acks, the pages they load and
// the API calls those pages make) must then be identical in both runs, once the
// values that are random or clock-driven per run are replaced by placeholders. A
// field that carries the answer under any name, an option order that follows it, or
// an ack that depends on it shows up as a difference; a list of forbidden names
// (leakedFields) could not see those. The deck's rationales (why each option is
// wrong) tell the answer too: each is a marker that may reach only a phone's own
// reveal, for the options that phone chose wrongly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPTION_IDS, type HostView, type PlayerRevealView, type PlayerView } from "../../lib/contract";
import { api, connectHost, connectPlayer, expectOk, signIn, type PlayClient } from "./support/clients";
import { importDeck, Inbox, leakedFields, viewOf } from "./support/game";
import { startServer, type TestServer } from "./support/server";

const QUESTIONS = [
  {
    kind: "single",
    text: "A team must copy 80 TB within a week over a 100 Mbit/s link. What should they use?",
    options: ["Site-to-site VPN", "Snowball Edge", "Direct Connect", "S3 multipart upload"],
    explanation: "Shipping a device beats the link.",
    tags: ["transfer"],
  },
  {
    kind: "multiple",
    text: "Which of these formats fit the scenario? (choose two)",
    options: ["CSV", "Parquet", "JSON", "ORC"],
    points: "double",
    explanation: "It depends on the scenario.",
    tags: ["formats"],
  },
  {
    kind: "truefalse",
    text: "Firehose can transform records with Lambda before delivery.",
    options: ["True", "False"],
    explanation: "See the documentation.",
  },
];
/** Deck A and deck B: every question's correct options differ, nothing else does. */
const CORRECT = { A: [[1], [1, 3], [0]], B: [[2], [0, 2], [1]] };
/** A distinctive rationale per option: question number (1-based), option letter. */
const rationale = (question: number, id: string) => `RATIONALE-${question}-${id}-MARK`;
const RATIONALE = /RATIONALE-\d-[a-f]-MARK/g;
const deckWith = (correct: number[][]) => ({
  title: "Non-interference deck",
  language: "en",
  description: "Two copies that differ only in the correct options.",
  // Long enough that no question closes by its deadline while the script plays.
  questions: QUESTIONS.map((q, i) => ({
    ...q,
    timeLimitSec: 240,
    correct: correct[i],
    rationales: q.options.map((_, o) => rationale(i + 1, OPTION_IDS[o] ?? "")),
  })),
});

interface Run {
  /** What each client received: "host", "pages" (HTTP bodies), and each phone by nickname. */
  inboxes: Record<string, Inbox>;
  /** This run's random values, each with the placeholder that stands for it. */
  placeholders: [value: string, placeholder: string][];
}

const NICKNAMES = ["Ann", "Bob", "Cy", "Dee"] as const;
type Nickname = (typeof NICKNAMES)[number];

/** One game, driven step by step: each step waits for every payload it causes before the next. */
async function play(server: TestServer, deck: unknown): Promise<Run> {
  const placeholders: Run["placeholders"] = [[server.url, "<url>"]];
  const cookie = await signIn(server.url);
  const deckId = await importDeck(server.url, cookie, deck);
  placeholders.push([deckId, "<deck>"]);

  const pages = new Inbox();
  const load = async (path: string, withCookie: boolean) => {
    const res = await api(server.url, path, withCookie ? { cookie } : {});
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    if (nonce) placeholders.push([nonce, "<nonce>"]);
    const body = await res.text();
    // Headers too (all but the clock's): a leak could hide there as well as in the body.
    const headers = [...res.headers].filter(([name]) => name !== "date").map(([name, value]) => `${name}: ${value}`);
    pages.push(path, [res.status, ...headers, "", body].join("\n"));
    return body;
  };
  const me = JSON.parse(await load("/api/me", true)) as { id: string };
  placeholders.push([me.id, "<user>"]);

  const host = await connectHost(server.url, cookie);
  const hostInbox = new Inbox().listen(host);
  const created = expectOk(
    await hostInbox.call<{ gameId: string; pin: string; joinUrl: string }>(host, "create", { deckId }),
  );
  const { gameId, pin } = created;
  placeholders.push([created.joinUrl, "<joinUrl>"], [gameId, "<gameId>"], [pin, "<pin>"]);
  const command = (event: string, extra: object = {}) => hostInbox.call(host, event, { gameId, ...extra });
  const hostSees = (predicate: (view: HostView) => boolean, from: number) =>
    hostInbox.untilView<HostView>(predicate, from);

  const inboxes: Record<string, Inbox> = { host: hostInbox, pages };
  const sockets = {} as Record<Nickname, PlayClient>;
  const ids = {} as Record<Nickname, { playerId: string; token: string }>;
  const joined: Nickname[] = [];
  const phone = (name: Nickname) => inboxes[name] as Inbox;

  const marks = () => Object.fromEntries(Object.entries(inboxes).map(([name, inbox]) => [name, inbox.size]));
  /** Every phone still in the game gets a view that satisfies the predicate, after its mark. */
  const phonesSee = (predicate: (view: PlayerView) => boolean, from: Record<string, number>, who = joined) =>
    Promise.all(who.map((name) => phone(name).untilView<PlayerView>(predicate, from[name] ?? 0)));
  /** A host action that changes the phase: the host and every phone get the new phase. */
  const phaseChange = async (
    event: string,
    predicate: (view: PlayerView | HostView) => boolean,
    { extra = {}, who = joined }: { extra?: object; who?: Nickname[] } = {},
  ) => {
    const before = marks();
    expectOk(await command(event, extra));
    await Promise.all([hostSees(predicate, before.host ?? 0), phonesSee(predicate, before, who)]);
  };
  const answer = async (name: Nickname, questionIndex: number, optionIds: string[]) =>
    phone(name).call(sockets[name], "answer", { questionIndex, optionIds });
  /** An accepted answer: the host's count moves (throttled, so wait for it before the next). */
  const answerCounted = async (name: Nickname, questionIndex: number, optionIds: string[], count: number) => {
    const before = hostInbox.size;
    expectOk(await answer(name, questionIndex, optionIds));
    await hostSees((v) => v.answeredCount === count, before);
  };
  const join = async (name: Nickname) => {
    const socket = await connectPlayer(server.url);
    sockets[name] = socket;
    const inbox = (inboxes[name] = new Inbox().listen(socket));
    const ack = expectOk(
      await inbox.call<{ playerId: string; token: string }>(socket, "join", { pin, nickname: name }),
    );
    ids[name] = { playerId: ack.playerId, token: ack.token };
    placeholders.push([ack.playerId, `<player:${name}>`], [ack.token, `<token:${name}>`]);
    joined.push(name);
  };

  // The lobby: each join shows on the projector and, at most every 2 s, on every phone.
  for (const name of ["Ann", "Bob", "Cy"] as const) {
    const before = marks();
    await join(name);
    before[name] = phone(name).size;
    const count = joined.length;
    await hostSees((v) => v.players.length === count, before.host ?? 0);
    await phonesSee((v) => v.phase === "lobby" && v.playerCount === count, before);
  }
  for (const locked of [true, false]) {
    const before = hostInbox.size;
    expectOk(await command("lock", { locked }));
    await hostSees((v) => v.locked === locked, before);
  }
  expectOk(await command("attach"));

  // Question 1 (single): answers right in one run and wrong in the other, refusals, a pause.
  await phaseChange("start", (v) => v.phase === "question");
  // The pages a phone or the projector loads now, and the API calls they make. The
  // projector page needs only /api/me and its socket. GET /api/decks/:id holds the
  // correct options, rightly: it is the instructor's own deck for editing, never
  // fetched by the projector or a phone during play, so it is left out here.
  for (const path of ["/", "/join", `/join?pin=${pin}`, "/play", `/play?pin=${pin}`]) await load(path, false);
  for (const path of [`/host/${gameId}`, "/host", "/api/me"]) await load(path, true);
  const decks = JSON.parse(await load("/api/decks", true)) as { id: string }[];
  decks.forEach((d, i) => placeholders.push([d.id, `<deck:${i}>`]));

  await answerCounted("Ann", 0, ["b"], 1);
  expect((await answer("Ann", 0, ["c"])).ok).toBe(false);
  await answerCounted("Bob", 0, ["c"], 2);
  expect((await answer("Cy", 0, ["e"])).ok).toBe(false);
  await phaseChange("pause", (v) => v.paused);
  expect((await answer("Cy", 0, ["a"])).ok).toBe(false);
  await phaseChange("resume", (v) => v.phase === "question" && !v.paused);
  expectOk(await command("attach"));
  await phaseChange("skip", (v) => v.phase === "reveal");
  await phaseChange("next", (v) => v.phase === "leaderboard");

  // Question 2 (multiple): a late joiner, a phone that drops and comes back.
  await phaseChange("next", (v) => v.phase === "question");
  let before = hostInbox.size;
  await join("Dee");
  await hostSees((v) => v.players.length === 4, before);
  before = hostInbox.size;
  sockets.Bob.disconnect();
  await hostSees((v) => v.players.some((p) => p.id === ids.Bob.playerId && !p.connected), before);
  before = hostInbox.size;
  sockets.Bob = await connectPlayer(server.url);
  phone("Bob").listen(sockets.Bob);
  expectOk(await phone("Bob").call(sockets.Bob, "rejoin", { token: ids.Bob.token }));
  await hostSees((v) => v.players.every((p) => p.connected), before);
  await answerCounted("Ann", 1, ["a", "c"], 1);
  await answerCounted("Dee", 1, ["b", "d"], 2);
  await phaseChange("skip", (v) => v.phase === "reveal");
  await phaseChange("next", (v) => v.phase === "leaderboard");

  // Question 3 (true/false): scored for real; kicking the one who has not answered closes it.
  await phaseChange("next", (v) => v.phase === "question");
  await answerCounted("Ann", 2, ["a"], 1);
  await answerCounted("Bob", 2, ["b"], 2);
  await answerCounted("Dee", 2, ["a"], 3);
  const kicked = phone("Cy").until((p) => !!p && typeof p === "object" && "reason" in p, phone("Cy").size);
  await phaseChange("kick", (v) => v.phase === "reveal", {
    extra: { playerId: ids.Cy.playerId },
    who: ["Ann", "Bob", "Dee"],
  });
  await kicked;

  host.close();
  Object.values(sockets).forEach((s) => s.close());
  return { inboxes, placeholders };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The run's payloads as text, with random values (longest first, whole tokens only)
 * and timeLeftMs replaced. A reveal's payload is replaced whole: from the reveal on
 * the correct options are public, and so is everything scored from them. The host's
 * leaderboard still shows the revealed question's correct options: masked too.
 */
function normalise(run: Run, name: string): string[] {
  const inbox = run.inboxes[name];
  if (!inbox) return [];
  const replacements = [...run.placeholders]
    .sort((a, b) => b[0].length - a[0].length)
    .map(
      ([value, placeholder]) =>
        [new RegExp(`(?<![A-Za-z0-9])${escape(value)}(?![A-Za-z0-9])`, "g"), placeholder] as const,
    );
  return inbox.received.map((payload, i) => {
    const view = viewOf(payload);
    let masked = payload;
    if (view?.phase === "reveal") masked = "<reveal>";
    else if (view && "correctOptionIds" in view && (view.phase === "leaderboard" || view.phase === "ended")) {
      const hostView = { ...view, correctOptionIds: "<revealed>" };
      masked = "phase" in (payload as object) ? hostView : { ...(payload as object), state: hostView };
    }
    let text = `${inbox.events[i]} ${typeof masked === "string" ? masked : JSON.stringify(masked)}`;
    text = text.replace(/"timeLeftMs":\d+/g, '"timeLeftMs":"<ms>"');
    // Clock times (a deck list's createdAt/updatedAt, seeded at each server's start) differ by run, not by key.
    text = text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<time>");
    for (const [pattern, placeholder] of replacements) text = text.replace(pattern, placeholder);
    return text;
  });
}

describe("R-NO-LEAK: what phones and the projector receive does not depend on the correct options", () => {
  let servers: TestServer[] = [];
  beforeAll(async () => {
    servers = await Promise.all([startServer(), startServer()]);
  });
  afterAll(async () => Promise.all(servers.map((s) => s.dispose())));

  it("R-NO-LEAK: two runs that differ only in the correct options look the same before each reveal", async () => {
    const [serverA, serverB] = servers as [TestServer, TestServer];
    const runA = await play(serverA, deckWith(CORRECT.A));
    const runB = await play(serverB, deckWith(CORRECT.B));

    // The runs did differ: the reveals show each deck's own correct options.
    const reveals = (run: Run) =>
      run.inboxes.host?.received.flatMap((p) => {
        const view = viewOf(p) as HostView | undefined;
        return view?.phase === "reveal" ? [view.correctOptionIds] : [];
      });
    expect(reveals(runA)).toEqual([["b"], ["b", "d"], ["a"]]);
    expect(reveals(runB)).toEqual([["c"], ["a", "c"], ["b"]]);

    for (const name of ["host", "pages", ...NICKNAMES]) {
      const [a, b] = [normalise(runA, name), normalise(runB, name)];
      expect(a.length, name).toBeGreaterThan(0);
      expect(a, name).toEqual(b);
    }
    // And by name, as a second opinion with a clearer message.
    for (const run of [runA, runB]) {
      for (const name of ["host", ...NICKNAMES]) {
        expect(leakedFields(run.inboxes[name]?.received ?? []), name).toEqual([]);
      }
    }

    // Rationales: only a phone's own reveal carries them, and only for its own wrong choice.
    for (const [run, correct] of [
      [runA, CORRECT.A],
      [runB, CORRECT.B],
    ] as const) {
      const shown: Record<string, string[][]> = {};
      for (const [name, inbox] of Object.entries(run.inboxes)) {
        inbox.received.forEach((payload, i) => {
          const markers = (typeof payload === "string" ? payload : JSON.stringify(payload)).match(RATIONALE) ?? [];
          const view = viewOf(payload);
          const phoneReveal = view?.phase === "reveal" && !("gameId" in view) ? (view as PlayerRevealView) : null;
          if (!phoneReveal) {
            expect(markers, `${name} payload ${i} (${inbox.events[i]}) before or outside a reveal`).toEqual([]);
            return;
          }
          const index = phoneReveal.question.index;
          const chosen = phoneReveal.answeredOptionIds ?? [];
          const key = (correct[index] ?? []).map((o) => OPTION_IDS[o] ?? "");
          const wrong = chosen.length > 0 && [...chosen].sort().join() !== [...key].sort().join();
          const expected = wrong
            ? OPTION_IDS.filter((id) => chosen.includes(id)).map((id) => rationale(index + 1, id))
            : [];
          expect(
            phoneReveal.rationales.map((r) => r.text),
            `${name} at reveal ${index}`,
          ).toEqual(expected);
          expect(markers).toEqual(expected);
          (shown[name] ??= []).push(markers);
        });
      }
      // The script's wrong answers, by name: in A, Bob's c (Q1), Ann's a+c (Q2), Bob's b (Q3).
      const [a, b] = [runA === run, runB === run];
      if (a) {
        expect(shown.Bob).toEqual([[rationale(1, "c")], [], [rationale(3, "b")]]);
        expect(shown.Ann).toEqual([[], [rationale(2, "a"), rationale(2, "c")], []]);
        expect(shown.Dee).toEqual([[], []]);
      }
      if (b) {
        expect(shown.Ann).toEqual([[rationale(1, "b")], [], [rationale(3, "a")]]);
        expect(shown.Dee).toEqual([[rationale(2, "b"), rationale(2, "d")], [rationale(3, "a")]]);
      }
      expect(shown.Cy).toEqual([[], []]);
      expect(shown.host).toBeUndefined();
      expect(shown.pages).toBeUndefined();
    }
  }, 240_000);
});
