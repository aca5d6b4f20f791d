// The deck library at /decks and the hosting options, in Chromium against the real
// server: CSV import (a good Korean file, and a bad one whose every problem is
// shown by line while nothing is stored), copying the built-in Korean deck,
// search, delete with its confirmation, the export links, and hosting with a
// subset, shuffled options and a time limit for every question.
import { expect, test, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import type { DeckSummary } from "../../lib/deck";
import { ADMIN, startServer, type TestServer } from "../integration/support/server";
import { PROJECTOR_FULL_HD, expectAccessible, openPage, screenshot, type Locale } from "./support";

const LAPTOP = { width: 1280, height: 800 };
const TABLET = { width: 768, height: 1024 };
const BUILTIN_KO = "AWS 빅데이터 — 1일차";
const BUILTIN_EN = "AWS Big Data — day 1";
const IMPORTED = "스트리밍 기초 — 가져온 덱, 아주 긴 제목이 줄바꿈되어도 카드 밖으로 넘치지 않아야 합니다";

// Korean text, a stem over two lines, a quoted field with a comma and doubled
// quotes, 1-based `correct`, `|`-separated tags (docs/protocol.md "Deck CSV").
const GOOD_CSV = [
  "title,language,description,kind,text,option1,option2,option3,option4,correct,timeLimitSec,points,explanation,tags",
  `"${IMPORTED}",ko,CSV로 가져온 한국어 덱입니다.,single,"실시간 클릭 스트림을 몇 초 안에 분석하려 합니다.`,
  `어떤 서비스가 알맞을까요?",Amazon Kinesis Data Streams,Amazon S3 Glacier,AWS Snowball,Amazon RDS,1,30,standard,"Kinesis는 실시간, 그리고 ""순서""를 지킵니다.",streaming|kinesis`,
  `,,,multiple,컬럼형 포맷을 모두 고르세요.,CSV,Parquet,JSON,ORC,2|4,30,double,Parquet와 ORC는 열 단위입니다.,formats`,
  `,,,truefalse,Firehose는 Lambda로 레코드를 변환할 수 있습니다.,참,거짓,,,1,20,standard,,firehose`,
].join("\n");

// Line 3: correct points at a 5th option of 4; line 4: an empty stem; line 5: 1000 s.
const BAD_CSV = [
  "title,language,kind,text,option1,option2,option3,option4,correct,timeLimitSec",
  "잘못된 덱,ko,single,정상 문제입니다.,가,나,다,라,1,30",
  ",,single,보기 번호가 범위를 넘습니다.,가,나,다,라,5,30",
  ",,single,,가,나,다,라,1,30",
  ",,single,시간이 너무 깁니다.,가,나,다,라,2,1000",
].join("\n");

interface Labels {
  email: string;
  password: string;
  signIn: string;
}
const KO: Labels = { email: "이메일", password: "비밀번호", signIn: "로그인" };
const EN: Labels = { email: "Email", password: "Password", signIn: "Sign in" };

let server: TestServer;
test.beforeAll(async () => {
  mkdirSync("screenshots", { recursive: true });
  server = await startServer();
});
test.afterAll(async () => server?.dispose());

async function signInToLibrary(page: Page, labels: Labels) {
  await page.goto(`${server.url}/sign-in?next=/decks`);
  await page.getByLabel(labels.email).fill(ADMIN.email);
  await page.getByLabel(labels.password).fill(ADMIN.password);
  await page.getByRole("button", { name: labels.signIn }).click();
  // The sign-in page's own address ends in "next=/decks": wait for the path itself.
  await page.waitForURL((url) => url.pathname === "/decks");
}

const chooseFile = (page: Page, name: string, content: string) =>
  page.locator('input[type="file"]').setInputFiles({
    name,
    mimeType: name.endsWith(".csv") ? "text/csv" : "application/json",
    buffer: Buffer.from(content, "utf8"),
  });

/** The instructor's own decks, as the list shows them. */
const ownDecks = (page: Page, name: string) =>
  page
    .getByRole("region", { name, exact: true })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading") });

/** No toast over the list, the page at its top: what the instructor sees on arrival. */
async function settle(page: Page, notifications: string) {
  const toasts = page.getByRole("region", { name: notifications });
  while ((await toasts.getByRole("button").count()) > 0) await toasts.getByRole("button").first().click();
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function setLocale(page: Page, locale: Locale) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: server.url }]);
  await page.reload();
}

