// After the game: the instructor's dashboard, history and report (printed to A4
// PDF), and a student's own review page, in Korean and English, in Chromium
// against the real server.
import { expect, test, type Page } from "@playwright/test";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sessionReportSchema, type SessionReport } from "../../lib/reports";
import { reviewTokenFor } from "../../server/reviews/review-token";
import { ADMIN, startServer, type TestServer } from "../integration/support/server";
import {
  PHONE,
  PROJECTOR_FULL_HD,
  SMALL_PHONE,
  expectAccessible,
  openPage,
  screenshot,
  signInAndHost,
  joinFromPhone,
  KO_JOIN,
  type Locale,
  KO_SIGN_IN,
} from "./support";

let server: TestServer;
test.beforeAll(async () => {
  mkdirSync("screenshots", { recursive: true });
  server = await startServer();
});
test.afterAll(async () => server?.dispose());

/** The whole page, top to bottom (the report and the review are long). */
async function fullScreenshot(page: Page, name: string) {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: `screenshots/${name}.png`, animations: "disabled", fullPage: true });
}

async function useLocale(page: Page, locale: Locale) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: server.url }]);
}

interface ReportPlayer {
  id: string;
  nickname: string;
}

test("R-REPORT R-REVIEW-PRIVATE: a Korean game ended early — dashboard, history, report (ko/en, A4 PDF) and a student's review (ko/en)", async ({
  browser,
}) => {
  const host = await openPage(browser, server.url, PROJECTOR_FULL_HD, "ko");
  const pin = await signInAndHost(host.page, server.url, "tests/fixtures/short-deck.ko.json", KO_SIGN_IN);
  const gameId = new URL(host.page.url()).pathname.split("/").pop() ?? "";
  const minji = await openPage(browser, server.url, PHONE, "ko");
  const junho = await openPage(browser, server.url, PHONE, "ko");
  await joinFromPhone(minji.page, server.url, pin, "민지", KO_JOIN);
  await joinFromPhone(junho.page, server.url, pin, "준호", KO_JOIN);
  await expect(host.page.getByText("참가자 2명").first()).toBeVisible();
  // 준호 joined and never answers: his phone goes away (the question then waits
  // only for 민지, after the reconnect grace).
  await junho.page.context().close();

  const answer = (letter: string) => minji.page.getByRole("button", { name: new RegExp(`^${letter}번 답:`) });
  await host.page.getByRole("button", { name: /^시작/ }).click();
  await answer("B").click(); // right
  await expect(host.page.getByText("해설")).toBeVisible({ timeout: 30_000 });
  await host.page.getByRole("button", { name: /^순위 보기/ }).click();
  await host.page.getByRole("button", { name: /^다음 문제/ }).click();
  await expect(answer("A")).toBeVisible();
  await answer("A").click(); // multiple select: A and B, half right, so wrong
  await answer("B").click();
  await minji.page.getByRole("button", { name: /제출/ }).click();
  await expect(host.page.getByText("해설")).toBeVisible({ timeout: 30_000 });

  // The review link opens nothing while the game runs.
  const report = await host.page.request.get(`${server.url}/api/sessions/${gameId}`);
  expect(report.status()).toBe(200);
  const players = ((await report.json()) as { players: ReportPlayer[] }).players;
  const secret = readFileSync(join(server.dataDir, "secret"), "utf8").trim();
  const tokenOf = (nickname: string) => reviewTokenFor(secret, players.find((p) => p.nickname === nickname)?.id ?? "");
  const minjiToken = tokenOf("민지");
  expect((await host.page.request.get(`${server.url}/api/review/${minjiToken}`)).status()).toBe(404);

  // End early, after 2 of 3 questions.
  await host.page.getByRole("button", { name: /^게임 끝내기/ }).click();
  await host.page.getByRole("dialog").getByRole("button", { name: "게임 끝내기" }).click();
  await expect(host.page.getByRole("heading", { name: /최종 결과/ })).toBeVisible();
  await expect(minji.page.getByText("최종 순위")).toBeVisible();
  await screenshot(minji.page, "review-ko-phone-final");
  await expectAccessible(minji.page, "phone final");
  const phoneLink = minji.page.getByRole("link", { name: "내 답안 다시 보기" });
  if ((await phoneLink.count()) > 0) expect(await phoneLink.getAttribute("href")).toContain(minjiToken);

  // The dashboard: no running game left, the session on top of the latest ones.
  await host.page.goto(`${server.url}/host`);
  await expect(host.page.getByRole("heading", { name: "대시보드", level: 1 })).toBeVisible();
  await expect(host.page.getByRole("heading", { name: "진행 중인 게임" })).toHaveCount(0);
  const latest = host.page.getByRole("region", { name: "최근 세션", exact: true });
  await expect(latest.getByRole("link", { name: "테스트 덱 — 모든 유형" })).toBeVisible();
  await expect(latest.getByText("조기 종료")).toBeVisible();
  await fullScreenshot(host.page, "review-ko-dashboard");
  await expectAccessible(host.page, "dashboard");

  // The history: searchable, and the link to the report.
  await host.page
    .getByRole("link", { name: /세션 기록/ })
    .first()
    .click();
  await expect(host.page.getByRole("heading", { name: "세션 기록", level: 1 })).toBeVisible();
  await expect(host.page.getByText("세션 1개")).toBeVisible();
  await host.page.getByRole("searchbox", { name: "덱 제목으로 검색" }).fill("없는 덱");
  await host.page.getByRole("button", { name: "검색" }).click();
  await expect(host.page.getByText("“없는 덱”에 맞는 세션이 없습니다")).toBeVisible();
  await host.page.getByRole("searchbox", { name: "덱 제목으로 검색" }).fill("테스트");
  await host.page.getByRole("button", { name: "검색" }).click();
  await expect(host.page.getByText("“테스트”에 맞는 세션 1개")).toBeVisible();
  const row = host.page.getByRole("row", { name: /테스트 덱/ });
  await expect(row.getByRole("cell", { name: "3문제 중 2" })).toBeVisible();
  await expect(row.getByRole("cell", { name: "25%" })).toBeVisible(); // 1 right of 2 players × 2 questions
  await fullScreenshot(host.page, "review-ko-sessions");
  await expectAccessible(host.page, "session history");

  // The report in Korean: status, the player who never answered, charts, CSV, print.
  await row.getByRole("link", { name: "테스트 덱 — 모든 유형" }).click();
  await host.page.waitForURL(`${server.url}/sessions/${gameId}`);
  await expect(host.page.getByRole("heading", { name: "테스트 덱 — 모든 유형", level: 1 })).toBeVisible();
  await expect(host.page.getByText(/조기 종료: 3문제 중 2문제를 진행했습니다/)).toBeVisible();
  await expect(
    host.page.getByRole("region", { name: "순위 표" }).getByRole("row", { name: /준호/ }).getByText("답하지 않음"),
  ).toBeVisible();
  await expect(host.page.getByRole("img", { name: /1번 문제의 보기별 응답 수 막대 그래프, 정답: B/ })).toBeVisible();
  await expect(host.page.getByRole("img", { name: /주제별 정답률 막대 그래프/ })).toBeVisible();
  await expect(host.page.getByRole("heading", { name: "3문제 중 2번", level: 3 })).toBeVisible();
  await expect(host.page.getByRole("heading", { name: "3문제 중 3번", level: 3 })).toHaveCount(0);
  const csv = host.page.getByRole("link", { name: "CSV 내보내기" });
  expect(await csv.getAttribute("href")).toBe(`/api/sessions/${gameId}/export.csv`);
  const csvResponse = await host.page.request.get(`${server.url}/api/sessions/${gameId}/export.csv`);
  expect(csvResponse.status()).toBe(200);
  expect(csvResponse.headers()["content-type"]).toContain("text/csv");
  await host.page.getByRole("button", { name: /민지/ }).click();
  await expect(host.page.getByRole("table", { name: "민지 님의 답안" })).toBeVisible();
  await fullScreenshot(host.page, "review-ko-report");
  await expectAccessible(host.page, "report (ko)");
  await host.page.pdf({ format: "A4", path: "screenshots/report.pdf", printBackground: true });

  // The report in English.
  await useLocale(host.page, "en");
  await host.page.reload();
  await expect(host.page.getByRole("heading", { name: "Final ranking" })).toBeVisible();
  await expect(host.page.getByText(/Ended early: 2 of 3 questions were played/)).toBeVisible();
  await expect(
    host.page
      .getByRole("region", { name: "Ranking table" })
      .getByRole("row", { name: /준호/ })
      .getByText("Never answered"),
  ).toBeVisible();
  await expect(host.page.getByRole("img", { name: /answers per option for question 1; correct: B/ })).toBeVisible();
  await fullScreenshot(host.page, "review-en-report");
  await expectAccessible(host.page, "report (en)");
  await host.page.pdf({ format: "A4", path: "screenshots/report-en.pdf", printBackground: true });

  // A student's own review, on a phone, in Korean then English; no account needed.
  const review = await openPage(browser, server.url, PHONE, "ko");
  await review.page.goto(`${server.url}/review/${minjiToken}`);
  await expect(review.page.getByRole("heading", { name: "테스트 덱 — 모든 유형", level: 1 })).toBeVisible();
  await expect(review.page.getByText("민지 님의 복습")).toBeVisible();
  await expect(review.page.getByText("2명 중")).toBeVisible();
  await expect(review.page.getByRole("heading", { name: /^2문제 중 1번/ })).toBeVisible();
  await expect(review.page.getByRole("heading", { name: "내가 약한 주제" })).toBeVisible();
  await expect(review.page.getByText(/게임이 일찍 끝났습니다/)).toBeVisible();
  await expect(review.page.getByText("내 답").first()).toBeVisible();
  await screenshot(review.page, "review-ko-student");
  await fullScreenshot(review.page, "review-ko-student-full");
  await expectAccessible(review.page, "student review (ko)");
  await review.page.setViewportSize(SMALL_PHONE);
  await screenshot(review.page, "review-ko-student-small");

  await review.page.setViewportSize(PHONE);
  await useLocale(review.page, "en");
  await review.page.reload();
  await expect(review.page.getByText("민지's review")).toBeVisible();
  await expect(review.page.getByText("of 2 players")).toBeVisible();
  await expect(review.page.getByRole("heading", { name: "Your weakest topics" })).toBeVisible();
  await expect(review.page.getByText("Your answer").first()).toBeVisible();
  await screenshot(review.page, "review-en-student");
  await fullScreenshot(review.page, "review-en-student-full");
  await expectAccessible(review.page, "student review (en)");
  await review.page.setViewportSize(PROJECTOR_FULL_HD);
  await screenshot(review.page, "review-en-student-desktop");

  // 준호's page: every question unanswered. A made-up token opens nothing.
  await review.page.goto(`${server.url}/review/${tokenOf("준호")}`);
  await expect(review.page.getByText("You joined but did not answer any question", { exact: false })).toBeVisible();
  await fullScreenshot(review.page, "review-en-student-never-answered");
  await review.page.goto(`${server.url}/review/${"x".repeat(43)}`);
  await expect(review.page.getByRole("heading", { name: "This review is not available" })).toBeVisible();
  await screenshot(review.page, "review-en-not-found");
  await expectAccessible(review.page, "review not found");

  // Deleting the session, after a confirmation, takes its review links with it.
  await useLocale(host.page, "ko");
  await host.page.goto(`${server.url}/sessions`);
  await host.page.getByRole("button", { name: /테스트 덱 — 모든 유형 세션 삭제$/ }).click();
  await host.page.getByRole("dialog").getByRole("button", { name: "세션 삭제" }).click();
  await expect(host.page.getByText("“테스트 덱 — 모든 유형” 세션을 삭제했습니다.")).toBeVisible();
  await expect(host.page.getByText("아직 세션이 없습니다.", { exact: false })).toBeVisible();
  expect((await host.page.request.get(`${server.url}/api/review/${minjiToken}`)).status()).toBe(404);

  for (const { errors } of [host, minji, review]) expect(errors).toEqual([]);
});

