// Sessions, reports, the CSV export and a student's review, on a real server and
// both databases. Bots whose every pick is known play a game over the contract
// (one never answers, a question is skipped, the game ends early); the report must
// say exactly what the game acknowledged and revealed.
import { createHmac, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView, PlayerEndedView, PlayerRevealView } from "../../lib/contract";
import {
  reviewSchema,
  runningGameListSchema,
  sessionListSchema,
  sessionReportSchema,
  type Review,
  type RunningGame,
  type SessionReport,
  type SessionSummary,
} from "../../lib/reports";
import { api, call, expectOk, nextState, signIn, signInOtherInstructor } from "./support/clients";
import { hostGame, importDeck, joinPhone, type Phone } from "./support/game";
import { DATABASES, startServer, type TestServer } from "./support/server";

/** Five questions; the game ends after the fourth (the fifth and its tag are never played). */
const DECK = {
  title: "AWS 빅데이터 — Review Quiz",
  language: "ko",
  questions: [
    {
      kind: "single",
      text: "80 TB를 일주일 안에 옮겨야 합니다.\n무엇을 쓸까요?",
      options: ["사이트 간 VPN", "Snowball Edge", "Direct Connect", "S3 멀티파트 업로드"],
      correct: [1],
      timeLimitSec: 120,
      explanation: "100 Mbit/s로는 약 74일이 걸립니다.",
      rationales: ["VPN도 같은 회선을 씁니다.", "", "개통에 몇 주가 걸립니다."],
      tags: ["전송", "transfer"],
    },
    {
      kind: "multiple",
      text: "Which two formats are columnar?",
      options: ["CSV", "Parquet", "JSON", "ORC"],
      correct: [1, 3],
      timeLimitSec: 120,
      points: "double",
      explanation: "Parquet and ORC store data by column.",
      tags: ["formats"],
    },
    {
      kind: "truefalse",
      text: "Kinesis Data Firehose can transform records with Lambda.",
      options: ["참", "거짓"],
      correct: [0],
      timeLimitSec: 120,
      explanation: "Firehose can invoke a Lambda function.",
      tags: ["kinesis", "전송"],
    },
    {
      kind: "single",
      text: "Cheapest storage for data read once a year?",
      options: ["S3 Standard", "S3 Glacier Deep Archive", "EBS gp3"],
      correct: [1],
      timeLimitSec: 120,
      points: "none",
      explanation: "Deep Archive is the cheapest class.",
      tags: ["storage"],
    },
    {
      kind: "single",
      text: "Never asked",
      options: ["x", "y"],
      correct: [0],
      timeLimitSec: 120,
      explanation: "",
      tags: ["never-played"],
    },
  ],
};
const SECOND_DECK = {
  title: "Kinesis 심화 drills",
  language: "en",
  questions: [
    { kind: "single", text: "Shard limit?", options: ["1 MB/s", "10 MB/s"], correct: [0], timeLimitSec: 120 },
    { kind: "single", text: "Retention?", options: ["24 h", "1 h"], correct: [0], timeLimitSec: 120 },
  ],
};
const LETTERS = "abcdef";
/** A question's rationales as stored and reported: parallel to its options, "" where none was written. */
const rationalesOf = (index: number) => {
  const q = DECK.questions[index] as { options: string[]; rationales?: string[] } | undefined;
  return (q?.options ?? []).map((_, i) => q?.rationales?.[i] ?? "");
};
const key = (index: number) => (DECK.questions[index]?.correct ?? []).map((i) => LETTERS[i] ?? "");

/** Who picks what on each question played; missing: no answer. Ace is first and always right. */
const PICKS: Record<string, (string[] | undefined)[]> = {
  Ace: [["b"], ["b", "d"], ["a"], ["b"]],
  Bea: [["a"], ["b"], ["a"], ["b"]],
  민수: [["b"], undefined, ["b"], ["c"]],
  Quiet: [undefined, undefined, undefined, undefined],
};
const SKIPPED = 1;
const PLAYED = 4;

