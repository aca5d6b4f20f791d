// The session report, the student's review and the CSV, built from stored rows
// alone (server/reports). Games are played with the real engine and recorded as
// the room records them, so the report is checked against what the game itself said.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reviewSchema, sessionReportSchema, sessionSummarySchema } from "../../lib/reports";
import { activePlayers, apply } from "../../server/game/engine";
import { newGameState } from "../../server/game/engine";
import type { Command, GameState, QuestionDef } from "../../server/game/types";
import { CSV_COLUMNS, sessionCsv } from "../../server/reports/session-csv";
import {
  buildReview,
  buildSessionReport,
  INTERRUPTED_AFTER_MS,
  summarizeSession,
  type StoredSession,
} from "../../server/reports/session-report";
import { hashReviewToken, reviewTokenFor } from "../../server/reviews/review-token";

import { question } from "./helpers";

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);
const at = (ms: number) => new Date(T0 + ms);

/** The engine tests' question, without its tag: each test here names the topics it counts. */
const q = (overrides: Partial<QuestionDef> = {}): QuestionDef => question({ tags: [], ...overrides });

/** Four questions: single, multiple, true/false, single; tags overlap. */
const DECK: QuestionDef[] = [
  q({ text: "전송: 80 TB?", tags: ["transfer"] }),
  q({
    kind: "multiple",
    text: "Columnar?",
    options: ["CSV", "Parquet", "JSON", "ORC"],
    correct: [1, 3],
    points: "double",
    tags: ["formats"],
    rationales: ["CSV is row-based.", "", "JSON is row-based too.", "ORC is columnar."],
  }),
  q({
    kind: "truefalse",
    text: "Firehose + Lambda?",
    options: ["True", "False"],
    correct: [0],
    tags: ["kinesis", "transfer"],
  }),
  q({ text: "Never reached", tags: ["security"] }),
];

/**
 * Plays a game on the real engine and records it as the room does: players as they
 * join, every accepted answer with its time, and the standings at each close.
 */
class Recorder {
  state: GameState;
  now = 0;
  readonly rows: StoredSession;

  constructor(questions: QuestionDef[]) {
    this.state = newGameState({
      id: "g1",
      pin: "123456",
      ownerId: "u1",
      deckTitle: "Big Data",
      language: "ko",
      questions,
      maxPlayers: 100,
    });
    this.rows = {
      game: {
        id: "g1",
        deckTitle: "Big Data",
        language: "ko",
        questions,
        phase: "lobby",
        questionIndex: -1,
        createdAt: at(0),
        startedAt: null,
        endedAt: null,
      },
      players: [],
      answers: [],
      standings: [],
    };
  }

  do(command: Command, dt = 0): this {
    this.now += dt;
    const outcome = apply(this.state, command, this.now);
    if (!outcome.ok) throw new Error(`${command.type}: ${outcome.code}`);
    this.state = outcome.state;
    for (const effect of outcome.effects) {
      if (effect.type === "playerJoined") {
        const p = this.state.players[effect.playerId];
        this.rows.players.push({
          id: effect.playerId,
          nickname: p?.nickname ?? "",
          kicked: false,
          joinedAt: at(this.now),
        });
      } else if (effect.type === "answerAccepted") {
        this.rows.answers.push({
          playerId: effect.playerId,
          questionIndex: effect.questionIndex,
          ...effect.answer,
          createdAt: at(this.now),
        });
      } else if (effect.type === "questionClosed") {
        this.rows.standings.push({
          questionIndex: effect.questionIndex,
          skipped: this.state.skipped,
          createdAt: at(this.now),
          entries: activePlayers(this.state).map((p) => ({
            playerId: p.id,
            score: p.score,
            rank: p.rank,
            correct: this.state.results[p.id]?.correct ?? false,
            points: this.state.results[p.id]?.points ?? 0,
            bonus: this.state.results[p.id]?.bonus ?? 0,
          })),
        });
      } else if (effect.type === "playerKicked") {
        const p = this.rows.players.find((r) => r.id === effect.playerId);
        if (p) p.kicked = true;
      }
    }
    const game = this.rows.game;
    game.phase = this.state.phase;
    game.questionIndex = this.state.questionIndex;
    if (game.startedAt === null && this.state.phase === "question") game.startedAt = at(this.now);
    if (this.state.phase === "ended" && game.endedAt === null) game.endedAt = at(this.now);
    return this;
  }

  join(...names: string[]): this {
    for (const name of names)
      this.do({ type: "join", playerId: name, nickname: name, nicknameKey: name.toLowerCase() });
    return this;
  }

