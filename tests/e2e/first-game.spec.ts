// A first game without a stumble (issue 16), in Chromium against the real server:
// a mistyped PIN that must not cost the player on reload, PIN problems told at the
// PIN step, the projector's view of the room (who has not answered, who is away, a
// kick mid-game, a full game, two projector tabs), and phones at 360×640.
import { expect, test, type Page } from "@playwright/test";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type TestServer } from "../integration/support/server";
import {
  EN_JOIN,
  EN_SIGN_IN,
  expectAccessible,
  joinFromPhone,
  KO_JOIN,
  KO_SIGN_IN,
  openPage,
  PHONE,
  PROJECTOR,
  PROJECTOR_FULL_HD,
  screenshot,
  signInAndHost,
  SMALL_PHONE,
} from "./support";

interface DeckQuestion {
  kind: string;
  text: string;
  options: string[];
  correct: number[];
  rationales?: string[];
  explanation: string;
}
interface Deck {
  title: string;
  language: string;
  description?: string;
  questions: DeckQuestion[];
}

/**
 * The built-in course deck's longest scenarios and explanations, as a class meets
 * them: a long single choice, a multiple select grown to six options (the most a
 * question has) and another long single choice. Written to a file for signInAndHost.
 */
function courseDeck(language: "en" | "ko"): string {
  const builtin = JSON.parse(readFileSync(`server/decks/builtin/aws-bigdata-day1.${language}.json`, "utf8")) as Deck;
  const pick = (i: number): DeckQuestion => {
    const question = builtin.questions[i];
    if (!question) throw new Error(`no question ${i}`);
    return question;
  };
  const multiple = pick(31);
  const sixth =
    language === "en"
      ? "Amazon EMR running Spark Structured Streaming on a long-lived cluster"
      : "상시 실행 클러스터에서 Spark Structured Streaming을 돌리는 Amazon EMR";
  const deck: Deck = {
    title: language === "en" ? "Issue 16 — long scenarios" : "이슈 16 — 긴 시나리오",
    language,
    questions: [
      pick(1),
      { ...multiple, options: [...multiple.options, sixth], rationales: [...(multiple.rationales ?? []), ""] },
      pick(21),
    ],
  };
  const file = join(mkdtempSync(join(tmpdir(), "quizroom-deck-")), `${language}.json`);
  writeFileSync(file, JSON.stringify(deck));
  return file;
}

/** Another 6-digit PIN than the game's: what a student mistypes. */
const mistyped = (pin: string) => String((Number(pin) + 111_111) % 1_000_000).padStart(6, "0");

let server: TestServer;
test.beforeAll(async () => {
  mkdirSync("screenshots", { recursive: true });
  server = await startServer();
});
test.afterAll(async () => server?.dispose());