/** The review token's documented derivation (docs/protocol.md), from the server's secret. */
function reviewToken(server: TestServer, playerId: string): string {
  const secret = process.env.BETTER_AUTH_SECRET ?? readFileSync(join(server.dataDir, "secret"), "utf8").trim();
  return createHmac("sha256", secret).update(`quizroom-review:${playerId}`).digest("base64url");
}

/** Rows left for a game in each table, read from the database itself. */
async function rowsOf(databaseUrl: string, gameId: string): Promise<Record<string, number>> {
  const tables = { Game: "id", Player: "gameId", Answer: "gameId", Leaderboard: "gameId" };
  const counts: Record<string, number> = {};
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length), { readonly: true, fileMustExist: true });
    try {
      for (const [table, column] of Object.entries(tables)) {
        const row = db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE "${column}" = ?`).get(gameId) as {
          n: number;
        };
        counts[table] = Number(row.n);
      }
    } finally {
      db.close();
    }
    return counts;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const [table, column] of Object.entries(tables)) {
      const result = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${table}" WHERE "${column}" = $1`, [
        gameId,
      ]);
      counts[table] = Number(result.rows[0]?.n);
    }
  } finally {
    await client.end();
  }
  return counts;
}

/** Deletes a deck row (its questions go with it), straight in the database, on either kind. */
async function deleteDeckRow(databaseUrl: string, deckId: string): Promise<void> {
  const sql = `DELETE FROM "Deck" WHERE "id" = `;
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length), { fileMustExist: true });
    try {
      db.prepare(`${sql}?`).run(deckId);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`${sql}$1`, [deckId]);
  } finally {
    await client.end();
  }
}

/** A CSV parser for the test's own reading (RFC 4180: quoted fields, "" inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? "";
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== "," && c !== "\n" && c !== "\r")) {
      field += c;
    } else if (c === ",") {
      endField();
    } else if (c === "\n") {
      endField();
      rows.push(row);
      row = [];
    }
  }
  if (field || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

const json = async <T>(res: Response): Promise<T> => {
  if (res.status !== 200) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

interface Played {
  gameId: string;
  deckId: string;
  cookie: string;
  phones: Record<string, Phone>;
  /** Every acknowledged answer, in the order the acks came. */
  acked: { playerId: string; questionIndex: number; optionIds: string[] }[];
  /** What each connected phone was shown at each reveal. */
  reveals: Record<string, PlayerRevealView[]>;
  ended: Record<string, PlayerEndedView>;
  /** Seen while the game was running. */
  running: { list: RunningGame[]; reviewStatus: number; deleteStatus: number; report: SessionReport };
}

