// Browser-test helpers: a real server, a projector-sized host page and phone-sized
// player pages in Debian's Chromium, axe-core on every screen, screenshots kept.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { ADMIN } from "../integration/support/server";

export const PROJECTOR = { width: 1280, height: 720 };
export const PROJECTOR_FULL_HD = { width: 1920, height: 1080 };
export const PHONE = { width: 375, height: 812 };
export const SMALL_PHONE = { width: 360, height: 640 };

export type Locale = "ko" | "en";

export async function openPage(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
  locale: Locale,
) {
  const context = await browser.newContext({ viewport, locale: locale === "ko" ? "ko-KR" : "en-US" });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors };
}

/** Fails on any WCAG 2 A/AA violation axe-core finds on the page as it is now. */
export async function expectAccessible(page: Page, screen: string) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const problems = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(problems, screen).toEqual([]);
}

/** Waits for the web fonts, not for a fixed time; transitions are frozen at their end. */
export async function screenshot(page: Page, name: string) {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: `screenshots/${name}.png`, animations: "disabled" });
}

/**
 * The longest time limit a deck allows: screenshots and accessibility checks on a
 * busy machine take seconds, and a question that timed out meanwhile would fail
 * the test for no fault of the game.
 */
const PATIENT_TIME_LIMIT_SEC = 240;

export async function signInAndHost(page: Page, url: string, deckFile: string, labels: SignInLabels) {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel(labels.email).fill(ADMIN.email);
  await page.getByLabel(labels.password).fill(ADMIN.password);
  await page.getByRole("button", { name: labels.signIn }).click();
  await page.waitForURL(`${url}/host`);
  const deck = JSON.parse(readFileSync(deckFile, "utf8")) as { title: string; questions: { timeLimitSec: number }[] };
  for (const question of deck.questions) question.timeLimitSec = PATIENT_TIME_LIMIT_SEC;
  const imported = await page.request.post(`${url}/api/decks/import`, { data: deck, headers: { Origin: url } });
  expect(imported.status()).toBe(201);
  await page.reload();
  await page.getByRole("button", { name: labels.hostDeck(deck.title) }).click();
  // Host opens the hosting options; the deck's own way is the default.
  await page.getByRole("dialog").getByRole("button", { name: labels.openLobby }).click();
  await page.waitForURL(/\/host\/[\w-]+$/);
  const pin = (await page.getByTestId("game-pin").innerText()).replace(/\D/g, "");
  expect(pin).toMatch(/^\d{6}$/);
  return pin;
}

export interface JoinLabels {
  enter: string;
  nickname: string;
  go: string;
  youreIn: string;
}
export const KO_JOIN: JoinLabels = { enter: "확인", nickname: "닉네임", go: "참여하기", youreIn: "입장 완료!" };
export const EN_JOIN: JoinLabels = { enter: "Enter", nickname: "Nickname", go: "Join the game", youreIn: "You're in!" };

/** A phone opens the join link (as from the QR code): the PIN is checked, the nickname comes next. */
export async function joinFromPhone(phone: Page, url: string, pin: string, nickname: string, labels: JoinLabels) {
  await phone.goto(`${url}/join?pin=${pin}`);
  await phone.getByRole("textbox", { name: labels.nickname }).fill(nickname);
  await phone.getByRole("button", { name: labels.go }).click();
  await expect(phone.getByText(labels.youreIn)).toBeVisible();
}

export interface SignInLabels {
  email: string;
  password: string;
  signIn: string;
  hostDeck: (title: string) => string;
  openLobby: string;
}
export const KO_SIGN_IN: SignInLabels = {
  email: "이메일",
  password: "비밀번호",
  signIn: "로그인",
  hostDeck: (title) => `${title} 진행하기`,
  openLobby: "대기실 열기",
};
export const EN_SIGN_IN: SignInLabels = {
  email: "Email",
  password: "Password",
  signIn: "Sign in",
  hostDeck: (title) => `Host ${title}`,
  openLobby: "Open the lobby",
};