test("R-REJOIN R-JOIN: a mistyped PIN, then the right one — reloads and back/forward keep the same player, no ghost", async ({
  browser,
}) => {
  const host = await openPage(browser, server.url, PROJECTOR, "en");
  const pin = await signInAndHost(host.page, server.url, "tests/fixtures/short-deck.json", EN_SIGN_IN);
  const wrong = mistyped(pin);
  const ann = await openPage(browser, server.url, SMALL_PHONE, "en");
  const phone = ann.page;

  // The landing page's box: a mistyped PIN is told at the PIN step, before any nickname.
  await phone.goto(`${server.url}/`);
  await phone.getByLabel("Game PIN").fill(wrong);
  await phone.getByRole("button", { name: "Join", exact: true }).click();
  await expect(phone).toHaveURL(new RegExp(`/join\\?pin=${wrong}$`));
  await expect(phone.getByText("No game with that PIN")).toBeVisible();
  await expect(phone.getByRole("textbox", { name: "Nickname" })).toHaveCount(0);
  await screenshot(phone, "en-phone-360-pin-wrong");
  await expectAccessible(phone, "phone: wrong PIN");

  // The right PIN, typed in the same form: checked, then the nickname, then in.
  await phone.getByLabel("Game PIN").fill(pin);
  await phone.getByRole("button", { name: "Enter" }).click();
  await phone.getByRole("textbox", { name: "Nickname" }).fill("Ann");
  await phone.getByRole("button", { name: "Join the game" }).click();
  await expect(phone.getByRole("heading", { name: "You're in!" })).toBeVisible();
  // The URL now names the game joined: a reload opens it, not the mistyped PIN.
  await expect(phone).toHaveURL(new RegExp(`/join\\?pin=${pin}$`));

  const stillAnn = async (when: string) => {
    await expect(phone.getByRole("heading", { name: "You're in!" }), when).toBeVisible();
    await expect(phone.getByText("Ann").first(), when).toBeVisible();
    await expect(phone.getByRole("textbox", { name: "Nickname" }), when).toHaveCount(0);
    await expect(phone, when).toHaveURL(new RegExp(`pin=${pin}$`));
  };
  await phone.reload();
  await stillAnn("after a reload");

  // The mistyped PIN comes back (an old history entry, a bookmark): the live game's ticket wins.
  await phone.goto(`${server.url}/join?pin=${wrong}`);
  await stillAnn("on the stale PIN's URL");
  await phone.reload();
  await stillAnn("reloading after the stale PIN");
  await phone.goBack();
  await stillAnn("after going back");
  await phone.goForward();
  await stillAnn("after going forward");

  // The projector shows one Ann, connected: no ghost, and her nickname is hers, not "taken".
  await expect(host.page.getByRole("heading", { name: "1 player" })).toBeVisible();
  await expect(host.page.getByRole("button", { name: "Remove Ann" })).toHaveCount(1);
  await expect(host.page.getByText("away", { exact: true })).toHaveCount(0);

  // The game goes on with the same player: her answer counts on the projector.
  await host.page.getByRole("button", { name: /^Start/ }).click();
  await phone.getByRole("button", { name: /^Answer B:/ }).click();
  await expect(host.page.getByText("Explanation")).toBeVisible();
  await phone.reload();
  await expect(phone.getByText("Correct").first()).toBeVisible();
  await host.page.getByRole("button", { name: /^Leaderboard/ }).click();
  await expect(host.page.getByText("Ann", { exact: true })).toHaveCount(1);
  for (const { errors } of [host, ann]) expect(errors).toEqual([]);
});

test("R-JOIN: a QR link goes straight to the nickname; a locked, wrong or ended game is told at the PIN step (Korean)", async ({
  browser,
}) => {
  const host = await openPage(browser, server.url, PROJECTOR_FULL_HD, "ko");
  const pin = await signInAndHost(host.page, server.url, "tests/fixtures/short-deck.ko.json", KO_SIGN_IN);
  const minji = await openPage(browser, server.url, SMALL_PHONE, "ko");
  const other = await openPage(browser, server.url, PHONE, "ko");

  // The QR code's link already holds the PIN: the nickname step comes first.
  await minji.page.goto(`${server.url}/join?pin=${pin}`);
  await expect(minji.page.getByRole("textbox", { name: KO_JOIN.nickname })).toBeVisible();
  await expect(minji.page.getByText(`게임 PIN ${pin}`)).toBeVisible();
  await screenshot(minji.page, "ko-phone-360-nickname-from-qr");
  await expectAccessible(minji.page, "phone: nickname from a QR link");

  // Locked: said before any nickname is typed.
  await host.page.getByRole("button", { name: "입장 잠그기" }).click();
  await other.page.goto(`${server.url}/join?pin=${pin}`);
  await expect(other.page.getByText("진행자가 입장을 잠갔습니다")).toBeVisible();
  await expect(other.page.getByRole("textbox", { name: KO_JOIN.nickname })).toHaveCount(0);
  await screenshot(other.page, "ko-phone-pin-locked");
  await host.page.getByRole("button", { name: "입장 잠금 해제" }).click();

  // A wrong PIN typed into the form: told at once, the form keeps it for correcting.
  await other.page.getByLabel("게임 PIN").fill(mistyped(pin));
  await other.page.getByRole("button", { name: KO_JOIN.enter }).click();
  await expect(other.page.getByText("이 PIN의 게임이 없습니다")).toBeVisible();

  await minji.page.getByRole("textbox", { name: KO_JOIN.nickname }).fill("민지");
  await minji.page.getByRole("button", { name: KO_JOIN.go }).click();
  await expect(minji.page.getByText(KO_JOIN.youreIn)).toBeVisible();
  await screenshot(minji.page, "ko-phone-360-lobby");
  // The lobby states the multiple-select rule as a rule.
  await expect(
    minji.page.getByText("복수 선택 문제는 정답을 모두, 그리고 정답만 고른 답이어야 점수를 받습니다."),
  ).toBeVisible();

  // Ended: the PIN says so, distinctly from a PIN that never existed.
  await host.page.getByRole("button", { name: "게임 끝내기" }).click();
  await host.page.getByRole("dialog").getByRole("button", { name: "게임 끝내기" }).click();
  await expect(minji.page.getByText("최종 순위")).toBeVisible();
  await other.page.goto(`${server.url}/join?pin=${pin}`);
  await expect(other.page.getByText("이미 끝난 게임입니다")).toBeVisible();
  await screenshot(other.page, "ko-phone-pin-ended");
  await expectAccessible(other.page, "phone: ended game's PIN");
  for (const { errors } of [host, minji, other]) expect(errors).toEqual([]);
});