/** The main game: four players, four of five questions, the second skipped, ended early. */
async function playMainGame(server: TestServer): Promise<Played> {
  const deckId = await importDeck(server.url, await signIn(server.url), DECK);
  const main = await hostGame(server.url, deckId);
  const phones: Record<string, Phone> = {};
  for (const name of Object.keys(PICKS)) phones[name] = await joinPhone(server.url, main.pin, name);
  // Quiet leaves at once and never answers: after the reconnect grace, questions close without them.
  phones.Quiet?.socket.close();
  const live = ["Ace", "Bea", "민수"];
  const acked: Played["acked"] = [];
  const reveals: Played["reveals"] = { Ace: [], Bea: [], 민수: [] };
  let running: Played["running"] | null = null;

  for (let index = 0; index < PLAYED; index += 1) {
    const opened = nextState<HostView>(main.host, (v) => v.phase === "question" && v.question?.index === index);
    expectOk(await call(main.host, index === 0 ? "start" : "next", { gameId: main.gameId }));
    await opened;
    const revealed = live.map((name) =>
      nextState<PlayerRevealView>(phones[name]!.socket, (v) => v.phase === "reveal" && v.question.index === index),
    );
    for (const name of live) {
      const optionIds = PICKS[name]?.[index];
      if (!optionIds) continue;
      const phone = phones[name]!;
      expectOk(await call(phone.socket, "answer", { questionIndex: index, optionIds }));
      acked.push({ playerId: phone.playerId, questionIndex: index, optionIds });
    }
    if (index === SKIPPED) expectOk(await call(main.host, "skip", { gameId: main.gameId }));
    (await Promise.all(revealed)).forEach((view, i) => reveals[live[i] ?? ""]?.push(view));
    const board = nextState<HostView>(main.host, (v) => v.phase === "leaderboard");
    expectOk(await call(main.host, "next", { gameId: main.gameId }));
    await board;

    if (index === PLAYED - 1) {
      // Still running: on the dashboard, no review yet, not deletable, a report so far.
      running = {
        list: await json<RunningGame[]>(await api(server.url, "/api/running-games", { cookie: main.cookie })),
        reviewStatus: (await api(server.url, `/api/review/${reviewToken(server, phones.Ace!.playerId)}`)).status,
        deleteStatus: (await api(server.url, `/api/sessions/${main.gameId}`, { method: "DELETE", cookie: main.cookie }))
          .status,
        report: await json<SessionReport>(
          await api(server.url, `/api/sessions/${main.gameId}`, { cookie: main.cookie }),
        ),
      };
    }
  }
  const endedViews = live.map((name) => nextState<PlayerEndedView>(phones[name]!.socket, (v) => v.phase === "ended"));
  expectOk(await call(main.host, "end", { gameId: main.gameId }));
  const ended: Played["ended"] = {};
  (await Promise.all(endedViews)).forEach((view, i) => (ended[live[i] ?? ""] = view));
  main.host.close();
  live.forEach((name) => phones[name]?.socket.close());
  if (!running) throw new Error("never saw the game running");
  return { gameId: main.gameId, deckId, cookie: main.cookie, phones, acked, reveals, ended, running };
}

/** A second, smaller game ended while its first question is open. */
async function playShortGame(server: TestServer, cookie: string) {
  const deckId = await importDeck(server.url, cookie, SECOND_DECK);
  const game = await hostGame(server.url, deckId);
  const solo = await joinPhone(server.url, game.pin, "Solo");
  const idle = await joinPhone(server.url, game.pin, "Idle");
  const opened = nextState<HostView>(game.host, (v) => v.phase === "question");
  expectOk(await call(game.host, "start", { gameId: game.gameId }));
  await opened;
  expectOk(await call(solo.socket, "answer", { questionIndex: 0, optionIds: ["a"] }));
  expectOk(await call(game.host, "end", { gameId: game.gameId }));
  game.host.close();
  solo.socket.close();
  idle.socket.close();
  return { gameId: game.gameId, solo, idle };
}

