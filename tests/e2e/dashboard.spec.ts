// The instructor's dashboard during a game: the running game is listed, and
// Resume brings its projector page back in the phase it is in.
import { expect, test } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { sessionSummarySchema, type SessionSummary } from "../../lib/reports";
import { ADMIN, startServer, type TestServer } from "../integration/support/server";
import {
  EN_JOIN,
  PHONE,
  PROJECTOR,
  expectAccessible,
  joinFromPhone,
  openPage,
  screenshot,
  signInAndHost,
  EN_SIGN_IN,
} from "./support";

let server: TestServer;
test.beforeAll(async () => {
  mkdirSync("screenshots", { recursive: true });
  server = await startServer();
});
test.afterAll(async () => server?.dispose());

test("R-RESUME: an instructor who left the projector page mid-game resumes it from the dashboard", async ({
  browser,
}) => {
  const host = await openPage(browser, server.url, PROJECTOR, "en");
  const pin = await signInAndHost(host.page, server.url, "tests/fixtures/short-deck.json", EN_SIGN_IN);
  const gameUrl = host.page.url();
  const ann = await openPage(browser, server.url, PHONE, "en");
  await joinFromPhone(ann.page, server.url, pin, "Ann", EN_JOIN);

  await host.page.getByRole("button", { name: /^Start/ }).click();
  await ann.page.getByRole("button", { name: /^Answer B:/ }).click();
  await expect(host.page.getByText("Explanation")).toBeVisible();

  // The instructor goes back to the dashboard (Back, a closed tab, another page).
  await host.page.goto(`${server.url}/host`);
  const running = host.page.getByRole("region", { name: "Running games", exact: true });
  await expect(running.getByRole("heading", { name: "Test deck — every kind", level: 3 })).toBeVisible();
  await expect(running.getByText("Question 1 of 3 — answer shown")).toBeVisible();
  await expect(running.getByText("1 player")).toBeVisible();
  await expect(running.getByText(pin.slice(0, 3) + " " + pin.slice(3))).toBeVisible();
  await screenshot(host.page, "dashboard-en-running");
  await expectAccessible(host.page, "dashboard with a running game");

  // Resume: the same game, in the phase it was in; the phone carries on.
  await running.getByRole("link", { name: "Resume Test deck — every kind" }).click();
  await host.page.waitForURL(gameUrl);
  await expect(host.page.getByText("Explanation")).toBeVisible();
  await expect(host.page.getByText("Question 1 / 3").first()).toBeVisible();
  await host.page.getByRole("button", { name: /^Leaderboard/ }).click();
  await expect(host.page.getByText("Ann").first()).toBeVisible();
  await host.page.getByRole("button", { name: /^Next question/ }).click();
  await expect(ann.page.getByRole("button", { name: /^Answer A:/ })).toBeVisible();
  await screenshot(host.page, "dashboard-en-resumed");

  // The same game is a session in the history, marked running, with Resume.
  await host.page.goto(`${server.url}/sessions`);
  const row = host.page.getByRole("row", { name: /Test deck/ });
  await expect(row.getByText("Running")).toBeVisible();
  await expect(row.getByRole("link", { name: "Resume Test deck — every kind" })).toBeVisible();
  await screenshot(host.page, "dashboard-en-sessions-running");

  for (const { errors } of [host, ann]) expect(errors).toEqual([]);
});

test("the history pages through many sessions (the list answered from a fixture)", async ({ browser }) => {
  const host = await openPage(browser, server.url, PROJECTOR, "ko");
  const signedIn = await host.page.request.post(`${server.url}/api/auth/sign-in/email`, {
    data: { email: ADMIN.email, password: ADMIN.password },
    headers: { Origin: server.url },
  });
  expect(signedIn.status()).toBe(200);
  const statuses = ["completed", "ended-early", "completed", "interrupted"] as const;
  const all: SessionSummary[] = Array.from({ length: 45 }, (_, i) => {
    const created = new Date(Date.UTC(2026, 10, 28, 9) - i * 86_400_000);
    return sessionSummarySchema.parse({
      id: `s${i}`,
      deckTitle:
        i % 3 === 0
          ? "AWS 빅데이터 — 1일차"
          : i % 3 === 1
            ? "AWS Big Data — day 1"
            : "Kinesis 스트리밍 심화: 샤드, 소비자, 재처리 시나리오",
      startedAt: created.toISOString(),
      endedAt: new Date(created.getTime() + 40 * 60_000).toISOString(),
      playerCount: 20 + (i % 9),
      language: i % 3 === 1 ? "en" : "ko",
      createdAt: created.toISOString(),
      lastActivityAt: created.toISOString(),
      durationMs: (35 + (i % 20)) * 60_000 + 30_000,
      questionsPlayed: i % 4 === 1 ? 12 : 24,
      questionCount: 24,
      accuracy: 0.45 + ((i * 7) % 40) / 100,
      status: statuses[i % 4],
    });
  });
  await host.page.route(/\/api\/sessions\?/, (route) => {
    const url = new URL(route.request().url());
    const page = Number(url.searchParams.get("page") ?? "1");
    const size = Number(url.searchParams.get("pageSize") ?? "50");
    return route.fulfill({
      status: 200,
      contentType: "application/json",
      headers: { "x-total-count": String(all.length), "x-page": String(page), "x-page-size": String(size) },
      body: JSON.stringify(all.slice((page - 1) * size, page * size)),
    });
  });
  await host.page.goto(`${server.url}/sessions`);
  await expect(host.page.getByText("세션 45개")).toBeVisible();
  await expect(host.page.getByText("3쪽 중 1쪽")).toBeVisible();
  await screenshot(host.page, "dashboard-ko-sessions-page-1");
  await expectAccessible(host.page, "history, page 1");
  await host.page.getByRole("navigation", { name: "페이지" }).getByRole("link", { name: /다음/ }).click();
  await host.page.waitForURL(`${server.url}/sessions?page=2`);
  await expect(host.page.getByText("3쪽 중 2쪽")).toBeVisible();
  await host.page.getByRole("navigation", { name: "페이지" }).getByRole("link", { name: /다음/ }).click();
  await expect(host.page.getByText("3쪽 중 3쪽")).toBeVisible();
  await expect(host.page.getByRole("row")).toHaveCount(6); // the header and the last 5
  await host.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await screenshot(host.page, "dashboard-ko-sessions-page-3");

  // Delete asks first; Cancel (or Escape) keeps the session.
  await host.page
    .getByRole("button", { name: /세션 삭제$/ })
    .first()
    .click();
  const dialog = host.page.getByRole("dialog", { name: "이 세션을 삭제할까요?" });
  await expect(dialog).toBeVisible();
  await screenshot(host.page, "dashboard-ko-sessions-delete");
  await expectAccessible(host.page, "delete confirmation");
  await host.page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(host.errors).toEqual([]);
});