/** An element's vertical extent in page coordinates, and how it is positioned. */
function box(element: ReturnType<Page["getByRole"]>) {
  return element.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, position: getComputedStyle(el).position };
  });
}

test("the projector's room: answered / connected / away, who has not answered, a kick mid-game, two tabs; phones at 360×640", async ({
  browser,
}) => {
  const host = await openPage(browser, server.url, PROJECTOR, "en");
  const pin = await signInAndHost(host.page, server.url, courseDeck("en"), EN_SIGN_IN);
  const ann = await openPage(browser, server.url, SMALL_PHONE, "en");
  const ben = await openPage(browser, server.url, PHONE, "en");
  const cat = await openPage(browser, server.url, PHONE, "en");
  await joinFromPhone(ann.page, server.url, pin, "Ann", EN_JOIN);
  await joinFromPhone(ben.page, server.url, pin, "Ben", EN_JOIN);
  await joinFromPhone(cat.page, server.url, pin, "Cat", EN_JOIN);
  await expect(host.page.getByRole("heading", { name: "3 players" })).toBeVisible();
  await expect(
    ann.page.getByText("Multiple-select questions score only when the answer holds every correct option and no other."),
  ).toBeVisible();
  await screenshot(ann.page, "en-phone-360-lobby");

  // A kick in the lobby asks first; Cancel keeps the player.
  await host.page.getByRole("button", { name: "Remove Cat" }).click();
  await expect(host.page.getByRole("dialog", { name: "Remove Cat?" })).toBeVisible();
  await host.page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(host.page.getByRole("heading", { name: "3 players" })).toBeVisible();

  const answer = (page: Page, letter: string) => page.getByRole("button", { name: new RegExp(`^Answer ${letter}:`) });
  await host.page.getByRole("button", { name: /^Start/ }).click();
  await expect(answer(ann.page, "A")).toBeVisible();

  // 360×640: the long scenario is shown whole, nothing cut mid-line inside a box.
  const scenario = ann.page.getByRole("heading", { level: 1 });
  const clipped = await scenario.evaluate((el) => {
    for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
      if (node.scrollHeight > node.clientHeight + 1 && getComputedStyle(node).overflowY !== "visible") return true;
    }
    return false;
  });
  expect(clipped).toBe(false);
  await screenshot(ann.page, "en-phone-360-question-long");
  await ann.page.screenshot({ path: "screenshots/en-phone-360-question-long-full.png", fullPage: true });
  await expectAccessible(ann.page, "phone 360: long question");

  // Cat's phone goes away; the projector says so instead of shrinking the count.
  await cat.page.close();
  await expect(host.page.getByText("0 / 3 answered")).toBeVisible();
  await expect(host.page.getByText("2 connected · 1 away")).toBeVisible();
  await answer(ann.page, "D").click();
  await expect(host.page.getByText("1 / 3 answered")).toBeVisible();
  await screenshot(host.page, "en-projector-question-room");
  await expectAccessible(host.page, "projector: question with the room's counts");

  // On demand: who has not answered (Ben, and Cat who is away); a kick from there asks first.
  await host.page.getByRole("button", { name: "Not answered: 2" }).click();
  const room = host.page.getByRole("dialog", { name: "Players in the room" });
  await expect(room.getByRole("heading", { name: "Not answered yet: 2 players" })).toBeVisible();
  await expect(room.getByRole("heading", { name: "Away, phone not connected: 1 player" })).toBeVisible();
  await screenshot(host.page, "en-projector-room-panel");
  await expectAccessible(host.page, "projector: room panel");
  await room.getByRole("button", { name: "Remove Cat" }).first().click();
  const confirm = host.page.getByRole("dialog", { name: "Remove Cat?" });
  await expect(confirm).toBeVisible();
  await screenshot(host.page, "en-projector-kick-confirm");
  await confirm.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(room.getByRole("heading", { name: "Not answered yet: 1 player" })).toBeVisible();
  await expect(room.getByText("Every phone is connected.")).toBeVisible();
  // Everyone, searched by name on the server (a big hall is not all in the view).
  const finder = room.getByRole("searchbox", { name: "Find a player by name" });
  await finder.fill("BE");
  await expect(room.getByRole("status").filter({ hasText: "1 player found" })).toBeVisible();
  await expect(room.getByRole("button", { name: "Remove Ben" })).toHaveCount(2);
  await expect(room.getByRole("button", { name: "Remove Ann" })).toHaveCount(0);
  await screenshot(host.page, "en-projector-room-search");
  await finder.fill("Zoe");
  await expect(room.getByText("No player named “Zoe”.")).toBeVisible();
  await finder.fill("");
  await expect(room.getByRole("button", { name: "Remove Ann" })).toHaveCount(1);
  await room.getByRole("button", { name: "Close" }).click();
  await expect(host.page.getByText("1 / 2 answered")).toBeVisible();

  // Paused: Ben's answer buttons are disabled, and look it.
  await ann.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await host.page.keyboard.press("p");
  await expect(answer(ben.page, "A")).toBeDisabled();
  await screenshot(ben.page, "en-phone-paused-disabled");
  await expect(host.page.getByRole("button", { name: /^Resume/ }).first()).toBeEnabled();
  await host.page.keyboard.press("p");
  await expect(answer(ben.page, "A")).toBeEnabled();
  await answer(ben.page, "D").click();

  // The reveal: a long explanation at ≥ 24 px on a 1280×720 projector; dimmed options keep AA contrast.
  await expect(host.page.getByText("Explanation")).toBeVisible();
  const explanationPx = await host.page
    .getByText(/^Do the arithmetic first/)
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(explanationPx).toBeGreaterThanOrEqual(24);
  await screenshot(host.page, "en-projector-reveal-1280");
  await expectAccessible(host.page, "projector reveal: dimmed wrong options");
  // Each phase starts at the top of the phone's page.
  await expect(ann.page.getByText("Correct").first()).toBeVisible();
  expect(await ann.page.evaluate(() => window.scrollY)).toBe(0);
  await screenshot(ann.page, "en-phone-360-reveal");

  // Two projector tabs press Leaderboard at once: one leaderboard, not the next question.
  const second = await host.page.context().newPage();
  await second.goto(host.page.url());
  const buttons = [host.page, second].map((tab) => tab.getByRole("button", { name: /^Leaderboard/ }));
  for (const button of buttons) await expect(button).toBeEnabled();
  // Both buttons are pressed from the reveal, as close together as two pages allow.
  const handles = await Promise.all(buttons.map((button) => button.elementHandle()));
  await Promise.all(handles.map((handle) => handle?.evaluate((element) => (element as HTMLElement).click())));
  await expect(host.page.getByRole("heading", { name: "Leaderboard" })).toBeVisible();
  await expect(second.getByRole("heading", { name: "Leaderboard" })).toBeVisible();
  await expect(ann.page.getByText("Your rank")).toBeVisible();
  await host.page.waitForTimeout(1_000); // a second `next` would have opened question 2 by now
  await expect(host.page.getByRole("heading", { name: "Leaderboard" })).toBeVisible();
  await expect(answer(ann.page, "A")).toHaveCount(0);
  await second.close();

  // Question 2: six options in a multiple select at 360×640; Submit sits below the last one.
  await host.page.getByRole("button", { name: /^Next question/ }).click();
  await expect(answer(ann.page, "F")).toBeVisible();
  const lastOption = await box(answer(ann.page, "F"));
  const submit = await box(ann.page.getByRole("button", { name: /^Submit/ }));
  expect(submit.top).toBeGreaterThanOrEqual(lastOption.bottom);
  expect(["static", "relative"]).toContain(submit.position);
  await answer(ann.page, "B").click();
  await answer(ann.page, "E").click();
  await ann.page.getByRole("button", { name: "Submit (2 selected)" }).scrollIntoViewIfNeeded();
  await screenshot(ann.page, "en-phone-360-multiple-six");
  await ann.page.screenshot({ path: "screenshots/en-phone-360-multiple-six-full.png", fullPage: true });
  await ann.page.getByRole("button", { name: "Submit (2 selected)" }).click();
  await expect(ann.page.getByText("Answer locked in")).toBeVisible();
  await answer(ben.page, "A").click();
  await ben.page.getByRole("button", { name: /^Submit/ }).click();
  await expect(host.page.getByText("Explanation")).toBeVisible();
  await screenshot(host.page, "en-projector-reveal-multiple-1280");
  await host.page.setViewportSize(PROJECTOR_FULL_HD);
  await screenshot(host.page, "en-projector-reveal-multiple-1920");
  await expectAccessible(host.page, "projector reveal at 1920×1080");
  for (const { errors } of [host, ann, ben]) expect(errors).toEqual([]);
});