describe.each(DATABASES)("sessions, reports and reviews (%s)", (database) => {
  let server: TestServer;
  let played: Played;
  let short: Awaited<ReturnType<typeof playShortGame>>;
  let report: SessionReport;

  beforeAll(async () => {
    server = await startServer({ database });
    played = await playMainGame(server);
    short = await playShortGame(server, played.cookie);
    report = await json<SessionReport>(
      await api(server.url, `/api/sessions/${played.gameId}`, { cookie: played.cookie }),
    );
  }, 240_000);
  afterAll(async () => server?.dispose());

  it("R-REPORT-PLAYED: the report has the contract's shape; only the 4 questions played count", () => {
    expect(sessionReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      id: played.gameId,
      deckTitle: DECK.title,
      language: "ko",
      status: "ended-early",
      questionsPlayed: PLAYED,
      questionCount: DECK.questions.length,
      playerCount: 4,
    });
    expect(report.questions.map((q) => q.index)).toEqual([0, 1, 2, 3]);
    expect(report.questions.map((q) => q.text)).toEqual(DECK.questions.slice(0, PLAYED).map((q) => q.text));
    expect(Date.parse(report.endedAt ?? "")).toBeGreaterThan(Date.parse(report.startedAt ?? ""));
    expect(report.durationMs).toBe(Date.parse(report.endedAt ?? "") - Date.parse(report.startedAt ?? ""));
  });

  it("R-REPORT-PLAYED: the answers are the acknowledged ones, one by one, with correctness", () => {
    const expected = played.acked.map((a) => ({
      playerId: a.playerId,
      questionIndex: a.questionIndex,
      optionIds: a.optionIds,
      correct: [...a.optionIds].sort().join() === key(a.questionIndex).join(),
    }));
    const got = report.answers.map(({ playerId, questionIndex, optionIds, correct }) => ({
      playerId,
      questionIndex,
      optionIds,
      correct,
    }));
    const order = (x: { questionIndex: number; playerId: string }) => `${x.questionIndex} ${x.playerId}`;
    expect([...got].sort((a, b) => order(a).localeCompare(order(b)))).toEqual(
      [...expected].sort((a, b) => order(a).localeCompare(order(b))),
    );
  });

  it("R-SKIP: points, bonus and correctness are what each phone was shown at the reveal", () => {
    for (const [name, views] of Object.entries(played.reveals)) {
      const playerId = played.phones[name]?.playerId;
      for (const view of views) {
        const answer = report.answers.find((a) => a.playerId === playerId && a.questionIndex === view.question.index);
        if (!answer) {
          expect(view.answeredOptionIds).toBeNull();
          continue;
        }
        expect([answer.correct, answer.points, answer.bonus], `${name} ${view.question.index}`).toEqual([
          view.correct,
          view.points,
          view.bonus,
        ]);
      }
    }
    // The wrong phone was told why its pick is wrong; the right ones were not.
    expect(played.reveals.Bea?.[0]?.rationales).toEqual([{ id: "a", text: "VPN도 같은 회선을 씁니다." }]);
    expect([played.reveals.Ace?.[0]?.rationales, played.reveals.민수?.[0]?.rationales]).toEqual([[], []]);
    expect(report.questions[SKIPPED]).toMatchObject({ skipped: true, revealed: true });
    for (const a of report.answers.filter((x) => x.questionIndex === SKIPPED)) expect(a.points + a.bonus).toBe(0);
  });

  it("R-REPORT-PLAYED: every question's correct rate counts silence as wrong; option counts and times add up", () => {
    for (const question of report.questions) {
      const right = Object.values(PICKS).filter(
        (picks) => [...(picks[question.index] ?? [])].sort().join() === key(question.index).join(),
      ).length;
      expect(question.correctRate, `question ${question.index}`).toBe(right / 4);
      const given = report.answers.filter((a) => a.questionIndex === question.index);
      expect(question.answeredCount).toBe(given.length);
      const counts: Record<string, number> = Object.fromEntries(question.options.map((o) => [o.id, 0]));
      for (const a of given) for (const id of a.optionIds) counts[id] = (counts[id] ?? 0) + 1;
      expect(question.optionCounts).toEqual(counts);
      expect(question.avgTimeMs).toBe(Math.round(given.reduce((s, a) => s + a.timeMs, 0) / given.length));
      expect(question.correctOptionIds).toEqual(key(question.index));
      expect(question.explanation).toBe(DECK.questions[question.index]?.explanation);
      expect(question.rationales).toEqual(rationalesOf(question.index));
    }
    expect(report.questions[0]?.rationales).toEqual(["VPN도 같은 회선을 씁니다.", "", "개통에 몇 주가 걸립니다.", ""]);
  });

  it("topics: every tag played is there, lowest first; the unplayed one is not", () => {
    const tags = new Set(DECK.questions.slice(0, PLAYED).flatMap((q) => q.tags));
    expect(new Set(report.topics.map((t) => t.tag))).toEqual(tags);
    const rates = report.topics.map((t) => t.correctRate ?? 0);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    const transfer = report.topics.find((t) => t.tag === "전송");
    // Question 1 (2 right of 4) and question 3 (2 right of 4).
    expect(transfer).toMatchObject({ questionCount: 2, correctCount: 4, correctRate: 0.5 });
  });

  it("the fastest always-right bot ranks 1 with every question right; the silent one is last, marked", () => {
    const ace = report.players.find((p) => p.id === played.phones.Ace?.playerId);
    expect(ace).toMatchObject({ rank: 1, correctCount: PLAYED, answeredCount: PLAYED, neverAnswered: false });
    expect(report.players.map((p) => p.rank)).toEqual([1, 2, 3, 4]);
    const quiet = report.players.find((p) => p.id === played.phones.Quiet?.playerId);
    expect(quiet).toMatchObject({ rank: 4, score: 0, correctCount: 0, answeredCount: 0, neverAnswered: true });
    for (const [name, view] of Object.entries(played.ended)) {
      const player = report.players.find((p) => p.id === played.phones[name]?.playerId);
      expect([player?.score, player?.rank], name).toEqual([view.score, view.rank]);
      // The phone's final screen counts as the report does: right answers of the questions played.
      expect([view.correctCount, view.questionsPlayed], name).toEqual([player?.correctCount, PLAYED]);
    }
    const bea = report.players.find((p) => p.id === played.phones.Bea?.playerId);
    expect(bea?.topics[0]).toMatchObject({ correctRate: 0 });
  });

  it("R-REPORT-PLAYED: a game ended during its first question is a 1-question session; its answers stand, unscored", async () => {
    const small = await json<SessionReport>(
      await api(server.url, `/api/sessions/${short.gameId}`, { cookie: played.cookie }),
    );
    expect(small).toMatchObject({ status: "ended-early", questionsPlayed: 1, questionCount: 2, playerCount: 2 });
    expect(small.questions[0]).toMatchObject({ revealed: false, correctRate: 0.5, answeredCount: 1 });
    expect(small.answers).toEqual([
      expect.objectContaining({ playerId: short.solo.playerId, optionIds: ["a"], correct: true, points: 0 }),
    ]);
  });

  it("while running: on the dashboard with its PIN; no review link yet; not deletable", () => {
    const { list, reviewStatus, deleteStatus } = played.running;
    expect(runningGameListSchema.parse(list)).toEqual(list);
    const entry = list.find((g) => g.id === played.gameId);
    expect(entry).toMatchObject({
      deckTitle: DECK.title,
      phase: "leaderboard",
      playerCount: 4,
      questionIndex: PLAYED - 1,
      questionCount: 5,
      status: "running",
    });
    expect(entry?.pin).toMatch(/^\d{6}$/);
    expect(reviewStatus).toBe(404);
    expect(deleteStatus).toBe(409);
    expect(played.running.report.status).toBe("running");
  });

  it("ended games leave the dashboard", async () => {
    const list = await json<RunningGame[]>(await api(server.url, "/api/running-games", { cookie: played.cookie }));
    expect(list.map((g) => g.id)).not.toContain(played.gameId);
    expect(list.map((g) => g.id)).not.toContain(short.gameId);
  });

  it("CSV: BOM first, a row per player and question played, Korean intact", async () => {
    const res = await api(server.url, `/api/sessions/${played.gameId}/export.csv`, { cookie: played.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="quizroom-session-.*\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header?.slice(0, 3)).toEqual(["Nickname", "Rank", "Question"]);
    expect(rows).toHaveLength(4 * PLAYED);
    for (const name of Object.keys(PICKS)) {
      const own = rows.filter((r) => r[0] === name);
      expect(
        own.map((r) => r[2]),
        name,
      ).toEqual(["1", "2", "3", "4"]);
    }
    const first = rows.find((r) => r[0] === "민수" && r[2] === "1");
    expect(first?.[3]).toBe(DECK.questions[0]?.text);
    expect(first?.[4]).toBe("Snowball Edge");
    expect(first?.[5]).toBe("true");
    const aceMulti = rows.find((r) => r[0] === "Ace" && r[2] === "2");
    expect(aceMulti?.[4]).toBe("Parquet | ORC");
    const silent = rows.find((r) => r[0] === "Quiet" && r[2] === "3");
    expect(silent?.slice(4)).toEqual(["", "false", "0", "0", ""]);
  });

  it("the history: newest first, with counts and accuracy; pages in headers; search by title, any case", async () => {
    const res = await api(server.url, "/api/sessions", { cookie: played.cookie });
    const list = sessionListSchema.parse(await json<SessionSummary[]>(res));
    expect(res.headers.get("x-total-count")).toBe("2");
    expect(list.map((s) => s.id)).toEqual([short.gameId, played.gameId]);
    const main = list[1];
    expect(main).toMatchObject({
      deckTitle: DECK.title,
      playerCount: 4,
      questionsPlayed: PLAYED,
      questionCount: 5,
      status: "ended-early",
      startedAt: report.startedAt,
      endedAt: report.endedAt,
    });
    expect(main?.accuracy).toBeCloseTo(report.accuracy ?? -1);

    const page = await api(server.url, "/api/sessions?page=2&pageSize=1", { cookie: played.cookie });
    expect((await json<SessionSummary[]>(page)).map((s) => s.id)).toEqual([played.gameId]);
    expect([page.headers.get("x-page"), page.headers.get("x-page-size")]).toEqual(["2", "1"]);
    const search = async (q: string) =>
      (
        await json<SessionSummary[]>(
          await api(server.url, `/api/sessions?q=${encodeURIComponent(q)}`, { cookie: played.cookie }),
        )
      ).map((s) => s.id);
    expect(await search("review QUIZ")).toEqual([played.gameId]);
    expect(await search("빅데이터")).toEqual([played.gameId]);
    expect(await search("KINESIS 심화")).toEqual([short.gameId]);
    expect(await search("nothing like it")).toEqual([]);
    expect((await api(server.url, "/api/sessions?pageSize=0", { cookie: played.cookie })).status).toBe(400);
    expect((await api(server.url, "/api/sessions?bogus=1", { cookie: played.cookie })).status).toBe(400);
  });

  it("R-AUTH R-OWNER-ONLY: 401 without a session; another instructor's session is 404 everywhere", async () => {
    const paths = [
      "/api/sessions",
      `/api/sessions/${played.gameId}`,
      `/api/sessions/${played.gameId}/export.csv`,
      "/api/running-games",
    ];
    for (const path of paths) expect((await api(server.url, path)).status, path).toBe(401);
    expect((await api(server.url, `/api/sessions/${played.gameId}`, { method: "DELETE" })).status).toBe(401);

    const other = await signInOtherInstructor(server.url, `Other${database}`);
    expect(await json<unknown[]>(await api(server.url, "/api/sessions", { cookie: other }))).toEqual([]);
    expect(await json<unknown[]>(await api(server.url, "/api/running-games", { cookie: other }))).toEqual([]);
    for (const path of paths.slice(1, 3))
      expect((await api(server.url, path, { cookie: other })).status, path).toBe(404);
    const del = await api(server.url, `/api/sessions/${played.gameId}`, { method: "DELETE", cookie: other });
    expect(del.status).toBe(404);
    expect((await rowsOf(server.databaseUrl, played.gameId)).Game).toBe(1);
  });

  it("R-REVIEW-PRIVATE: each phone's end screen links to its own review, bound to that player", () => {
    const links = Object.entries(played.ended).map(([name, view]) => {
      const link = new URL(view.reviewUrl ?? "");
      expect(link.origin, name).toBe(server.url);
      expect(link.pathname, name).toBe(`/review/${reviewToken(server, played.phones[name]!.playerId)}`);
      return link.pathname;
    });
    expect(new Set(links).size).toBe(links.length);
  });

  it("R-REVIEW-PRIVATE: a review link shows its own player's answers and nothing of the others", async () => {
    for (const name of ["Ace", "Bea", "민수", "Quiet"]) {
      const phone = played.phones[name]!;
      // The connected phones use the link they were given; Quiet left before the end, so its is derived.
      const given = played.ended[name]?.reviewUrl;
      const path = given ? new URL(given).pathname : `/review/${reviewToken(server, phone.playerId)}`;
      const res = await api(server.url, path.replace("/review/", "/api/review/"));
      const review: Review = reviewSchema.parse(await json<Review>(res));
      const own = report.players.find((p) => p.id === phone.playerId);
      expect(review).toMatchObject({
        nickname: name,
        deckTitle: DECK.title,
        rank: own?.rank,
        score: own?.score,
        playerCount: 4,
        correctCount: own?.correctCount,
        questionsPlayed: PLAYED,
        questionCount: 5,
        status: "ended-early",
      });
      expect(Date.parse(review.expiresAt) - Date.parse(review.endedAt)).toBeGreaterThanOrEqual(30 * 86_400_000);
      expect(review.questions).toHaveLength(PLAYED);
      for (const question of review.questions) {
        const answer = report.answers.find((a) => a.playerId === phone.playerId && a.questionIndex === question.index);
        expect(question.answer?.optionIds ?? null).toEqual(answer?.optionIds ?? null);
        expect(question.answer?.correct ?? false).toBe(answer?.correct ?? false);
        expect(question.answer?.points ?? 0).toBe(answer?.points ?? 0);
        expect(question.correctOptionIds).toEqual(key(question.index));
        expect(question.explanation).toBe(DECK.questions[question.index]?.explanation);
        expect(question.rationales).toEqual(rationalesOf(question.index));
      }
      expect(review.topics).toEqual(own?.topics);
      const text = JSON.stringify(review);
      for (const [otherName, other] of Object.entries(played.phones)) {
        if (otherName === name) continue;
        expect(text).not.toContain(other.playerId);
        expect(text).not.toContain(`"${otherName}"`);
      }
      expect(text).not.toContain("optionCounts");
    }
  });

  it("R-REVIEW-PRIVATE: an unknown, malformed or rejoin token is 404, with nothing in it", async () => {
    const unknown = await api(server.url, `/api/review/${randomBytes(32).toString("base64url")}`);
    expect(unknown.status).toBe(404);
    const body = await unknown.text();
    for (const token of ["short", played.phones.Ace!.token, "x".repeat(43), "-".repeat(200)]) {
      const res = await api(server.url, `/api/review/${token}`);
      expect(res.status, token).toBe(404);
      expect(await res.text()).toBe(body);
    }
    expect(body).not.toContain(DECK.title);
  });

  it("deleting a session (with the app's Origin) removes its players, answers and standings", async () => {
    expect((await rowsOf(server.databaseUrl, short.gameId)).Answer).toBe(1);
    const foreign = await api(server.url, `/api/sessions/${short.gameId}`, {
      method: "DELETE",
      cookie: played.cookie,
      headers: { origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    const soloToken = reviewToken(server, short.solo.playerId);
    expect((await api(server.url, `/api/review/${soloToken}`)).status).toBe(200);

    const del = await api(server.url, `/api/sessions/${short.gameId}`, { method: "DELETE", cookie: played.cookie });
    expect(del.status).toBe(204);
    expect(await rowsOf(server.databaseUrl, short.gameId)).toEqual({ Game: 0, Player: 0, Answer: 0, Leaderboard: 0 });
    expect((await api(server.url, `/api/sessions/${short.gameId}`, { cookie: played.cookie })).status).toBe(404);
    expect(
      (await api(server.url, `/api/sessions/${short.gameId}`, { method: "DELETE", cookie: played.cookie })).status,
    ).toBe(404);
    expect((await api(server.url, `/api/review/${soloToken}`)).status).toBe(404);
    // The deck it was played on is untouched, and so is the other session.
    expect((await api(server.url, `/api/sessions/${played.gameId}`, { cookie: played.cookie })).status).toBe(200);
  });

  it("deleting the deck a session was played on keeps the session and its report unchanged", async () => {
    const path = `/api/sessions/${played.gameId}`;
    const before = await json<SessionReport>(await api(server.url, path, { cookie: played.cookie }));
    await deleteDeckRow(server.databaseUrl, played.deckId);
    expect((await api(server.url, `/api/decks/${played.deckId}`, { cookie: played.cookie })).status).toBe(404);
    expect(await json<SessionReport>(await api(server.url, path, { cookie: played.cookie }))).toEqual(before);
  });
});
