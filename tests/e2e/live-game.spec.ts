// A projector and phones play whole games in Chromium against the real server.
import { expect, test, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { startServer, type TestServer } from "../integration/support/server";
import {
  PHONE,
  PROJECTOR,
  PROJECTOR_FULL_HD,
  SMALL_PHONE,
  EN_JOIN,
  expectAccessible,
  joinFromPhone,
  KO_JOIN,
  openPage,
  screenshot,
  signInAndHost,
  KO_SIGN_IN,
  EN_SIGN_IN,
} from "./support";

let server: TestServer;
test.beforeAll(async () => {
  mkdirSync("screenshots", { recursive: true });
  server = await startServer();
});
test.afterAll(async () => server?.dispose());

test("R-GAME-FLOW R-REJOIN: a whole Korean game — projector and three phones, one reloads mid-question", async ({
  browser,
}) => {
  const host = await openPage(browser, server.url, PROJECTOR, "ko");
  const pin = await signInAndHost(host.page, server.url, "tests/fixtures/short-deck.ko.json", KO_SIGN_IN);
  const [minji, junho, seoyeon] = await Promise.all(
    [PHONE, PHONE, SMALL_PHONE].map((viewport) => openPage(browser, server.url, viewport, "ko")),
  );
  const phones = [minji!, junho!, seoyeon!];
  const koJoin = KO_JOIN;
  await joinFromPhone(minji!.page, server.url, pin, "민지", koJoin);
  await joinFromPhone(junho!.page, server.url, pin, "준호", koJoin);
  await joinFromPhone(seoyeon!.page, server.url, pin, "서연", koJoin);
  await expect(host.page.getByText("참가자 3명").first()).toBeVisible();
  await screenshot(host.page, "ko-projector-lobby");
  await screenshot(minji!.page, "ko-phone-lobby");
  await expectAccessible(host.page, "projector lobby");
  await expectAccessible(minji!.page, "phone lobby");

  const answer = (page: Page, letter: string) => page.getByRole("button", { name: new RegExp(`^${letter}번 답:`) });

  // Question 1 (single): 서연's phone reloads mid-question and carries on by itself.
  await host.page.getByRole("button", { name: /^시작/ }).click();
  await expect(host.page.getByText("3문제 중 1번").first()).toBeVisible();
  await expect(answer(minji!.page, "B")).toBeVisible();
  await screenshot(host.page, "ko-projector-question");
  await screenshot(minji!.page, "ko-phone-question");
  await expectAccessible(host.page, "projector question");
  await expectAccessible(minji!.page, "phone question");
  await answer(minji!.page, "B").click();
  await expect(minji!.page.getByText("답이 제출되었습니다")).toBeVisible();
  await screenshot(minji!.page, "ko-phone-answered");
  await answer(junho!.page, "A").click();
  await seoyeon!.page.reload();
  await answer(seoyeon!.page, "B").click();

  await expect(host.page.getByText("해설")).toBeVisible();
  await expect(minji!.page.getByText("정답").first()).toBeVisible();
  await expect(junho!.page.getByText("오답").first()).toBeVisible();
  await screenshot(host.page, "ko-projector-reveal");
  await screenshot(minji!.page, "ko-phone-reveal-correct");
  await screenshot(junho!.page, "ko-phone-reveal-wrong");
  await expectAccessible(host.page, "projector reveal");
  await expectAccessible(junho!.page, "phone reveal");

  await host.page.getByRole("button", { name: /^순위 보기/ }).click();
  await expect(host.page.getByText("민지").first()).toBeVisible();
  await screenshot(host.page, "ko-projector-leaderboard");
  await expectAccessible(host.page, "projector leaderboard");

  // Question 2 (multiple select, double points).
  await host.page.getByRole("button", { name: /^다음 문제/ }).click();
  await expect(host.page.getByText("3문제 중 2번").first()).toBeVisible();
  for (const [phone, letters] of [
    [minji!.page, ["B", "D"]],
    [junho!.page, ["A"]],
    [seoyeon!.page, ["B", "D"]],
  ] as const) {
    for (const letter of letters) await answer(phone, letter).click();
    await phone.getByRole("button", { name: /제출/ }).click();
  }
  await expect(host.page.getByText("해설")).toBeVisible();
  await host.page.getByRole("button", { name: /^순위 보기/ }).click();
  await host.page.getByRole("button", { name: /^다음 문제/ }).click();

  // Question 3 (true/false).
  await expect(host.page.getByText("3문제 중 3번").first()).toBeVisible();
  await answer(minji!.page, "A").click();
  await answer(junho!.page, "B").click();
  await answer(seoyeon!.page, "A").click();
  await expect(host.page.getByText("해설")).toBeVisible();
  await host.page.getByRole("button", { name: /^순위 보기/ }).click();
  await host.page.getByRole("button", { name: /^최종 결과/ }).click();

  await expect(host.page.getByRole("heading", { name: /최종 결과/ })).toBeVisible();
  await expect(minji!.page.getByText("최종 순위")).toBeVisible();
  await expect(minji!.page.getByText("1위").first()).toBeVisible();
  await expect(junho!.page.getByText("3위").first()).toBeVisible();
  await screenshot(host.page, "ko-projector-podium");
  await screenshot(minji!.page, "ko-phone-final");
  await expectAccessible(host.page, "projector podium");
  await expectAccessible(minji!.page, "phone final");

  for (const { errors } of [host, ...phones]) expect(errors).toEqual([]);
});

test("R-GAME-FLOW R-PAUSE: an English game at 1920×1080 with two phones, driven from the keyboard", async ({
  browser,
}) => {
  const host = await openPage(browser, server.url, PROJECTOR_FULL_HD, "en");
  const pin = await signInAndHost(host.page, server.url, "tests/fixtures/short-deck.json", EN_SIGN_IN);
  const ann = await openPage(browser, server.url, PHONE, "en");
  const ben = await openPage(browser, server.url, SMALL_PHONE, "en");
  const enJoin = EN_JOIN;
  await joinFromPhone(ann.page, server.url, pin, "Ann", enJoin);
  await joinFromPhone(ben.page, server.url, pin, "Ben", enJoin);
  await expect(host.page.getByText("Ben").first()).toBeVisible();
  await screenshot(host.page, "en-projector-lobby");

  const answer = (page: Page, letter: string) => page.getByRole("button", { name: new RegExp(`^Answer ${letter}:`) });
  await host.page.keyboard.press("Space");
  await expect(answer(ann.page, "B")).toBeVisible();
  await expect(host.page.getByRole("button", { name: /^Pause/ })).toBeEnabled();

  // Pause and resume from the keyboard: the phones are told, answers wait.
  await host.page.keyboard.press("p");
  await expect(host.page.getByText("Paused").first()).toBeVisible();
  await expect(ann.page.getByText(/Paused/).first()).toBeVisible();
  await screenshot(host.page, "en-projector-paused");
  await screenshot(ann.page, "en-phone-paused");
  await expect(host.page.getByRole("button", { name: /^Resume/ }).first()).toBeEnabled();
  await host.page.keyboard.press("p");
  await expect(answer(ann.page, "B")).toBeEnabled();

  await answer(ann.page, "B").click();
  await answer(ben.page, "C").click();
  await expect(host.page.getByText("Explanation")).toBeVisible();
  await screenshot(host.page, "en-projector-reveal");
  await screenshot(ben.page, "en-phone-reveal-wrong");
  await expect(host.page.getByRole("button", { name: /^Leaderboard/ })).toBeEnabled();
  await host.page.keyboard.press("Space");
  await expect(host.page.getByRole("button", { name: /^Next question/ })).toBeEnabled();
  await host.page.keyboard.press("Space");

  await expect(answer(ann.page, "B")).toBeVisible();
  await expect(host.page.getByRole("button", { name: /^Skip/ })).toBeEnabled();
  await host.page.keyboard.press("s"); // skip: shown, not scored
  await expect(host.page.getByText(/Skipped/i).first()).toBeVisible();
  await screenshot(host.page, "en-projector-skipped");
  // A press within SETTLE_MS of a phase change is ignored (a double press must not skip a screen).
  await expect(host.page.getByRole("button", { name: /^Leaderboard/ })).toBeEnabled();
  await host.page.keyboard.press("Space");
  await expect(host.page.getByRole("button", { name: /^Next question/ })).toBeEnabled();
  await host.page.keyboard.press("Space");

  await expect(answer(ann.page, "A")).toBeVisible();
  await answer(ann.page, "A").click();
  await answer(ben.page, "A").click();
  await expect(host.page.getByText("Explanation")).toBeVisible();
  await expect(host.page.getByRole("button", { name: /^Leaderboard/ })).toBeEnabled();
  await host.page.keyboard.press("Space");
  await expect(host.page.getByRole("button", { name: /^Final results/ })).toBeEnabled();
  await host.page.keyboard.press("Space");
  await expect(host.page.getByRole("heading", { name: /Final results/ })).toBeVisible();
  await expect(ann.page.getByText("Final rank")).toBeVisible();
  await screenshot(host.page, "en-projector-podium");
  await screenshot(ann.page, "en-phone-final");
  for (const { errors } of [host, ann, ben]) expect(errors).toEqual([]);
});