/**
 * A full-length report to look at and print: the built-in Korean deck's
 * questions (all of them) and 28 players, answers drawn from a fixed seed. The page's API call
 * is answered from this fixture (checked against the shared schema); everything
 * else is the real server.
 */
function longReport(): SessionReport {
  const deck = JSON.parse(readFileSync("server/decks/builtin/aws-bigdata-day1.ko.json", "utf8")) as {
    title: string;
    questions: {
      kind: "single" | "multiple" | "truefalse";
      text: string;
      options: string[];
      correct: number[];
      timeLimitSec: number;
      points: "standard" | "double" | "none";
      explanation: string;
      rationales?: string[];
      tags: string[];
    }[];
  };
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const ids = ["a", "b", "c", "d", "e", "f"] as const;
  const names = [
    "민지",
    "준호",
    "서연",
    "지훈",
    "하은",
    "도윤",
    "수아",
    "예준",
    "지우",
    "시우",
    "Alex",
    "하준",
    "서윤",
    "주원",
    "지아",
    "은우",
    "채원",
    "건우",
    "다은",
    "Sam",
    "유진",
    "현우",
    "소율",
    "민재",
    "나연",
    "태윤",
    "가은",
    "결석한학생",
  ];
  const startedAt = new Date("2026-11-20T01:00:00Z");
  const answers: SessionReport["answers"] = [];
  const skill = names.map((_, i) => 0.92 - i * 0.025);
  deck.questions.forEach((question, index) => {
    names.forEach((_, p) => {
      if (p === names.length - 1 || random() < 0.06) return; // the last never answers; a few miss one
      const right = random() < skill[p]! * (question.tags.includes("kinesis") ? 0.7 : 1);
      const correct = question.correct.map((i) => ids[i]!);
      const wrong = ids.slice(0, question.options.length).filter((id) => !correct.includes(id));
      const optionIds = right ? correct : [wrong[Math.floor(random() * wrong.length)]!];
      const timeMs = Math.round(2000 + random() * question.timeLimitSec * 700);
      const max = question.points === "double" ? 2000 : question.points === "none" ? 0 : 1000;
      answers.push({
        playerId: `p${p}`,
        questionIndex: index,
        optionIds,
        correct: right,
        points: right ? Math.round(max * (1 - timeMs / (question.timeLimitSec * 1000) / 2)) : 0,
        bonus: right && random() < 0.3 ? 100 : 0,
        timeMs,
      });
    });
  });
  const playerCount = names.length;
  const topicsOf = (own: (q: number) => typeof answers, players: number) => {
    const tags = [...new Set(deck.questions.flatMap((q) => q.tags))];
    return tags
      .map((tag) => {
        const questions = deck.questions.map((q, i) => ({ q, i })).filter(({ q }) => q.tags.includes(tag));
        const correctCount = questions.reduce((sum, { i }) => sum + own(i).filter((a) => a.correct).length, 0);
        return {
          tag,
          questionCount: questions.length,
          correctCount,
          correctRate: correctCount / (questions.length * players),
        };
      })
      .sort((a, b) => a.correctRate - b.correctRate);
  };
  const players = names
    .map((nickname, p) => {
      const own = answers.filter((a) => a.playerId === `p${p}`);
      const correctCount = own.filter((a) => a.correct).length;
      return {
        id: `p${p}`,
        nickname,
        score: own.reduce((sum, a) => sum + a.points + a.bonus, 0),
        rank: 0,
        correctCount,
        answeredCount: own.length,
        neverAnswered: own.length === 0,
        accuracy: correctCount / deck.questions.length,
        totalTimeMs: own.reduce((sum, a) => sum + a.timeMs, 0),
        topics: topicsOf((q) => own.filter((a) => a.questionIndex === q), 1),
      };
    })
    .sort((a, b) => b.score - a.score || a.totalTimeMs - b.totalTimeMs)
    .map((player, i) => ({ ...player, rank: i + 1 }));
  const questions = deck.questions.map((question, index) => {
    const given = answers.filter((a) => a.questionIndex === index);
    const optionCounts = Object.fromEntries(
      question.options.map((_, i) => [ids[i]!, given.filter((a) => a.optionIds.includes(ids[i]!)).length]),
    );
    const correctCount = given.filter((a) => a.correct).length;
    return {
      index,
      text: question.text,
      correctRate: correctCount / playerCount,
      avgTimeMs: Math.round(given.reduce((sum, a) => sum + a.timeMs, 0) / given.length),
      optionCounts,
      kind: question.kind,
      options: question.options.map((text, i) => ({ id: ids[i]!, text })),
      correctOptionIds: question.correct.map((i) => ids[i]!),
      explanation: question.explanation,
      rationales: question.options.map((_, i) => question.rationales?.[i] ?? ""),
      tags: question.tags,
      points: question.points,
      timeLimitMs: question.timeLimitSec * 1000,
      imageUrl: null,
      skipped: false,
      revealed: true,
      answeredCount: given.length,
      correctCount,
    };
  });
  const right = answers.filter((a) => a.correct).length;
  return sessionReportSchema.parse({
    id: "long-demo",
    deckTitle: deck.title,
    startedAt: startedAt.toISOString(),
    endedAt: new Date(startedAt.getTime() + 52 * 60_000).toISOString(),
    playerCount,
    language: "ko",
    createdAt: new Date(startedAt.getTime() - 5 * 60_000).toISOString(),
    lastActivityAt: new Date(startedAt.getTime() + 52 * 60_000).toISOString(),
    durationMs: 52 * 60_000,
    questionsPlayed: questions.length,
    questionCount: questions.length,
    accuracy: right / (playerCount * questions.length),
    status: "completed",
    players,
    questions,
    answers,
    topics: topicsOf((q) => answers.filter((a) => a.questionIndex === q), playerCount),
  });
}

