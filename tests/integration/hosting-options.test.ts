// Hosting options over the real server (docs/protocol.md, "Namespace /host"): a
// chosen subset, shuffled questions and options, one time limit for all. Every
// phone and the projector see the same order, the shuffled key scores, and the
// session report lists exactly what was asked, in the order asked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView, PlayerRevealView, PlayerView, PublicOption } from "../../lib/contract";
import { sessionReportSchema, type SessionReport } from "../../lib/reports";
import { api, call, connectHost, expectOk, signIn, type HostClient } from "./support/clients";
import { importDeck, Inbox, joinPhone, leakedFields, type Phone } from "./support/game";
import { DATABASES, startServer, type TestServer } from "./support/server";

const why = (question: number, option: string) => `why-${question}-${option}`;
const withRationales = (question: number, options: string[]) => options.map((o) => why(question, o));

/** Five questions with distinct option texts; 0, 2 and 4 have five or six options, so a shuffle shows. */
const Q = [
  {
    kind: "single",
    text: "Q0: cheapest archive?",
    options: ["S3", "EBS", "Glacier", "EFS", "FSx", "RDS"],
    correct: [2],
    timeLimitSec: 20,
  },
  {
    kind: "multiple",
    text: "Q1: columnar?",
    options: ["CSV", "Parquet", "JSON", "ORC", "XML"],
    correct: [1, 3],
    timeLimitSec: 30,
  },
  {
    kind: "multiple",
    text: "Q2: streaming?",
    options: ["Athena", "Kinesis", "Glue", "Redshift", "MSK", "EMR"],
    correct: [1, 4],
    timeLimitSec: 45,
  },
  {
    kind: "truefalse",
    text: "Q3: Firehose can call Lambda.",
    options: ["True", "False"],
    correct: [0],
    timeLimitSec: 20,
  },
  {
    kind: "single",
    text: "Q4: serverless SQL?",
    options: ["EC2", "EMR", "Redshift", "Aurora", "Athena"],
    correct: [4],
    timeLimitSec: 60,
  },
];
const DECK = {
  title: "Hosting options deck",
  language: "en",
  questions: Q.map((q, i) => ({ ...q, explanation: `E${i}`, rationales: withRationales(i, q.options) })),
};
const OVERRIDE_SEC = 90;

const deckIndexOf = (text: string) => Q.findIndex((q) => q.text === text);
/** The option ids that carry the deck question's correct option texts, on screen as shown. */
function keyAsShown(text: string, options: PublicOption[]): string[] {
  const q = Q[deckIndexOf(text)];
  const correctTexts = (q?.correct ?? []).map((i) => q?.options[i]);
  return options.filter((o) => correctTexts.includes(o.text)).map((o) => o.id);
}

async function host(server: TestServer, cookie: string) {
  const socket: HostClient = await connectHost(server.url, cookie);
  return { socket, inbox: new Inbox().listen(socket) };
}

