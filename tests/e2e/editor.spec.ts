// The deck editor: an instructor writes a deck of every kind (rationales, an
// image), reorders it from the keyboard, sees a field's problem come and go,
// saves, reloads and finds it as saved; unsaved edits are not lost by a stray
// click; the deck is then hosted with shuffled options, and the projector and a
// phone show the same options in the same order. Built-in decks are read-only.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import sharp from "sharp";
import { ADMIN, startServer, type TestServer } from "../integration/support/server";
import {
  EN_JOIN,
  EN_SIGN_IN,
  PHONE,
  PROJECTOR_FULL_HD,
  expectAccessible,
  joinFromPhone,
  openPage,
  screenshot,
} from "./support";

const LAPTOP = { width: 1280, height: 800 };
const TITLE = "Streaming on AWS — editor test";
const Q1 = {
  text: "Clickstream events must reach S3 within a minute, with no servers to run.\nWhich service fits?",
  options: ["Kinesis Data Streams + EC2 consumers", "Kinesis Data Firehose", "SQS with a cron job", "AWS Batch"],
  correct: 1,
  rationales: ["You would run and scale the consumers yourself.", "", "A cron job cannot deliver within a minute."],
};
const Q2 = {
  text: "Which two services store data for analytics queries?",
  options: ["Amazon Redshift", "Amazon S3 with Athena", "Amazon SQS", "Amazon SNS"],
  correct: [0, 1],
};
const Q3 = {
  text: "Firehose can transform records with Lambda before delivery.",
  rationaleFalse: "It can: Firehose invokes Lambda.",
};

let server: TestServer;
test.beforeAll(async () => {
  mkdirSync("screenshots", { recursive: true });
  server = await startServer();
});
test.afterAll(async () => server?.dispose());

async function signIn(page: Page) {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel(EN_SIGN_IN.email).fill(ADMIN.email);
  await page.getByLabel(EN_SIGN_IN.password).fill(ADMIN.password);
  await page.getByRole("button", { name: EN_SIGN_IN.signIn }).click();
  await page.waitForURL(`${server.url}/host`);
}

/** The question list's entries, top to bottom, as their visible text. */
const questionList = (page: Page) => page.getByRole("region", { name: "Questions" }).getByRole("listitem");