test("R-REPORT: a full-length Korean report (the whole built-in deck, 28 players) reads at 1920×1080 and prints on A4", async ({
  browser,
}) => {
  const host = await openPage(browser, server.url, PROJECTOR_FULL_HD, "ko");
  const signedIn = await host.page.request.post(`${server.url}/api/auth/sign-in/email`, {
    data: { email: ADMIN.email, password: ADMIN.password },
    headers: { Origin: server.url },
  });
  expect(signedIn.status()).toBe(200);
  // The charts are SVG drawn by React: nothing the CSP refuses (no inline script, no eval).
  const consoleErrors: string[] = [];
  host.page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  const report = longReport();
  await host.page.route(`${server.url}/api/sessions/long-demo`, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(report) }),
  );
  await host.page.goto(`${server.url}/sessions/long-demo`);
  await expect(host.page.getByRole("heading", { name: "AWS 빅데이터 — 1일차", level: 1 })).toBeVisible();
  const count = report.questions.length;
  await expect(host.page.getByRole("heading", { name: `${count}문제 중 ${count}번`, level: 3 })).toBeVisible();
  await expect(
    host.page
      .getByRole("region", { name: "순위 표" })
      .getByRole("row", { name: /결석한학생/ })
      .getByText("답하지 않음"),
  ).toBeVisible();
  await screenshot(host.page, "review-ko-report-long-top");
  await fullScreenshot(host.page, "review-ko-report-long");
  // Each part on its own, at a size that can be read.
  const section = (title: string) =>
    host.page.locator("section", { has: host.page.getByRole("heading", { name: title, level: 2 }) });
  await section("약한 주제").screenshot({ path: "screenshots/review-ko-report-long-topics.png" });
  await section("답안 표").screenshot({ path: "screenshots/review-ko-report-long-grid.png" });
  await host.page
    .getByRole("article", { name: `${count}문제 중 3번` })
    .screenshot({ path: "screenshots/review-ko-report-long-question.png" });
  const first = report.players[0]!;
  await host.page.getByRole("button", { name: new RegExp(first.nickname) }).click();
  await host.page
    .locator(`#answers-${first.id} > td`)
    .screenshot({ path: "screenshots/review-ko-report-long-player.png" });
  await expectAccessible(host.page, "long report");
  await host.page.pdf({ format: "A4", path: "screenshots/report-long.pdf", printBackground: true });
  expect(host.errors).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