  answer(playerId: string, optionIds: string[], dt: number): this {
    return this.do({ type: "answer", playerId, questionIndex: this.state.questionIndex, optionIds }, dt);
  }

  /** Closes the open question at its deadline. */
  timeUp(): this {
    return this.do({ type: "tick" }, 25_000);
  }
}

/**
 * Ann: always right and fastest. Bob: right on 1 and the skipped 2nd, wrong on 3.
 * Cho: never answers. Kim: answers, then is kicked. The host skips question 2 and
 * ends the game at question 3's leaderboard: 3 of 4 played.
 */
function endedEarly(): Recorder {
  return new Recorder(DECK)
    .join("Ann", "Bob", "Cho", "Kim")
    .do({ type: "start" }, 1000)
    .answer("Ann", ["b"], 400)
    .answer("Bob", ["b"], 2000)
    .answer("Kim", ["a"], 1000)
    .timeUp()
    .do({ type: "next" })
    .do({ type: "next" })
    .answer("Ann", ["b", "d"], 800)
    .answer("Bob", ["d", "b"], 3000)
    .answer("Kim", ["b"], 100)
    .do({ type: "skip" }, 500)
    .do({ type: "kick", playerId: "Kim" })
    .do({ type: "next" })
    .do({ type: "next" })
    .answer("Ann", ["a"], 600)
    .answer("Bob", ["b"], 700)
    .timeUp()
    .do({ type: "next" })
    .do({ type: "end" }, 10_000);
}