describe.each(DATABASES)("hosting options (%s)", (database) => {
  let server: TestServer;
  let cookie: string;
  let deckId: string;

  beforeAll(async () => {
    server = await startServer({ database });
    cookie = await signIn(server.url);
    deckId = await importDeck(server.url, cookie, DECK);
  }, 120_000);
  afterAll(async () => server?.dispose());

  it("a chosen subset, shuffled, with options shuffled and one time limit: the same on every screen, scored by the shuffled key, reported as asked", async () => {
    const projector = await host(server, cookie);
    const created = expectOk(
      await projector.inbox.call<{ gameId: string; pin: string }>(projector.socket, "create", {
        deckId,
        questionIndexes: [4, 0, 2],
        shuffleQuestions: true,
        shuffleOptions: true,
        timeLimitSec: OVERRIDE_SEC,
      }),
    );
    const { gameId, pin } = created;
    const ann = await joinPhone(server.url, pin, "Ann");
    const bob = await joinPhone(server.url, pin, "Bob");
    const phones: Phone[] = [ann, bob];
    const shown: { text: string; options: PublicOption[]; key: string[] }[] = [];

    for (let index = 0; index < 3; index += 1) {
      const marks = [projector.inbox.size, ann.inbox.size, bob.inbox.size];
      expectOk(await call(projector.socket, index === 0 ? "start" : "next", { gameId }));
      const open = (v: PlayerView | HostView) => v.phase === "question" && v.question?.index === index;
      const [onProjector, onAnn, onBob] = await Promise.all([
        projector.inbox.untilView<HostView>(open, marks[0]),
        ann.inbox.untilView<PlayerView>(open, marks[1]),
        bob.inbox.untilView<PlayerView>(open, marks[2]),
      ]);
      const question = onProjector.question;
      if (!question || onAnn.phase !== "question" || onBob.phase !== "question") throw new Error("no open question");
      // One order for every screen: the snapshot is what every view is built from.
      expect(onAnn.question.options).toEqual(question.options);
      expect(onBob.question.options).toEqual(question.options);
      expect([question.count, question.timeLimitMs, onAnn.question.timeLimitMs]).toEqual([
        3,
        OVERRIDE_SEC * 1000,
        OVERRIDE_SEC * 1000,
      ]);
      const key = keyAsShown(question.text, question.options);
      shown.push({ text: question.text, options: question.options, key });

      // Ann answers the shuffled key's letters; Bob the first other option.
      const wrong = question.options.find((o) => !key.includes(o.id))?.id ?? "";
      const reveals = phones.map((p, i) =>
        p.inbox.untilView<PlayerRevealView>((v) => v.phase === "reveal" && v.question.index === index, marks[i + 1]),
      );
      const hostReveal = projector.inbox.untilView<HostView>((v) => v.phase === "reveal", marks[0]);
      expectOk(await call(ann.socket, "answer", { questionIndex: index, optionIds: key }));
      expectOk(await call(bob.socket, "answer", { questionIndex: index, optionIds: [wrong] }));
      const [annReveal, bobReveal] = await Promise.all(reveals);
      expect(annReveal).toMatchObject({ correct: true, correctOptionIds: key, rationales: [] });
      expect(annReveal?.points).toBeGreaterThan(0);
      const wrongText = question.options.find((o) => o.id === wrong)?.text ?? "";
      expect(bobReveal).toMatchObject({
        correct: false,
        correctOptionIds: key,
        rationales: [{ id: wrong, text: why(deckIndexOf(question.text), wrongText) }],
      });
      expect((await hostReveal).correctOptionIds).toEqual(key);

      const board = projector.inbox.untilView<HostView>((v) => v.phase === "leaderboard", projector.inbox.size);
      expectOk(await call(projector.socket, "next", { gameId }));
      await board;
    }
    const ended = projector.inbox.untilView<HostView>((v) => v.phase === "ended", projector.inbox.size);
    expectOk(await call(projector.socket, "next", { gameId }));
    await ended;

    // The subset, each once; the options were shuffled (six, five and six options: an unchanged
    // order on all three is a 1 in 2.6 × 10⁸ chance).
    expect(shown.map((s) => deckIndexOf(s.text)).sort()).toEqual([0, 2, 4]);
    const unchanged = shown.filter(
      (s) => s.options.map((o) => o.text).join() === Q[deckIndexOf(s.text)]?.options.join(),
    );
    expect(unchanged.length).toBeLessThan(3);
    for (const p of [projector.inbox, ann.inbox, bob.inbox]) expect(leakedFields(p.received)).toEqual([]);

    const res = await api(server.url, `/api/sessions/${gameId}`, { cookie });
    expect(res.status).toBe(200);
    const report: SessionReport = sessionReportSchema.parse(await res.json());
    expect(report).toMatchObject({ status: "completed", questionsPlayed: 3, questionCount: 3 });
    // Exactly the questions asked, in the order asked, as they were shown.
    expect(report.questions.map((q) => [q.text, q.options, q.correctOptionIds, q.timeLimitMs])).toEqual(
      shown.map((s) => [s.text, s.options, s.key, OVERRIDE_SEC * 1000]),
    );
    for (const q of report.questions) {
      const deckIndex = deckIndexOf(q.text);
      expect(q.rationales).toEqual(q.options.map((o) => why(deckIndex, o.text)));
      expect(q.explanation).toBe(`E${deckIndex}`);
    }
    const annRow = report.players.find((p) => p.id === ann.playerId);
    const bobRow = report.players.find((p) => p.id === bob.playerId);
    expect([annRow?.correctCount, annRow?.rank, bobRow?.correctCount]).toEqual([3, 1, 0]);

    projector.socket.close();
    phones.forEach((p) => p.socket.close());
  }, 180_000);

  it("a subset not shuffled is asked in deck order, each with its own time limit and its options as written", async () => {
    const projector = await host(server, cookie);
    const { gameId } = expectOk(
      await call<{ gameId: string }>(projector.socket, "create", { deckId, questionIndexes: [3, 1] }),
    );
    const asked: [string, number, string[]][] = [];
    for (const [event, index] of [
      ["start", 0],
      ["next", 1],
    ] as const) {
      const mark = projector.inbox.size;
      expectOk(await call(projector.socket, event, { gameId }));
      const view = await projector.inbox.untilView<HostView>(
        (v) => v.phase === "question" && v.question?.index === index,
        mark,
      );
      const q = view.question;
      if (!q) throw new Error("no question");
      asked.push([q.text, q.timeLimitMs, q.options.map((o) => o.text)]);
      expectOk(await call(projector.socket, "skip", { gameId }));
      if (index === 0) {
        const board = projector.inbox.untilView<HostView>((v) => v.phase === "leaderboard", projector.inbox.size);
        expectOk(await call(projector.socket, "next", { gameId }));
        await board;
      }
    }
    expect(asked).toEqual([
      [Q[1]?.text, 30_000, Q[1]?.options],
      [Q[3]?.text, 20_000, Q[3]?.options],
    ]);
    expectOk(await call(projector.socket, "end", { gameId }));
    const report = sessionReportSchema.parse(
      await (await api(server.url, `/api/sessions/${gameId}`, { cookie })).json(),
    );
    expect(report.questions.map((q) => [q.text, q.timeLimitMs])).toEqual([
      [Q[1]?.text, 30_000],
      [Q[3]?.text, 20_000],
    ]);
    expect(report.questionCount).toBe(2);
    projector.socket.close();
  }, 120_000);

  it("INVALID_PAYLOAD: an index past the deck (named in the message), a bad time limit, a repeated index, an unknown option; no game is made", async () => {
    const projector = await host(server, cookie);
    const before = await (await api(server.url, "/api/running-games", { cookie })).json();
    const pastDeck = await call(projector.socket, "create", { deckId, questionIndexes: [0, 5, 9] });
    expect(pastDeck.ok).toBe(false);
    if (!pastDeck.ok) {
      expect(pastDeck.error.code).toBe("INVALID_PAYLOAD");
      expect(pastDeck.error.message).toContain("5, 9");
      expect(pastDeck.error.message).toContain("5 questions");
    }
    for (const payload of [
      { deckId, timeLimitSec: 1000 },
      { deckId, timeLimitSec: 4 },
      { deckId, questionIndexes: [1, 1] },
      { deckId, questionIndexes: [] },
      { deckId, shuffleOptions: "yes" },
      { deckId, shuffleAnswers: true },
    ]) {
      const ack = await call(projector.socket, "create", payload);
      expect(ack.ok ? "ok" : ack.error.code, JSON.stringify(payload)).toBe("INVALID_PAYLOAD");
    }
    // An unknown deck is NOT_FOUND whatever the options.
    const unknown = await call(projector.socket, "create", { deckId: "no-such-deck", questionIndexes: [9] });
    expect(unknown.ok ? "ok" : unknown.error.code).toBe("NOT_FOUND");
    expect(await (await api(server.url, "/api/running-games", { cookie })).json()).toEqual(before);
    projector.socket.close();
  }, 60_000);
});