test("the library: import a Korean CSV (and a bad one), copy the built-in deck, search, delete, export", async ({
  browser,
}) => {
  const { page, errors } = await openPage(browser, server.url, LAPTOP, "ko");
  await signInToLibrary(page, KO);
  await expect(page.getByRole("heading", { name: "덱 관리", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "강사 메뉴" }).getByRole("link", { name: "덱 관리" }),
  ).toHaveAttribute("aria-current", "page");

  // Built-in decks first, read-only (View, Duplicate to edit, no Delete); no own decks yet.
  const builtin = page.getByRole("region", { name: "기본 제공 강의 덱" });
  const koDeck = builtin.getByRole("listitem").filter({ has: page.getByRole("heading", { name: BUILTIN_KO }) });
  await expect(koDeck.getByText("기본 제공 · 읽기 전용")).toBeVisible();
  await expect(koDeck.getByRole("link", { name: `${BUILTIN_KO} 보기 (읽기 전용)` })).toHaveAttribute(
    "href",
    /^\/decks\/[\w-]+$/,
  );
  await expect(koDeck.getByRole("button", { name: /삭제/ })).toHaveCount(0);
  await expect(builtin.getByRole("heading", { name: BUILTIN_EN })).toBeVisible();
  await expect(page.getByText("아직 내 덱이 없습니다")).toBeVisible();
  await screenshot(page, "library-ko-1280-empty");
  await expectAccessible(page, "library, no own decks");

  // A bad CSV: every problem, located by line, and nothing stored.
  await chooseFile(page, "잘못된-덱.csv", BAD_CSV);
  const problems = page.getByRole("list", { name: "잘못된-덱.csv의 오류 목록" });
  await expect(page.getByRole("heading", { name: "잘못된-덱.csv: 오류 3개" })).toBeVisible();
  await expect(problems.getByRole("listitem")).toHaveCount(3);
  // The server's own words; each row says where: the line and the column.
  await expect(problems.getByRole("listitem").nth(0)).toContainText(/^3행 · correct\b.*\b5\b/);
  await expect(problems.getByRole("listitem").nth(1)).toContainText(/^4행 · text: /);
  await expect(problems.getByRole("listitem").nth(2)).toContainText(/^5행 · timeLimitSec: /);
  await expect(page.getByText("아무것도 가져오지 않았습니다.")).toBeVisible();
  await screenshot(page, "library-ko-import-problems");
  await expectAccessible(page, "import problems");
  await page.reload();
  await expect(page.getByText("아직 내 덱이 없습니다")).toBeVisible();
  const listed = await page.request.get(`${server.url}/api/decks`);
  expect(((await listed.json()) as unknown[]).length).toBe(2);

  // A good Korean CSV: a toast, and the deck in the list.
  await chooseFile(page, "streaming.csv", GOOD_CSV);
  await expect(page.getByRole("status").filter({ hasText: `“${IMPORTED}” 덱을 가져왔습니다.` })).toBeVisible();
  const own = ownDecks(page, "내 덱");
  await expect(own).toHaveCount(1);
  const imported = own.filter({ has: page.getByRole("heading", { name: IMPORTED }) });
  await expect(imported.getByText("3문제")).toBeVisible();
  await expect(imported.getByText("아직 진행하지 않음")).toBeVisible();
  await expect(imported.getByText(/방금 수정|초 전 수정|분 전 수정/)).toBeVisible();

  // The built-in Korean deck, duplicated into an editable copy of one's own.
  await koDeck.getByRole("button", { name: `복제해서 편집: ${BUILTIN_KO}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "복사본을 만들었습니다" })).toBeVisible();
  await expect(own).toHaveCount(2);
  const copy = own.filter({ hasNot: page.getByRole("heading", { name: IMPORTED }) });
  await expect(copy.getByRole("link", { name: /편집$/ })).toBeVisible();
  await expect(copy.getByRole("button", { name: /삭제$/ })).toBeVisible();
  await expectAccessible(page, "library with own decks");

  // Export: plain links that download JSON and CSV, Korean text intact.
  for (const [format, type] of [
    ["JSON", "application/json"],
    ["CSV", "text/csv"],
  ] as const) {
    const link = imported.getByRole("link", {
      name: `${IMPORTED} ${format}${format === "JSON" ? "으로" : "로"} 내보내기`,
    });
    const href = await link.getAttribute("href");
    expect(href).toMatch(new RegExp(`/export\\?format=${format.toLowerCase()}$`));
    const response = await page.request.get(`${server.url}${href}`);
    expect(response.status(), format).toBe(200);
    expect(response.headers()["content-type"]).toContain(type);
    expect(response.headers()["content-disposition"]).toMatch(/^attachment/);
    expect(await response.text()).toContain("실시간 클릭 스트림");
  }

  // Search by title, as the instructor types (debounced); the address keeps it.
  const search = page.getByRole("searchbox", { name: "제목으로 검색" });
  await search.fill("스트리밍");
  await expect(page.getByText("“스트리밍”에 맞는 덱 1개")).toBeVisible();
  await expect(own).toHaveCount(1);
  await expect(builtin).toBeHidden();
  await expect(page).toHaveURL(/\/decks\?q=/);
  await search.fill("빅데이터");
  await expect(page.getByText("“빅데이터”에 맞는 덱 2개")).toBeVisible();
  await search.fill("없는 제목");
  await expect(page.getByText("제목에 “없는 제목”이(가) 들어간 내 덱이 없습니다.")).toBeVisible();
  await page.getByRole("button", { name: "검색 지우기" }).click();
  await expect(own).toHaveCount(2);
  await expect(search).toHaveValue("");

  // Delete asks first, saying past sessions keep what was asked; Cancel keeps it.
  const copyTitle = (await copy.getByRole("heading").innerText()).trim();
  await copy.getByRole("button", { name: `${copyTitle} 삭제` }).click();
  const confirm = page.getByRole("dialog", { name: "이 덱을 삭제할까요?" });
  await expect(confirm).toContainText("이미 진행한 세션에는 당시 출제된 문제가 그대로 남고");
  await screenshot(page, "library-ko-delete");
  await confirm.getByRole("button", { name: "취소" }).click();
  await expect(own).toHaveCount(2);
  await copy.getByRole("button", { name: `${copyTitle} 삭제` }).click();
  await confirm.getByRole("button", { name: "덱 삭제" }).click();
  await expect(page.getByRole("status").filter({ hasText: "덱을 삭제했습니다" })).toBeVisible();
  await expect(own).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "내 덱", level: 2 })).toBeFocused();

  // A file that is not a deck is refused before it is sent.
  await chooseFile(page, "notes.txt", "hello");
  const refused = page.getByRole("alert").filter({ hasText: "덱 파일이 아닙니다: notes.txt" });
  await expect(refused).toBeVisible();
  await refused.getByRole("button", { name: "닫기" }).click();
  await expect(refused).toBeHidden();

  // Laptop, projector-sized screen, and the narrowest one it must stay usable at.
  await settle(page, "알림");
  await screenshot(page, "library-ko-1280");
  // The keyboard's focus ring on a link inside the export pill is drawn inward, not clipped.
  await imported.getByRole("button", { name: `${IMPORTED} 복제` }).focus();
  await page.keyboard.press("Tab");
  await expect(imported.getByRole("link", { name: `${IMPORTED} JSON으로 내보내기` })).toBeFocused();
  await screenshot(page, "library-ko-focus");
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.setViewportSize(PROJECTOR_FULL_HD);
  await settle(page, "알림");
  await screenshot(page, "library-ko-1920");
  await page.setViewportSize(TABLET);
  await settle(page, "알림");
  await screenshot(page, "library-ko-768");
  await setLocale(page, "en");
  await expect(page.getByRole("heading", { name: "Decks", level: 1 })).toBeVisible();
  await expect(ownDecks(page, "My decks").getByText("Never played")).toBeVisible();
  await settle(page, "Notifications");
  await screenshot(page, "library-en-768");
  await page.setViewportSize(LAPTOP);
  await settle(page, "Notifications");
  await screenshot(page, "library-en-1280");
  await page.setViewportSize(PROJECTOR_FULL_HD);
  await settle(page, "Notifications");
  await screenshot(page, "library-en-1920");
  await expectAccessible(page, "library in English");
  expect(errors).toEqual([]);
});

test("hosting options: shuffled options, two questions of the deck, 10 s each → the lobby opens", async ({
  browser,
}) => {
  const { page, errors } = await openPage(browser, server.url, LAPTOP, "en");
  await signInToLibrary(page, EN);
  const deck = page
    .getByRole("region", { name: "Built-in course decks" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: BUILTIN_EN }) });
  await deck.getByRole("button", { name: `Host ${BUILTIN_EN}` }).click();

  const dialog = page.getByRole("dialog", { name: "Hosting options" });
  await expect(dialog).toBeVisible();
  const picker = dialog.getByRole("group", { name: "Questions to play" });
  const decks = (await (await page.request.get(`${server.url}/api/decks`)).json()) as DeckSummary[];
  const count = decks.find((d) => d.title === BUILTIN_EN)?.questionCount ?? 0;
  await expect(picker.getByRole("checkbox")).toHaveCount(count + 1); // "All" and each question
  await expect(dialog.getByText(`${count} of ${count} selected`)).toBeVisible();

  await dialog.getByRole("checkbox", { name: "Shuffle the options" }).check();
  const time = dialog.getByRole("spinbutton", { name: "Time limit for every question (seconds)" });
  await time.fill("1000");
  await time.blur();
  await expect(dialog.getByText("Enter a whole number of seconds from 5 to 240, or leave it empty.")).toBeVisible();
  await expect(time).toHaveAttribute("aria-invalid", "true");
  await time.fill("10");
  await expect(dialog.getByText("Enter a whole number of seconds from 5 to 240, or leave it empty.")).toBeHidden();

  // At least one question: emptying the list says so and cannot be submitted.
  await picker.getByRole("checkbox", { name: "All", exact: true }).uncheck();
  await expect(dialog.getByText("Choose at least one question.")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Open the lobby" })).toBeDisabled();
  await picker.getByRole("checkbox", { name: /^1\. / }).check();
  await picker.getByRole("checkbox", { name: /^3\. / }).check();
  await expect(dialog.getByText(`2 of ${count} selected`)).toBeVisible();
  await expect(picker.getByRole("checkbox", { name: "All", exact: true })).toHaveJSProperty("indeterminate", true);
  await expect(dialog.getByText("2 questions · up to 1 minute to answer")).toBeVisible();
  await screenshot(page, "hosting-dialog-en");
  await expectAccessible(page, "hosting dialog");

  await dialog.getByRole("button", { name: "Open the lobby" }).click();
  await page.waitForURL(/\/host\/[\w-]+$/);
  const pin = (await page.getByTestId("game-pin").innerText()).replace(/\D/g, "");
  expect(pin).toMatch(/^\d{6}$/);

  // The game was created with those options: two questions.
  const running = await page.request.get(`${server.url}/api/running-games`);
  const games = (await running.json()) as { pin: string; questionCount: number }[];
  expect(games.find((game) => game.pin === pin)?.questionCount).toBe(2);
  expect(errors).toEqual([]);
});

test("the hosting dialog in Korean, from the dashboard's deck cards", async ({ browser }) => {
  const { page, errors } = await openPage(browser, server.url, PROJECTOR_FULL_HD, "ko");
  await signInToLibrary(page, KO);
  await page.goto(`${server.url}/host`);
  await page.getByRole("button", { name: `${BUILTIN_KO} 진행하기` }).click();
  const dialog = page.getByRole("dialog", { name: "진행 옵션" });
  await expect(dialog.getByText(/^(\d+)문제 중 \1문제 선택$/)).toBeVisible();
  await dialog.getByRole("checkbox", { name: "문제 순서 섞기" }).check();
  await screenshot(page, "hosting-dialog-ko-1920");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: `${BUILTIN_KO} 진행하기` })).toBeFocused();
  expect(errors).toEqual([]);
});