/** A small diagram drawn here (events → stream → bucket), a real PNG for the server to decode. */
const png = () =>
  sharp(
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="480" height="270">
      <rect width="480" height="270" fill="#f8fafc"/>
      <rect x="30" y="95" width="100" height="80" rx="12" fill="#c8102e"/>
      <rect x="190" y="95" width="100" height="80" rx="12" fill="#1d4ed8"/>
      <rect x="350" y="95" width="100" height="80" rx="12" fill="#15803d"/>
      <path d="M135 135h45m-12-10 12 10-12 10M295 135h45m-12-10 12 10-12 10" stroke="#0f172a" stroke-width="6" fill="none"/>
    </svg>`),
  )
    .png()
    .toBuffer();

async function fillOptions(page: Page, options: string[]) {
  for (const [i, text] of options.entries()) {
    await page.getByLabel(`Option ${String.fromCharCode(65 + i)}`, { exact: true }).fill(text);
  }
}

async function expectLoaded(image: Locator) {
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
}

test("an instructor writes a deck, reorders it by keyboard, saves, reloads it as saved, and hosts it with shuffled options", async ({
  browser,
}) => {
  // One instructor's whole afternoon in one test: writing, saving, reloading, then a game.
  test.setTimeout(300_000);
  const host = await openPage(browser, server.url, LAPTOP, "en");
  const page = host.page;
  await signIn(page);
  await page.goto(`${server.url}/decks/new`);
  await expect(page.getByRole("heading", { name: "Untitled deck", level: 1 })).toBeVisible();

  // A field's problem shows as the instructor types, and goes when it is fixed.
  const scenario = page.getByLabel("Scenario");
  await scenario.fill("x");
  await scenario.fill("");
  const stemError = page.getByText("Write the scenario: it can't be empty.");
  await expect(stemError).toBeVisible();
  await expect(scenario).toHaveAttribute("aria-invalid", "true");
  await screenshot(page, "editor-en-field-error");
  await scenario.fill(Q1.text);
  await expect(stemError).toBeHidden();
  await expect(scenario).not.toHaveAttribute("aria-invalid", "true");

  // Save with problems left: nothing is sent, the button counts them, the first takes the focus.
  const save = page.getByRole("button", { name: /^Save/ });
  await expect(save).toContainText(/\d+ problems/);
  await save.click();
  await expect(page.getByLabel("Title", { exact: true })).toBeFocused();
  await expect(page.getByText("Give the deck a title.")).toBeVisible();
  await expect(page.getByText("Write this option, or remove it.").first()).toBeVisible();
  await screenshot(page, "editor-en-save-problems");

  // Question 1: single choice, with rationales, tags, a long time limit and an image.
  await page.getByLabel("Title", { exact: true }).fill(TITLE);

  await fillOptions(page, Q1.options);
  await page.getByLabel("Option B is correct").check();
  await page.getByLabel("Why A is wrong (optional)").fill(Q1.rationales[0] ?? "");
  await page.getByLabel("Why C is wrong (optional)").fill(Q1.rationales[2] ?? "");
  await page.getByLabel("Time limit").fill("240");
  await page.getByLabel("Explanation").fill("Firehose delivers to S3 in 60-second buffers, fully managed.");
  const tags = page.getByLabel("Topic tags");
  await tags.fill("kinesis");
  await tags.press("Enter");
  await tags.fill("delivery");
  await tags.press("Enter");
  await page
    .getByLabel("Choose an image")
    .setInputFiles({ name: "diagram.png", mimeType: "image/png", buffer: await png() });
  await expectLoaded(page.getByRole("img", { name: "The question's image" }));

  // Question 2: multiple select, double points.
  await page.getByRole("button", { name: "Add a question" }).click();
  await expect(page.getByRole("heading", { name: "Question 2 of 2" })).toBeVisible();
  await page.getByText("Multiple select", { exact: true }).click();
  await page.getByLabel("Scenario").fill(Q2.text);
  await fillOptions(page, Q2.options);
  await page.getByLabel("Option A is correct").check();
  await page.getByLabel("Option B is correct").check();
  await page.getByText("Double", { exact: true }).click();

  // Question 3: true/false, its options fixed to the deck language's two words.
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.getByText("True or false", { exact: true }).click();
  await expect(page.getByLabel("Option A", { exact: true })).toHaveValue("True");
  await expect(page.getByLabel("Option B", { exact: true })).toHaveValue("False");
  await expect(page.getByLabel("Option C", { exact: true })).toHaveCount(0);
  await page.getByLabel("Scenario").fill(Q3.text);
  await page.getByLabel("Option A is correct").check();
  await page.getByLabel("Why B is wrong (optional)").fill(Q3.rationaleFalse);
  await expect(questionList(page)).toHaveCount(3);
  await screenshot(page, "editor-en-1280-filled");

  // Duplicate makes a 4th right after it; deleting a question that has content asks first.
  await page.getByRole("button", { name: "Duplicate", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Question 4 of 4" })).toBeVisible();
  await expect(page.getByLabel("Scenario")).toHaveValue(Q3.text);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirmDelete = page.getByRole("dialog", { name: "Delete question 4?" });
  await confirmDelete.getByRole("button", { name: "Delete question" }).click();
  await expect(confirmDelete).toBeHidden();
  await expect(questionList(page)).toHaveCount(3);
  await expect(page.getByRole("heading", { name: "Question 3 of 3" })).toBeVisible();

  // Reorder by keyboard: question 3 moves above question 2, announced as it goes.
  const handle = page.getByRole("button", { name: "Move question 3" });
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(page.locator('[id^="DndLiveRegion"]')).toContainText("Picked up question 3 of 3");
  await page.keyboard.press("ArrowUp");
  await expect(page.locator('[id^="DndLiveRegion"]')).toContainText("position 2 of 3");
  await page.keyboard.press("Space");
  await expect(page.locator('[id^="DndLiveRegion"]')).toContainText("Question 3 was moved to position 2 of 3.");
  await expect(questionList(page).nth(1)).toContainText("Firehose can transform");
  await expect(questionList(page).nth(2)).toContainText("Which two services");

  // Save: the address becomes the deck's own.
  await page.getByRole("button", { name: /^Save/ }).click();
  await page.waitForURL((url) => /^\/decks\/[\w-]+$/.test(url.pathname) && url.pathname !== "/decks/new");
  await expect(page.getByText(/All changes saved/)).toBeVisible();
  const deckUrl = page.url();

  // Reload: everything as saved.
  await page.reload();
  await expect(page.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
  await expect(questionList(page)).toHaveCount(3);
  await expect(questionList(page).nth(0)).toContainText("Clickstream events");
  await expect(questionList(page).nth(1)).toContainText("Firehose can transform");
  await expect(questionList(page).nth(2)).toContainText("Which two services");
  await expect(page.getByLabel("Scenario")).toHaveValue(Q1.text);
  await expect(page.getByLabel("Option B is correct")).toBeChecked();
  await expect(page.getByLabel("Why A is wrong (optional)")).toHaveValue(Q1.rationales[0] ?? "");
  await expect(page.getByLabel("Why B is right (optional)")).toHaveValue("");
  await expect(page.getByLabel("Why C is wrong (optional)")).toHaveValue(Q1.rationales[2] ?? "");
  await expect(page.getByLabel("Time limit")).toHaveValue("240");
  await expect(page.getByText("#kinesis")).toBeVisible();
  await expect(page.getByText("#delivery")).toBeVisible();
  await expectLoaded(page.getByRole("img", { name: "The question's image" }));
  // The projector preview draws the same image, in its own frame.
  await expectLoaded(page.frameLocator('iframe[title="Projector preview"]').locator("img"));

  await questionList(page)
    .nth(1)
    .getByRole("button", { name: /Firehose can transform/ })
    .click();
  await expect(page.getByRole("radio", { name: "True or false" })).toBeChecked();
  await expect(page.getByLabel("Option A is correct")).toBeChecked();
  await expect(page.getByLabel("Why B is wrong (optional)")).toHaveValue(Q3.rationaleFalse);
  await questionList(page)
    .nth(2)
    .getByRole("button", { name: /Which two services/ })
    .click();
  await expect(page.getByRole("radio", { name: "Multiple select" })).toBeChecked();
  await expect(page.getByLabel("Option A is correct")).toBeChecked();
  await expect(page.getByLabel("Option B is correct")).toBeChecked();
  await expect(page.getByLabel("Option C is correct")).not.toBeChecked();
  await expect(page.getByRole("radio", { name: /^Double/ })).toBeChecked();
  await expectAccessible(page, "the editor");

  // The preview, at the reveal: the explanation on the projector, a wrong phone's rationale.
  await questionList(page).nth(0).getByRole("button").last().click();
  const preview = page.getByRole("region", { name: "Preview" });
  await preview.getByText("Answer shown", { exact: true }).click();
  await expect(page.frameLocator('iframe[title="Projector preview"]').getByText("Firehose delivers")).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await preview.screenshot({ path: "screenshots/editor-en-preview-reveal.png" });
  // At laptop size one screen at a time: the phone that chose A reads why A is wrong.
  await preview.locator("label", { hasText: /^Phone$/ }).click();
  const phoneFrame = page.frameLocator('iframe[title="Phone preview"]');
  await expect(phoneFrame.getByText(Q1.rationales[0] ?? "")).toBeVisible();
  await preview.screenshot({ path: "screenshots/editor-en-preview-reveal-phone.png" });
  await preview.getByText("Question", { exact: true }).click();
  await expect(phoneFrame.getByRole("button", { name: /^Answer B:/ })).toBeVisible();
  await preview.screenshot({ path: "screenshots/editor-en-preview-question-phone.png" });
  await preview.locator("label", { hasText: /^Projector$/ }).click();

  // Leaving with unsaved changes asks: the browser's prompt on unload, ours on an in-app link.
  await page.getByLabel("Explanation").fill("Firehose buffers, then delivers: a draft that is never saved.");
  await expect(page.getByText("Unsaved changes")).toBeVisible();
  const unload = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const prompt = await unload;
  expect(prompt.type()).toBe("beforeunload");
  await prompt.dismiss();
  expect(page.isClosed()).toBe(false);
  await page.getByRole("link", { name: "All decks" }).click();
  const leave = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(leave).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(leave).toBeHidden();
  expect(page.url()).toBe(deckUrl);
  await page.getByRole("link", { name: "All decks" }).click();
  await leave.getByRole("button", { name: "Leave without saving" }).click();
  await page.waitForURL(`${server.url}/decks`);

  // Host it with shuffled options: the projector and a phone agree on the order.
  await page.getByRole("button", { name: `Host ${TITLE}` }).click();
  const options = page.getByRole("dialog");
  await options.getByRole("checkbox", { name: "Shuffle the options" }).check();
  await options.getByRole("button", { name: "Open the lobby" }).click();
  await page.waitForURL(/\/host\/[\w-]+$/);
  const pin = (await page.getByTestId("game-pin").innerText()).replace(/\D/g, "");
  const phone = await openPage(browser, server.url, PHONE, "en");
  await joinFromPhone(phone.page, server.url, pin, "Ann", EN_JOIN);
  await page.getByRole("button", { name: /^Start/ }).click();

  const answers = phone.page.getByRole("button", { name: /^Answer [A-F]:/ });
  await expect(answers).toHaveCount(4);
  const onPhone = (await answers.evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label") ?? ""))).map(
    (label) => label.replace(/^Answer [A-F]: /, ""),
  );
  const tiles = page.getByRole("main").getByRole("listitem");
  const onProjector = (await tiles.allInnerTexts())
    .map((text) => Q1.options.find((option) => text.includes(option)))
    .filter((text): text is string => text !== undefined);
  expect(onPhone).toEqual(onProjector);
  expect([...onPhone].sort()).toEqual([...Q1.options].sort());
  await expectLoaded(page.getByRole("main").locator("img").first());
  await screenshot(page, "editor-hosted-projector");
  await screenshot(phone.page, "editor-hosted-phone");

  for (const { errors } of [host, phone]) expect(errors).toEqual([]);
});

test("the editor at laptop and projector sizes, in English and Korean", async ({ browser }) => {
  const setup = await openPage(browser, server.url, LAPTOP, "en");
  await signIn(setup.page);
  const cookies = await setup.page.context().cookies();
  // A deck of the built-in course, copied, so the screenshots show real scenarios.
  const decks = (await (await setup.page.request.get(`${server.url}/api/decks`)).json()) as {
    id: string;
    builtin: boolean;
    language: string;
  }[];
  for (const locale of ["en", "ko"] as const) {
    const builtin = decks.find((deck) => deck.builtin && deck.language === locale);
    expect(builtin).toBeDefined();
    for (const viewport of [LAPTOP, PROJECTOR_FULL_HD]) {
      const { page, errors } = await openPage(browser, server.url, viewport, locale);
      await page.context().addCookies(cookies.filter((cookie) => cookie.name !== "NEXT_LOCALE"));
      await page.goto(`${server.url}/decks/${builtin?.id}`);
      const name = `editor-${locale}-${viewport.width}`;
      await expect(
        page.getByRole("button", { name: locale === "ko" ? "복제해서 편집" : "Duplicate to edit" }),
      ).toBeVisible();
      // The preview frames are drawn (the projector's question heading inside its frame).
      await expect(page.locator("iframe").first().contentFrame().getByRole("heading", { level: 1 })).toBeVisible();
      await screenshot(page, `${name}-builtin`);
      if (viewport === LAPTOP) await expectAccessible(page, `${name} built-in, read-only`);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }

  // Duplicate to edit: the copy opens in the editor, editable.
  const { page } = await openPage(browser, server.url, PROJECTOR_FULL_HD, "ko");
  await page.context().addCookies(cookies.filter((cookie) => cookie.name !== "NEXT_LOCALE"));
  const builtinKo = decks.find((deck) => deck.builtin && deck.language === "ko");
  await page.goto(`${server.url}/decks/${builtinKo?.id}`);
  await page.getByRole("button", { name: "복제해서 편집" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/decks/") && !url.pathname.endsWith(builtinKo?.id ?? ""));
  await expect(page.getByLabel("시나리오")).toBeEditable();
  await expect(page.getByRole("button", { name: /^저장/ })).toBeVisible();
  // The deck's own fields fold away on an existing deck; opened for this screenshot.
  await page.getByRole("button", { name: /자세히/ }).click();
  await expect(page.getByLabel("제목", { exact: true })).toBeEditable();
  await screenshot(page, "editor-ko-1920");
  await page.getByRole("button", { name: /접기/ }).click();
  await page.setViewportSize(LAPTOP);
  await screenshot(page, "editor-ko-1280");
  await page.getByRole("region", { name: "문제" }).getByRole("listitem").nth(2).getByRole("button").last().click();
  await screenshot(page, "editor-ko-1280-question-3");
});