describe("session report", () => {
  const game = endedEarly();
  const now = at(game.now + 60_000);
  const report = buildSessionReport(game.rows, now);

  it("R-REPORT-PLAYED: has the contract's shape, and only the questions played", () => {
    expect(sessionReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      id: "g1",
      deckTitle: "Big Data",
      language: "ko",
      questionsPlayed: 3,
      questionCount: 4,
    });
    expect(report.status).toBe("ended-early");
    expect(report.questions.map((x) => x.index)).toEqual([0, 1, 2]);
    expect(report.questions.map((x) => x.text)).not.toContain("Never reached");
    expect(report.topics.map((t) => t.tag)).not.toContain("security");
    expect(report.startedAt).toBe(at(1000).toISOString());
    expect(report.endedAt).toBe(at(game.now).toISOString());
    expect(report.durationMs).toBe(game.now - 1000);
  });

  it("R-REPORT-PLAYED: kicked players and their answers are left out; the rest rank 1..n", () => {
    expect(report.playerCount).toBe(3);
    expect(report.players.map((p) => [p.nickname, p.rank])).toEqual([
      ["Ann", 1],
      ["Bob", 2],
      ["Cho", 3],
    ]);
    expect(report.answers.some((a) => a.playerId === "Kim")).toBe(false);
  });

  it("R-REPORT-PLAYED: answers are the accepted ones, in order, judged against the key", () => {
    expect(report.answers.map((a) => [a.questionIndex, a.playerId, a.optionIds.join(""), a.correct, a.timeMs])).toEqual(
      [
        [0, "Ann", "b", true, 400],
        [0, "Bob", "b", true, 2400],
        [1, "Ann", "bd", true, 800],
        [1, "Bob", "db", true, 3800],
        [2, "Ann", "a", true, 600],
        [2, "Bob", "b", false, 1300],
      ],
    );
  });

  it("R-SKIP: the skipped question is marked, counts for correctness and scores nobody", () => {
    const skipped = report.questions[1];
    expect(skipped).toMatchObject({ skipped: true, revealed: true, correctCount: 2, answeredCount: 2 });
    for (const a of report.answers.filter((x) => x.questionIndex === 1)) expect([a.points, a.bonus]).toEqual([0, 0]);
  });

  it("R-REPORT-PLAYED: correct rate over every player (silence is wrong), average time, every option counted", () => {
    expect(report.questions.map((x) => x.correctRate)).toEqual([2 / 3, 2 / 3, 1 / 3]);
    expect(report.questions.map((x) => x.avgTimeMs)).toEqual([1400, 2300, 950]);
    expect(report.questions[0]?.optionCounts).toEqual({ a: 0, b: 2, c: 0, d: 0 });
    expect(report.questions[1]?.optionCounts).toEqual({ a: 0, b: 2, c: 0, d: 2 });
    expect(report.questions[2]?.optionCounts).toEqual({ a: 1, b: 1 });
    expect(report.questions[1]).toMatchObject({
      kind: "multiple",
      points: "double",
      correctOptionIds: ["b", "d"],
      options: [
        { id: "a", text: "CSV" },
        { id: "b", text: "Parquet" },
        { id: "c", text: "JSON" },
        { id: "d", text: "ORC" },
      ],
      rationales: ["CSV is row-based.", "", "JSON is row-based too.", "ORC is columnar."],
    });
    expect(report.accuracy).toBeCloseTo(5 / 9);
  });

  it("R-REPORT-PLAYED: a player who never answered is wrong everywhere, with 0 points, and is marked", () => {
    const cho = report.players.find((p) => p.nickname === "Cho");
    expect(cho).toMatchObject({ score: 0, correctCount: 0, answeredCount: 0, neverAnswered: true, accuracy: 0 });
    expect(cho?.topics.every((t) => t.correctRate === 0)).toBe(true);
    const ann = report.players.find((p) => p.nickname === "Ann");
    expect(ann).toMatchObject({ correctCount: 3, answeredCount: 3, neverAnswered: false, accuracy: 1 });
  });

  it("R-RANK-TIEBREAK: total time counts each scored question's answer time, or its whole limit unanswered", () => {
    const limitMs = (DECK[0]?.timeLimitSec ?? 0) * 1000;
    const byName = (name: string) => report.players.find((p) => p.nickname === name);
    // Questions 1 and 3 were scored (2 was skipped); Cho answered neither.
    expect(byName("Cho")?.totalTimeMs).toBe(2 * limitMs);
    expect(byName("Ann")?.totalTimeMs).toBe(game.state.players.Ann?.totalTimeMs);
    expect(byName("Cho")?.totalTimeMs).toBe(game.state.players.Cho?.totalTimeMs);
  });

  it("scores and points are the ones the game gave", () => {
    for (const player of report.players) expect(player.score).toBe(game.state.players[player.id]?.score);
    const total = (id: string) =>
      report.answers.filter((a) => a.playerId === id).reduce((sum, a) => sum + a.points + a.bonus, 0);
    for (const player of report.players) expect(total(player.id)).toBe(player.score);
  });

  it("topics: every tag played, class and student, lowest correct rate first", () => {
    expect(report.topics).toEqual(
      [
        { tag: "transfer", correctRate: 3 / 6, questionCount: 2, correctCount: 3 },
        { tag: "kinesis", correctRate: 1 / 3, questionCount: 1, correctCount: 1 },
        { tag: "formats", correctRate: 2 / 3, questionCount: 1, correctCount: 2 },
      ].sort((a, b) => a.correctRate - b.correctRate),
    );
    const bob = report.players.find((p) => p.nickname === "Bob");
    expect(bob?.topics).toEqual([
      { tag: "kinesis", correctRate: 0, questionCount: 1, correctCount: 0 },
      { tag: "transfer", correctRate: 0.5, questionCount: 2, correctCount: 1 },
      { tag: "formats", correctRate: 1, questionCount: 1, correctCount: 1 },
    ]);
  });

  it("the history line agrees with the report", () => {
    const summary = summarizeSession(game.rows, now);
    expect(sessionSummarySchema.parse(summary)).toEqual(summary);
    const { players: _p, questions: _q, answers: _a, topics: _t, ...head } = report;
    expect(summary).toEqual(head);
  });
});

describe("status", () => {
  it("completed: every question played and revealed", () => {
    const game = new Recorder(DECK.slice(0, 2)).join("Ann").do({ type: "start" });
    game.answer("Ann", ["b"], 100).timeUp().do({ type: "next" }).do({ type: "next" }).timeUp();
    game.do({ type: "next" }).do({ type: "next" });
    const report = buildSessionReport(game.rows, at(game.now));
    expect(report.status).toBe("completed");
    expect(report.questionsPlayed).toBe(2);
  });

  it("R-REPORT-PLAYED: ended during a question: it counts as played, its answers stand, unscored", () => {
    const game = new Recorder(DECK).join("Ann", "Bob").do({ type: "start" });
    game.answer("Ann", ["b"], 100).answer("Bob", ["b"], 100).do({ type: "tick" });
    game.do({ type: "next" }).do({ type: "next" });
    game.answer("Ann", ["b", "d"], 300).do({ type: "end" }, 1000);
    const report = buildSessionReport(game.rows, at(game.now));
    expect(report.status).toBe("ended-early");
    expect(report.questionsPlayed).toBe(2);
    expect(report.questions[1]).toMatchObject({ revealed: false, skipped: false, correctRate: 0.5 });
    expect(report.answers.find((a) => a.questionIndex === 1)).toMatchObject({
      playerId: "Ann",
      correct: true,
      points: 0,
      bonus: 0,
    });
    expect(report.players.find((p) => p.id === "Ann")?.correctCount).toBe(2);
  });

  it("ended in the lobby: a session with nothing played", () => {
    const game = new Recorder(DECK).join("Ann").do({ type: "end" }, 5000);
    const report = buildSessionReport(game.rows, at(game.now));
    expect(report).toMatchObject({
      status: "ended-early",
      questionsPlayed: 0,
      accuracy: null,
      startedAt: null,
      durationMs: null,
    });
    expect(report.questions).toEqual([]);
    expect(report.players[0]).toMatchObject({ rank: 1, accuracy: null, neverAnswered: true });
  });

  it("running until 3 hours pass with no join, answer or closed question; then interrupted", () => {
    const game = new Recorder(DECK).join("Ann").do({ type: "start" }, 1000).answer("Ann", ["b"], 5000);
    const last = at(game.now).getTime();
    expect(summarizeSession(game.rows, new Date(last + INTERRUPTED_AFTER_MS - 1)).status).toBe("running");
    expect(summarizeSession(game.rows, new Date(last + INTERRUPTED_AFTER_MS)).status).toBe("interrupted");
    expect(summarizeSession(game.rows, new Date(last + 1)).lastActivityAt).toBe(at(game.now).toISOString());
  });
});

