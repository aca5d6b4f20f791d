// Instructor accounts in the browser: the first-instructor setup and sign-in check
// every field in the page's language and never show the server's English; a
// signed-in instructor is sent past them; the account page adds an instructor,
// changes the password and signs out everywhere.
import { expect, test, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { ADMIN, startServer, type TestServer } from "../integration/support/server";
import { expectAccessible, openPage, screenshot, type Locale } from "./support";

const LAPTOP = { width: 1280, height: 800 };

/** Hangul, or nothing but punctuation and digits: a message in Korean, not English. */
const HANGUL = /[\uac00-\ud7a3]/;

/** The message tied to a field (its accessible description), as a screen reader reads it. */
async function expectFieldMessage(page: Page, label: string, message: string | RegExp) {
  const field = page.getByLabel(label, { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(message);
}

async function signInThroughForm(page: Page, url: string, email: string, password: string, locale: Locale) {
  const labels = locale === "ko" ? { email: "이메일", password: "비밀번호", go: "로그인" } : undefined;
  await page.goto(`${url}/sign-in`);
  await page.getByLabel(labels?.email ?? "Email").fill(email);
  await page.getByLabel(labels?.password ?? "Password").fill(password);
  await page.getByRole("button", { name: labels?.go ?? "Sign in" }).click();
}

test.beforeAll(() => mkdirSync("screenshots", { recursive: true }));

test.describe("a fresh install", () => {
  let server: TestServer;
  // No ADMIN_EMAIL/ADMIN_PASSWORD (empty counts as unset): the setup page is open.
  test.beforeAll(async () => {
    server = await startServer({ env: { ADMIN_EMAIL: "", ADMIN_PASSWORD: "" } });
  });
  test.afterAll(async () => server?.dispose());

  test("the Korean setup page flags every field in Korean, and a setup finished elsewhere says so in Korean", async ({
    browser,
  }) => {
    const first = await openPage(browser, server.url, LAPTOP, "ko");
    const second = await openPage(browser, server.url, LAPTOP, "ko");
    const page = first.page;
    await page.goto(`${server.url}/setup`);
    await second.page.goto(`${server.url}/setup`);
    const create = page.getByRole("button", { name: "계정 만들기" });

    // Everything empty: each field says what it needs, in Korean; focus goes to the first.
    await create.click();
    await expectFieldMessage(page, "이름", "이름을 입력하세요.");
    await expectFieldMessage(page, "이메일", "이메일 주소를 입력하세요.");
    await expectFieldMessage(page, "비밀번호", /비밀번호를 입력하세요\.$/);
    await expect(page.getByLabel("이름", { exact: true })).toBeFocused();

    // A bad email and a short password, each its own Korean message.
    await page.getByLabel("이름", { exact: true }).fill("김선생");
    await page.getByLabel("이메일").fill("teacher@school");
    await page.getByLabel("비밀번호").fill("short");
    await expectFieldMessage(page, "이메일", "올바른 이메일 주소를 입력하세요. 예: name@school.ac.kr");
    await expectFieldMessage(page, "비밀번호", /비밀번호는 8자 이상이어야 합니다\.$/);
    await expect(page.getByLabel("이름", { exact: true })).not.toHaveAttribute("aria-invalid");
    await expect(page.locator("form")).toContainText(HANGUL);
    await expect(page.locator("form")).not.toContainText(/invalid|email|password/i);
    await screenshot(page, "setup-ko-errors");
    await expectAccessible(page, "setup with errors");

    // Right at last: the instructor is created, signed in and on the dashboard.
    await page.getByLabel("이메일").fill("kim@school.ac.kr");
    await page.getByLabel("비밀번호").fill("kim-password-1");
    await create.click();
    await page.waitForURL(`${server.url}/host`);

    // The second tab still shows the form; the server now refuses, and the page says why in Korean.
    await second.page.getByLabel("이름", { exact: true }).fill("박선생");
    await second.page.getByLabel("이메일").fill("park@school.ac.kr");
    await second.page.getByLabel("비밀번호").fill("park-password-1");
    await second.page.getByRole("button", { name: "계정 만들기" }).click();
    const refused = second.page.getByRole("main").getByRole("alert");
    await expect(refused).toContainText("이미 강사 계정이 있습니다.");
    await expect(refused).not.toContainText(/sign in first/i);
    await expect(refused.getByRole("link", { name: "로그인" })).toBeVisible();

    // Signed in now: setup and sign-in both send the instructor to the dashboard.
    await page.goto(`${server.url}/setup`);
    await expect(page).toHaveURL(`${server.url}/host`);
    await page.goto(`${server.url}/sign-in`);
    await expect(page).toHaveURL(`${server.url}/host`);
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
  });
});

test.describe("with an instructor", () => {
  let server: TestServer;
  test.beforeAll(async () => {
    server = await startServer();
  });
  test.afterAll(async () => server?.dispose());

  test("sign-in checks its fields and says what went wrong, in English and in Korean", async ({ browser }) => {
    const en = await openPage(browser, server.url, LAPTOP, "en");
    await en.page.goto(`${server.url}/sign-in`);
    await en.page.getByRole("button", { name: "Sign in" }).click();
    await expectFieldMessage(en.page, "Email", "Enter an email address.");
    await expectFieldMessage(en.page, "Password", "Enter a password.");

    await signInThroughForm(en.page, server.url, ADMIN.email, "not-the-password", "en");
    await expect(en.page.getByRole("main").getByRole("alert")).toHaveText(
      "That email and password don't match. Check them and try again.",
    );
    await screenshot(en.page, "sign-in-en-error");
    await expectAccessible(en.page, "sign-in with an error");

    // Rate limited: Better Auth's own English answer is not what the page shows.
    await en.page.route("**/api/auth/sign-in/email", (route) =>
      route.fulfill({
        status: 429,
        contentType: "application/json",
        headers: { "x-retry-after": "42" },
        body: JSON.stringify({ message: "Too many requests. Please try again later." }),
      }),
    );
    await en.page.getByRole("button", { name: "Sign in" }).click();
    await expect(en.page.getByRole("main").getByRole("alert")).toHaveText(
      "Too many attempts. Wait a few minutes and try again.",
    );

    const ko = await openPage(browser, server.url, LAPTOP, "ko");
    await ko.page.goto(`${server.url}/sign-in`);
    await ko.page.getByRole("button", { name: "로그인" }).click();
    await expectFieldMessage(ko.page, "이메일", "이메일 주소를 입력하세요.");
    await expectFieldMessage(ko.page, "비밀번호", "비밀번호를 입력하세요.");
    await ko.page.getByLabel("이메일").fill("teacher@");
    await expectFieldMessage(ko.page, "이메일", "올바른 이메일 주소를 입력하세요. 예: name@school.ac.kr");
    await signInThroughForm(ko.page, server.url, "nobody@example.com", "whatever-password", "ko");
    await expect(ko.page.getByRole("main").getByRole("alert")).toHaveText(
      "이메일 또는 비밀번호가 올바르지 않습니다. 확인 후 다시 시도하세요.",
    );
    await ko.page.route("**/api/auth/sign-in/email", (route) =>
      route.fulfill({
        status: 429,
        contentType: "application/json",
        body: JSON.stringify({ message: "Too many requests." }),
      }),
    );
    await ko.page.getByRole("button", { name: "로그인" }).click();
    await expect(ko.page.getByRole("main").getByRole("alert")).toHaveText(
      "시도가 너무 많습니다. 몇 분 뒤에 다시 시도하세요.",
    );

    // Signed in: the sign-in and setup pages are behind them.
    await ko.page.unroute("**/api/auth/sign-in/email");
    await signInThroughForm(ko.page, server.url, ADMIN.email, ADMIN.password, "ko");
    await ko.page.waitForURL(`${server.url}/host`);
    for (const path of ["/sign-in", "/setup"]) {
      await ko.page.goto(`${server.url}${path}`);
      await expect(ko.page).toHaveURL(`${server.url}/host`);
    }
    expect(en.errors).toEqual([]);
    expect(ko.errors).toEqual([]);
  });

  test("the account page adds an instructor, who then signs in; a taken email is refused in place", async ({
    browser,
  }) => {
    const admin = await openPage(browser, server.url, LAPTOP, "en");
    const page = admin.page;
    await page.goto(`${server.url}/account`);
    // Not signed in yet: sign-in first, then back to the account page.
    await expect(page).toHaveURL(`${server.url}/sign-in?next=/account`);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/account`);
    await expect(page.getByText(`Signed in as teacher (${ADMIN.email})`)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
    await screenshot(page, "account-en");

    const add = page.getByRole("region", { name: "Add an instructor" });
    await add.getByRole("button", { name: "Add instructor" }).click();
    await expectFieldMessage(page, "Name", "Enter a name.");
    await expectFieldMessage(page, "Email", "Enter an email address.");
    await expectFieldMessage(page, "Password", /Enter a password\.$/);
    await screenshot(page, "account-en-errors");

    await add.getByLabel("Name").fill("Jisoo Lee");
    await add.getByLabel("Email").fill("jisoo@school.ac.kr");
    await add.getByLabel("Password").fill("jisoo-first-password");
    await add.getByRole("button", { name: "Add instructor" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Jisoo Lee was added" })).toContainText(
      "can now sign in as jisoo@school.ac.kr",
    );
    // The form is empty again for the next one.
    await expect(add.getByLabel("Name")).toHaveValue("");

    // The same email again (in capitals): refused by the server, told beside the form.
    await add.getByLabel("Name").fill("Jisoo Again");
    await add.getByLabel("Email").fill("JISOO@school.ac.kr");
    await add.getByLabel("Password").fill("another-password");
    await add.getByRole("button", { name: "Add instructor" }).click();
    await expect(add.getByRole("alert")).toHaveText("That email already has an account.");
    await screenshot(page, "account-en-email-taken");
    await expectAccessible(page, "account page");

    // The new instructor signs in with what was given, in a browser of their own.
    const jisoo = await openPage(browser, server.url, LAPTOP, "ko");
    await signInThroughForm(jisoo.page, server.url, "jisoo@school.ac.kr", "jisoo-first-password", "ko");
    await jisoo.page.waitForURL(`${server.url}/host`);
    expect(admin.errors).toEqual([]);
    expect(jisoo.errors).toEqual([]);
  });

  test("an instructor changes their password (other devices signed out) and signs out everywhere", async ({
    browser,
  }) => {
    const credentials = { email: "minho@school.ac.kr", password: "minho-first-password" };
    // The admin adds 민호 over HTTP: this test is about 민호's own account.
    const setup = await browser.newContext();
    const signedIn = await setup.request.post(`${server.url}/api/auth/sign-in/email`, {
      data: ADMIN,
      headers: { Origin: server.url },
    });
    expect(signedIn.status()).toBe(200);
    const added = await setup.request.post(`${server.url}/api/instructors`, {
      data: { name: "민호", ...credentials },
      headers: { Origin: server.url },
    });
    expect(added.status()).toBe(201);
    await setup.close();

    const laptop = await openPage(browser, server.url, LAPTOP, "ko");
    const classroomPc = await openPage(browser, server.url, LAPTOP, "ko");
    for (const device of [laptop, classroomPc]) {
      await signInThroughForm(device.page, server.url, credentials.email, credentials.password, "ko");
      await device.page.waitForURL(`${server.url}/host`);
    }
    const page = laptop.page;
    await page.goto(`${server.url}/account`);
    await expect(page.getByText(`로그인 계정: 민호 (${credentials.email})`)).toBeVisible();
    const change = page.getByRole("region", { name: "비밀번호 변경" });
    const submit = change.getByRole("button", { name: "비밀번호 변경" });

    // The same password twice, then a wrong current one: both told in Korean, nothing changed.
    await change.getByLabel("현재 비밀번호").fill(credentials.password);
    await change.getByLabel("새 비밀번호").fill(credentials.password);
    await submit.click();
    await expectFieldMessage(page, "새 비밀번호", /현재 비밀번호와 다른 비밀번호를 입력하세요\.$/);
    await change.getByLabel("현재 비밀번호").fill("not-my-password");
    await change.getByLabel("새 비밀번호").fill("minho-second-password");
    await submit.click();
    await expect(change.getByRole("alert")).toHaveText("현재 비밀번호가 올바르지 않습니다.");
    await screenshot(page, "account-ko-password-error");

    // The right one, with "sign out of my other devices" (on by default).
    await expect(change.getByLabel("다른 기기에서 로그아웃")).toBeChecked();
    await change.getByLabel("현재 비밀번호").fill(credentials.password);
    await submit.click();
    await expect(page.getByRole("status").filter({ hasText: "비밀번호를 변경하고" })).toBeVisible();
    await expect(change.getByLabel("현재 비밀번호")).toHaveValue("");
    await screenshot(page, "account-ko-password-changed");
    await expectAccessible(page, "account page, Korean");

    // This browser carries on; the classroom PC must sign in again.
    await page.reload();
    await expect(page).toHaveURL(`${server.url}/account`);
    await classroomPc.page.goto(`${server.url}/account`);
    await expect(classroomPc.page).toHaveURL(`${server.url}/sign-in?next=/account`);
    // The old password no longer opens the account; the new one does.
    await signInThroughForm(classroomPc.page, server.url, credentials.email, credentials.password, "ko");
    await expect(classroomPc.page.getByRole("main").getByRole("alert")).toHaveText(
      "이메일 또는 비밀번호가 올바르지 않습니다. 확인 후 다시 시도하세요.",
    );
    await signInThroughForm(classroomPc.page, server.url, credentials.email, "minho-second-password", "ko");
    await classroomPc.page.waitForURL(`${server.url}/host`);

    // Sign out everywhere, after a confirmation: both browsers are out.
    await page.getByRole("button", { name: "모든 기기에서 로그아웃" }).click();
    const dialog = page.getByRole("dialog", { name: "모든 기기에서 로그아웃할까요?" });
    await expect(dialog).toBeVisible();
    await screenshot(page, "account-ko-sign-out-everywhere");
    await dialog.getByRole("button", { name: "모든 기기에서 로그아웃" }).click();
    await page.waitForURL(`${server.url}/sign-in?signedOut=everywhere`);
    await expect(page.getByRole("main").getByRole("status")).toHaveText(
      "모든 기기에서 로그아웃했습니다. 계속하려면 다시 로그인하세요.",
    );
    await classroomPc.page.goto(`${server.url}/account`);
    await expect(classroomPc.page).toHaveURL(`${server.url}/sign-in?next=/account`);
    expect(laptop.errors).toEqual([]);
    expect(classroomPc.errors).toEqual([]);
  });
});
