// A session's report, built from its stored rows alone: the game row (with the deck
// as it was asked), its players, every accepted answer and the standings saved at
// each closed question. Pure: no I/O and no clock (`now` is passed in), so a
// report never changes when the deck is edited or deleted, and tests need no
// database. Shapes: lib/reports.ts.
import { OPTION_IDS, type Locale, type Phase } from "../../lib/contract";
import type {
  ReportAnswer,
  ReportPlayer,
  ReportQuestion,
  Review,
  SessionReport,
  SessionStatus,
  SessionSummary,
  Topic,
} from "../../lib/reports";
import { correctOptionIds, timeLimitMs } from "../game/engine";
import { isCorrectChoice } from "../game/scoring";
import type { QuestionDef } from "../game/types";

/** A game not ended with no join, answer or closed question for this long is `interrupted`. */
export const INTERRUPTED_AFTER_MS = 3 * 60 * 60 * 1000;

export interface StoredGame {
  id: string;
  deckTitle: string;
  language: Locale;
  /** The deck's questions as they were when the game was created (Game.questions). */
  questions: QuestionDef[];
  phase: Phase;
  /** The open (or last) question; -1 in the lobby. */
  questionIndex: number;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface StoredPlayer {
  id: string;
  nickname: string;
  kicked: boolean;
  joinedAt: Date;
}

export interface StoredAnswer {
  playerId: string;
  questionIndex: number;
  optionIds: string[];
  /** From the question's opening to the server's receipt, paused time excluded. */
  timeMs: number;
  createdAt: Date;
}

/** One Leaderboard row: written when a question closed (revealed or skipped). */
export interface StoredStandings {
  questionIndex: number;
  skipped: boolean;
  createdAt: Date;
  entries: {
    playerId: string;
    score: number;
    rank: number | null;
    correct: boolean;
    points: number;
    bonus: number;
  }[];
}

export interface StoredSession {
  game: StoredGame;
  /** In the order they joined (the last tie-breaker). */
  players: StoredPlayer[];
  answers: StoredAnswer[];
  standings: StoredStandings[];
}

/** What the history list needs: the rows without answer times or standings' entries. */
export interface SessionActivity {
  game: StoredGame;
  players: Pick<StoredPlayer, "id" | "kicked" | "joinedAt">[];
  answers: Pick<StoredAnswer, "playerId" | "questionIndex" | "optionIds" | "createdAt">[];
  standings: Pick<StoredStandings, "questionIndex" | "createdAt">[];
}

/**
 * Questions opened, 0..n: every question up to the open (or last) one was opened,
 * in order; skip and end close or leave the current one, they never jump ahead.
 */
export function questionsPlayed(game: Pick<StoredGame, "phase" | "questionIndex" | "questions">): number {
  if (game.phase === "lobby") return 0;
  return Math.max(0, Math.min(game.questions.length, game.questionIndex + 1));
}

/** The latest moment something happened: a restart's rewrite of the game row does not count. */
export function lastActivityAt(rows: {
  game: Pick<StoredGame, "createdAt" | "startedAt" | "endedAt">;
  players: { joinedAt: Date }[];
  answers: { createdAt: Date }[];
  standings: { createdAt: Date }[];
}): Date {
  // A loop, not Math.max(...): a big game's answers would overflow the argument list.
  let latest = 0;
  const see = (date: Date | null) => {
    if (date && date.getTime() > latest) latest = date.getTime();
  };
  [rows.game.createdAt, rows.game.startedAt, rows.game.endedAt].forEach(see);
  for (const p of rows.players) see(p.joinedAt);
  for (const a of rows.answers) see(a.createdAt);
  for (const s of rows.standings) see(s.createdAt);
  return new Date(latest);
}

/**
 * The status rule of lib/reports.ts (SESSION_STATUSES): not ended → `interrupted`
 * after INTERRUPTED_AFTER_MS without activity, else `running`; ended → `completed`
 * when every question of the deck was opened and the last one closed, else `ended-early`.
 * `revealed`: the indexes of the questions closed (those with saved standings).
 */
export function sessionStatus(
  game: Pick<StoredGame, "phase" | "questionIndex" | "questions">,
  activity: { lastActivityAt: Date; revealed: readonly number[] },
  now: Date,
): SessionStatus {
  if (game.phase !== "ended") {
    return now.getTime() - activity.lastActivityAt.getTime() >= INTERRUPTED_AFTER_MS ? "interrupted" : "running";
  }
  const count = game.questions.length;
  const allOpened = count > 0 && questionsPlayed(game) === count;
  return allOpened && activity.revealed.includes(count - 1) ? "completed" : "ended-early";
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** Whether an answer is right: all and only the correct options (R-MULTI-ALL). */
function isRight(question: QuestionDef | undefined, optionIds: readonly string[]): boolean {
  return !!question && isCorrectChoice(optionIds, correctOptionIds(question));
}

/** The players who count (not kicked) and their answers to the questions played. */
function counted<P extends { id: string; kicked: boolean }, A extends { playerId: string; questionIndex: number }>(
  players: P[],
  answers: A[],
  played: number,
): { players: P[]; answers: A[] } {
  const kept = players.filter((p) => !p.kicked);
  const ids = new Set(kept.map((p) => p.id));
  return {
    players: kept,
    answers: answers.filter((a) => ids.has(a.playerId) && a.questionIndex >= 0 && a.questionIndex < played),
  };
}

/**
 * One line of the history: `SessionSummary` (lib/reports.ts). Kicked players and
 * their answers are left out; `now` decides `running` vs `interrupted`.
 */
export function summarizeSession(rows: SessionActivity, now: Date): SessionSummary {
  const { game } = rows;
  const played = questionsPlayed(game);
  const { players, answers } = counted(rows.players, rows.answers, played);
  const right = answers.filter((a) => isRight(game.questions[a.questionIndex], a.optionIds)).length;
  const last = lastActivityAt(rows);
  const end = game.endedAt ?? last;
  return {
    id: game.id,
    deckTitle: game.deckTitle,
    startedAt: iso(game.startedAt),
    endedAt: iso(game.endedAt),
    playerCount: players.length,
    language: game.language,
    createdAt: game.createdAt.toISOString(),
    lastActivityAt: last.toISOString(),
    durationMs: game.startedAt ? Math.max(0, end.getTime() - game.startedAt.getTime()) : null,
    questionsPlayed: played,
    questionCount: game.questions.length,
    accuracy: ratio(right, players.length * played),
    status: sessionStatus(game, { lastActivityAt: last, revealed: rows.standings.map((s) => s.questionIndex) }, now),
  };
}

/** Correct rate per tag over the given questions: lowest first, then by tag. */
function topicsOf(
  questions: { tags: string[]; index: number }[],
  correctOn: (questionIndex: number) => number,
  answerersPerQuestion: number,
): Topic[] {
  const byTag = new Map<string, { questionCount: number; correctCount: number }>();
  for (const question of questions) {
    for (const tag of new Set(question.tags)) {
      const topic = byTag.get(tag) ?? { questionCount: 0, correctCount: 0 };
      topic.questionCount += 1;
      topic.correctCount += correctOn(question.index);
      byTag.set(tag, topic);
    }
  }
  const topics = [...byTag].map(([tag, t]) => ({
    tag,
    correctRate: ratio(t.correctCount, t.questionCount * answerersPerQuestion),
    questionCount: t.questionCount,
    correctCount: t.correctCount,
  }));
  return topics.sort(
    (a, b) => (a.correctRate ?? Infinity) - (b.correctRate ?? Infinity) || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0),
  );
}

/**
 * The whole report (`SessionReport`, lib/reports.ts), in the contract's shape and more.
 * - Only the questions played count; a player who never answered is wrong with 0
 *   points on each of them (the report says `neverAnswered`).
 * - Correctness is the answer against the key, on every question played (a skipped
 *   one too); points and bonus come from the standings saved when the question
 *   closed (0 on a question the game ended on before its reveal).
 * - Score is the player's latest saved standing; ranks follow the last saved ranks,
 *   then score, total answer time and join order (the game's own tie-breaks), 1..n.
 * - Kicked players and their answers are left out.
 */
export function buildSessionReport(rows: StoredSession, now: Date): SessionReport {
  const summary = summarizeSession(rows, now);
  const { game } = rows;
  const played = questionsPlayed(game);
  const { players, answers } = counted(rows.players, rows.answers, played);
  const joinOrder = new Map(players.map((p, seq) => [p.id, seq]));
  const standings = new Map(
    rows.standings.map((s) => [s.questionIndex, { ...s, byPlayer: new Map(s.entries.map((e) => [e.playerId, e])) }]),
  );

  const reportAnswers: ReportAnswer[] = answers
    .map((a) => {
      const entry = standings.get(a.questionIndex)?.byPlayer.get(a.playerId);
      return {
        playerId: a.playerId,
        questionIndex: a.questionIndex,
        optionIds: a.optionIds as ReportAnswer["optionIds"],
        correct: isRight(game.questions[a.questionIndex], a.optionIds),
        points: entry?.points ?? 0,
        bonus: entry?.bonus ?? 0,
        timeMs: a.timeMs,
      };
    })
    .sort(
      (a, b) =>
        a.questionIndex - b.questionIndex || (joinOrder.get(a.playerId) ?? 0) - (joinOrder.get(b.playerId) ?? 0),
    );
  const byQuestion = groupBy(reportAnswers, (a) => a.questionIndex);
  const byPlayer = groupBy(reportAnswers, (a) => a.playerId);

  const questions: ReportQuestion[] = game.questions.slice(0, played).map((question, index) => {
    const given = byQuestion.get(index) ?? [];
    const options = question.options.map((text, i) => ({ id: optionId(i), text }));
    const optionCounts: Record<string, number> = Object.fromEntries(options.map((o) => [o.id, 0]));
    for (const answer of given) for (const id of answer.optionIds) optionCounts[id] = (optionCounts[id] ?? 0) + 1;
    const correctCount = given.filter((a) => a.correct).length;
    const stored = standings.get(index);
    return {
      index,
      text: question.text,
      correctRate: ratio(correctCount, players.length),
      avgTimeMs: given.length > 0 ? Math.round(given.reduce((sum, a) => sum + a.timeMs, 0) / given.length) : null,
      optionCounts,
      kind: question.kind,
      options,
      correctOptionIds: correctOptionIds(question) as ReportQuestion["correctOptionIds"],
      explanation: question.explanation,
      // Parallel to the options as asked (shuffled ones included: the snapshot moved them together).
      rationales: question.options.map((_, i) => question.rationales[i] ?? ""),
      tags: question.tags,
      points: question.points,
      timeLimitMs: timeLimitMs(question),
      imageUrl: question.imageUrl,
      skipped: stored?.skipped ?? false,
      revealed: stored !== undefined,
      answeredCount: given.length,
      correctCount,
    };
  });

  // Score: the latest standing that holds the player (a late joiner after the last
  // reveal has none: 0). Ranks: the last saved ranks first, so the report agrees
  // with the podium; players that had none yet come after, by the game's tie-breaks.
  const ordered = [...standings.values()].sort((a, b) => a.questionIndex - b.questionIndex);
  const latestScore = new Map<string, number>();
  for (const s of ordered) for (const e of s.entries) latestScore.set(e.playerId, e.score);
  const lastSaved = ordered.at(-1)?.byPlayer;

  const unranked = players.map((player, seq) => {
    const own = byPlayer.get(player.id) ?? [];
    const rightOn = new Set(own.filter((a) => a.correct).map((a) => a.questionIndex));
    // The game's first tie-breaker (R-RANK-TIEBREAK): over the questions scored while
    // the player was in the game, the answer's time, or the whole limit without one.
    const timeOn = new Map(own.map((a) => [a.questionIndex, a.timeMs]));
    let scoredTime = 0;
    for (const [index, standing] of standings) {
      const question = game.questions[index];
      if (standing.skipped || !question || !standing.byPlayer.has(player.id)) continue;
      scoredTime += timeOn.get(index) ?? timeLimitMs(question);
    }
    const report: ReportPlayer = {
      id: player.id,
      nickname: player.nickname,
      score: latestScore.get(player.id) ?? 0,
      rank: 0,
      correctCount: rightOn.size,
      answeredCount: own.length,
      neverAnswered: own.length === 0,
      accuracy: ratio(rightOn.size, played),
      totalTimeMs: scoredTime,
      topics: topicsOf(questions, (index) => (rightOn.has(index) ? 1 : 0), 1),
    };
    return { seq, lastRank: lastSaved?.get(player.id)?.rank ?? Number.POSITIVE_INFINITY, report };
  });
  unranked.sort(
    (a, b) =>
      a.lastRank - b.lastRank ||
      b.report.score - a.report.score ||
      a.report.totalTimeMs - b.report.totalTimeMs ||
      a.seq - b.seq,
  );

  return {
    ...summary,
    players: unranked.map((u, i) => ({ ...u.report, rank: i + 1 })),
    questions,
    answers: reportAnswers,
    topics: topicsOf(questions, (index) => questions[index]?.correctCount ?? 0, players.length),
  };
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function optionId(position: number): (typeof OPTION_IDS)[number] {
  const id = OPTION_IDS[position];
  if (!id) throw new Error(`option ${position} has no id`);
  return id;
}

/**
 * A student's own review (`Review`, lib/reports.ts), cut from the report: each
 * question played with their answer, the key, the explanation and every option's
 * rationale (the game is over: nothing left to give away), their points,
 * their weakest topics and their rank among n. Nothing else of other players.
 * null for a player not in the report (kicked) or a session not ended.
 */
export function buildReview(report: SessionReport, playerId: string, expiresAt: Date): Review | null {
  const player = report.players.find((p) => p.id === playerId);
  if (!player || !report.endedAt || (report.status !== "completed" && report.status !== "ended-early")) return null;
  const own = new Map(report.answers.filter((a) => a.playerId === playerId).map((a) => [a.questionIndex, a]));
  return {
    deckTitle: report.deckTitle,
    language: report.language,
    startedAt: report.startedAt,
    endedAt: report.endedAt,
    expiresAt: expiresAt.toISOString(),
    status: report.status,
    questionsPlayed: report.questionsPlayed,
    questionCount: report.questionCount,
    nickname: player.nickname,
    score: player.score,
    rank: player.rank,
    playerCount: report.playerCount,
    correctCount: player.correctCount,
    answeredCount: player.answeredCount,
    questions: report.questions.map((q) => {
      const answer = own.get(q.index);
      return {
        index: q.index,
        text: q.text,
        kind: q.kind,
        options: q.options,
        correctOptionIds: q.correctOptionIds,
        explanation: q.explanation,
        rationales: q.rationales,
        tags: q.tags,
        points: q.points,
        imageUrl: q.imageUrl,
        skipped: q.skipped,
        revealed: q.revealed,
        answer: answer
          ? {
              optionIds: answer.optionIds,
              correct: answer.correct,
              points: answer.points,
              bonus: answer.bonus,
              timeMs: answer.timeMs,
            }
          : null,
      };
    }),
    topics: player.topics,
  };
}