describe("R-REPORT-PLAYED: reports agree with the game on random games", () => {
  const pick = fc.record({
    answers: fc.boolean(),
    option: fc.nat(3),
    second: fc.option(fc.nat(3), { nil: undefined }),
    dt: fc.integer({ min: 0, max: 21_000 }),
  });
  const scenario = fc.record({
    players: fc.integer({ min: 1, max: 5 }),
    picks: fc.array(fc.array(pick, { minLength: 5, maxLength: 5 }), { minLength: 4, maxLength: 4 }),
    skips: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    endAfter: fc.integer({ min: 0, max: 4 }),
  });

  it("scores, ranks, points, correctness and rates", () => {
    fc.assert(
      fc.property(scenario, ({ players, picks, skips, endAfter }) => {
        const names = ["P0", "P1", "P2", "P3", "P4"].slice(0, players);
        const game = new Recorder(DECK).join(...names);
        for (let index = 0; index < endAfter; index += 1) {
          game.do(index === 0 ? { type: "start" } : { type: "next" });
          names.forEach((name, i) => {
            const p = picks[index]?.[i];
            if (!p?.answers || game.state.phase !== "question") return;
            const ids = [
              p.option,
              ...(DECK[index]?.kind === "multiple" && p.second !== undefined ? [p.second] : []),
            ].map((n) => "abcd"[n % (DECK[index]?.options.length ?? 4)] ?? "a");
            const outcome = apply(
              game.state,
              { type: "answer", playerId: name, questionIndex: index, optionIds: [...new Set(ids)] },
              game.now + p.dt,
            );
            if (outcome.ok) game.answer(name, [...new Set(ids)], p.dt);
          });
          if (game.state.phase === "question")
            game.do(skips[index] ? { type: "skip" } : { type: "tick" }, skips[index] ? 0 : 25_000);
          game.do({ type: "next" });
        }
        if (game.state.phase !== "ended") game.do({ type: "end" });
        const report = buildSessionReport(game.rows, at(game.now));
        sessionReportSchema.parse(report);
        expect(report.questionsPlayed).toBe(endAfter);
        for (const player of report.players) {
          const engine = game.state.players[player.id];
          expect(player.score).toBe(engine?.score);
          expect(player.totalTimeMs).toBe(engine?.totalTimeMs);
          if (engine?.rank !== null) expect(player.rank).toBe(engine?.rank);
        }
        expect(report.players.map((p) => p.rank)).toEqual(names.map((_, i) => i + 1));
        expect(report.answers).toHaveLength(game.rows.answers.length);
        for (const question of report.questions) {
          const given = report.answers.filter((a) => a.questionIndex === question.index);
          expect(question.correctRate).toBe(given.filter((a) => a.correct).length / players);
        }
        for (const tag of new Set(DECK.slice(0, endAfter).flatMap((x) => x.tags))) {
          expect(report.topics.map((t) => t.tag)).toContain(tag);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("R-REVIEW-PRIVATE: a student's review", () => {
  const game = endedEarly();
  const report = buildSessionReport(game.rows, at(game.now));
  const expiresAt = at(game.now + 90 * 86_400_000);

  it("holds the student's own answers, the keys, explanations, points, topics and rank among n", () => {
    const review = buildReview(report, "Bob", expiresAt);
    expect(review).not.toBeNull();
    expect(reviewSchema.parse(review)).toEqual(review);
    expect(review).toMatchObject({
      nickname: "Bob",
      rank: 2,
      playerCount: 3,
      correctCount: 2,
      answeredCount: 3,
      questionsPlayed: 3,
    });
    expect(review?.expiresAt).toBe(expiresAt.toISOString());
    expect(
      review?.questions.map((x) => [x.answer?.optionIds.join(""), x.answer?.correct, x.correctOptionIds.join("")]),
    ).toEqual([
      ["b", true, "b"],
      ["db", true, "bd"],
      ["b", false, "a"],
    ]);
    expect(review?.questions[0]?.explanation).toBe("B because…");
    // Every option's rationale, parallel to the options: the review shows them all.
    expect(review?.questions.map((x) => x.rationales)).toEqual([
      ["A is wrong because…", "", "C is wrong because…", ""],
      ["CSV is row-based.", "", "JSON is row-based too.", "ORC is columnar."],
      ["A is wrong because…", ""],
    ]);
    expect(review?.topics[0]).toEqual({ tag: "kinesis", correctRate: 0, questionCount: 1, correctCount: 0 });
  });

  it("rationales stay parallel to the options: a shorter list is filled with empty ones", () => {
    const short = new Recorder([q({ rationales: ["only a"] })]).join("Ann").do({ type: "start" });
    short.answer("Ann", ["a"], 300).timeUp().do({ type: "end" });
    const shortReport = buildSessionReport(short.rows, at(short.now));
    expect(shortReport.questions[0]?.rationales).toEqual(["only a", "", "", ""]);
    expect(buildReview(shortReport, "Ann", expiresAt)?.questions[0]?.rationales).toEqual(["only a", "", "", ""]);
  });

  it("says nothing of other players beyond their number", () => {
    const text = JSON.stringify(buildReview(report, "Bob", expiresAt));
    for (const other of ["Ann", "Cho", "Kim"]) expect(text).not.toContain(other);
    expect(text).not.toContain("playerId");
    // The class's numbers per question stay in the instructor's report.
    const question = buildReview(report, "Bob", expiresAt)?.questions[0] ?? {};
    for (const key of ["correctRate", "optionCounts", "answeredCount", "correctCount", "avgTimeMs"]) {
      expect(Object.keys(question)).not.toContain(key);
    }
  });

  it("a player who never answered sees every question unanswered", () => {
    const review = buildReview(report, "Cho", expiresAt);
    expect(review?.questions.every((x) => x.answer === null)).toBe(true);
    expect(review).toMatchObject({ score: 0, rank: 3, correctCount: 0 });
  });

  it("none for a kicked or unknown player, nor before the end", () => {
    expect(buildReview(report, "Kim", expiresAt)).toBeNull();
    expect(buildReview(report, "nobody", expiresAt)).toBeNull();
    const running = new Recorder(DECK).join("Ann").do({ type: "start" });
    expect(buildReview(buildSessionReport(running.rows, at(running.now)), "Ann", expiresAt)).toBeNull();
  });

  it("tokens: derived per player and secret, 43 URL-safe characters, stored as SHA-256 hex", () => {
    const token = reviewTokenFor("secret-one", "player-1");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(reviewTokenFor("secret-one", "player-1")).toBe(token);
    expect(reviewTokenFor("secret-one", "player-2")).not.toBe(token);
    expect(reviewTokenFor("secret-two", "player-1")).not.toBe(token);
    expect(hashReviewToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashReviewToken(token)).not.toContain(token);
  });
});

describe("CSV export", () => {
  const game = endedEarly();
  const report = buildSessionReport(game.rows, at(game.now));
  const csv = sessionCsv(report);

  it("UTF-8 with a BOM, every field quoted, a row per player and question played", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.map((c) => `"${c}"`).join(","));
    expect(lines).toHaveLength(1 + 3 * 3);
    expect(lines[1]).toBe('"Ann","1","1","전송: 80 TB?","B","true","1000","0","400"');
    expect(lines).toContain('"Bob","2","2","Columnar?","ORC | Parquet","true","0","0","3800"');
    expect(lines).toContain('"Cho","3","3","Firehose + Lambda?","","false","0","0",""');
  });

  it("a nickname that looks like a formula is not one", () => {
    const tricky = {
      ...report,
      players: report.players.map((p) => ({ ...p, nickname: `=HYPERLINK("x")${p.nickname}` })),
    };
    expect(sessionCsv(tricky)).toContain(`"'=HYPERLINK(""x"")Ann"`);
  });
});