test("R-JOIN: a full game shows on the projector, and a phone learns it at the PIN step", async ({ browser }) => {
  const small = await startServer({ env: { MAX_PLAYERS_PER_GAME: "2" } });
  try {
    const host = await openPage(browser, small.url, PROJECTOR, "ko");
    const pin = await signInAndHost(host.page, small.url, courseDeck("ko"), KO_SIGN_IN);
    const phones = await Promise.all(
      [SMALL_PHONE, PHONE, SMALL_PHONE].map((v) => openPage(browser, small.url, v, "ko")),
    );
    await joinFromPhone(phones[0]!.page, small.url, pin, "민지", KO_JOIN);
    await joinFromPhone(phones[1]!.page, small.url, pin, "준호", KO_JOIN);
    await expect(host.page.getByText("정원 마감: 2 / 2").first()).toBeVisible();
    await screenshot(host.page, "ko-projector-lobby-full");
    await expectAccessible(host.page, "projector: full lobby");
    await phones[2]!.page.goto(`${small.url}/join?pin=${pin}`);
    await expect(phones[2]!.page.getByText("이 게임은 정원이 찼습니다.")).toBeVisible();
    await screenshot(phones[2]!.page, "ko-phone-360-pin-full");

    // The Korean question and reveal at 1280×720 and on a 360×640 phone.
    await host.page.getByRole("button", { name: /^시작/ }).click();
    await expect(host.page.getByText("정원 마감: 2 / 2").first()).toBeVisible();
    await expect(phones[0]!.page.getByRole("button", { name: /^A번 답:/ })).toBeVisible();
    await screenshot(host.page, "ko-projector-question-1280");
    await screenshot(phones[0]!.page, "ko-phone-360-question");
    await phones[0]!.page.getByRole("button", { name: /^D번 답:/ }).click();
    await phones[1]!.page.getByRole("button", { name: /^A번 답:/ }).click();
    await expect(host.page.getByText("해설")).toBeVisible();
    await screenshot(host.page, "ko-projector-reveal-1280");
    await expectAccessible(host.page, "Korean projector reveal");
    await screenshot(phones[1]!.page, "ko-phone-reveal-wrong");
    for (const { errors } of [host, ...phones]) expect(errors).toEqual([]);
  } finally {
    await small.dispose();
  }
});
