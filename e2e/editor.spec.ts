import { expect, type Page, test } from "@playwright/test";
import { DEMO_DOC, importLines } from "./helpers";
import { removeDocuments } from "./review-data";

async function openDocument(page: Page, query = "") {
  await page.goto("/en");
  await page.getByRole("link", { name: DEMO_DOC }).click();
  await expect(page.getByTestId("segment")).toHaveCount(11);
  if (query) {
    await page.goto(`${page.url().split("?")[0]}${query}`);
    await expect(page.getByTestId("segment")).toHaveCount(11);
  }
}

const row = (page: Page, position: number) => page.locator(`[data-testid="segment"][data-position="${position}"]`);
const box = (page: Page, position: number, lang = "English") =>
  page.getByRole("textbox", { name: `Translation of paragraph ${position} into ${lang}` });

test("typing is saved by itself and is still there after a reload", async ({ page }) => {
  await openDocument(page);
  await box(page, 1).fill("The Agency for Civil Service Affairs");
  await expect(row(page, 1).getByTestId("save-state")).toHaveText("Saved");
  await expect(row(page, 1).getByTestId("status")).toHaveText("Draft");
  await page.reload();
  await expect(box(page, 1)).toHaveValue("The Agency for Civil Service Affairs");
  await expect(row(page, 1).getByTestId("status")).toHaveText("Draft");
  await expect(box(page, 1)).toHaveAttribute("lang", "en");
});

test("Ctrl+Enter confirms and moves to the next paragraph not yet confirmed", async ({ page }) => {
  await openDocument(page);
  // With the source's year and citation: a translation without them has quality-check errors, and
  // confirming it would ask first (e2e/qa.spec.ts).
  await box(page, 2).fill("Paragraph two in English, 2013 [53].");
  await box(page, 2).press("Control+Enter");
  await expect(row(page, 2).getByTestId("status")).toHaveText("Translated");
  await expect(box(page, 3)).toBeFocused();
  await expect(row(page, 2).getByTestId("save-state")).toHaveText("Saved");
  // Ctrl+↑ goes back, and focus stays in a text box after every save.
  await box(page, 3).press("Control+ArrowUp");
  await expect(box(page, 2)).toBeFocused();
  await page.reload();
  await expect(row(page, 2).getByTestId("status")).toHaveText("Translated");
  // The progress bars count it, in the editor and on the home page.
  await expect(page.getByText(/paragraphs confirmed/)).toContainText("1 of 11 paragraphs confirmed");
  await page.goto("/en");
  // The demo document's line (other specs add documents of their own to the project).
  const line = page.getByRole("row").filter({ has: page.getByRole("link", { name: DEMO_DOC }) });
  await expect(line.getByRole("group", { name: "Progress (English)" })).toContainText("1 of 11 confirmed");
  await expect(line.getByRole("group", { name: "Progress (Kazakh)" })).toContainText("0 of 11 confirmed");
});

const QA_CHECK = "**/api/v1/qa/check";

/** Holds the page's quality-check requests until the answer is called. */
async function holdQualityChecks(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(QA_CHECK, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test("a confirm whose quality check answers late leaves the focus in the box the translator went to", async ({
  page,
}) => {
  const { id } = await importLines(page, "Late quality check", [
    "Перший абзац про службу.",
    "Другий абзац про реформу.",
    "Третій абзац про агентство.",
    "Четвертий абзац про закон.",
  ]);
  try {
    // The check Control+Enter asks before confirming is held until the translator has moved on.
    const release = await holdQualityChecks(page);
    await box(page, 1).fill("The first paragraph on the service.");
    await box(page, 1).press("Control+Enter");
    await box(page, 3).click();
    release();
    await expect(row(page, 1).getByTestId("status")).toHaveText("Translated");
    await expect(row(page, 1).getByTestId("save-state")).toHaveText("Saved");
    // Not moved on to paragraph 2, the next not yet confirmed: the translator chose paragraph 3.
    await expect(box(page, 3)).toBeFocused();
    await page.waitForTimeout(300);
    await expect(box(page, 3)).toBeFocused();

    // Staying in the box, a late check still moves on, as Control+Enter always does.
    await page.unroute(QA_CHECK);
    const releaseAgain = await holdQualityChecks(page);
    await box(page, 3).fill("The third paragraph on the agency.");
    await box(page, 3).press("Control+Enter");
    await expect(row(page, 3).getByTestId("save-state")).toHaveText("Saved");
    releaseAgain();
    await expect(row(page, 3).getByTestId("status")).toHaveText("Translated");
    await expect(box(page, 4)).toBeFocused();
  } finally {
    await removeDocuments([id]);
  }
});

test("Ctrl+Insert copies the source, Esc goes back to the saved text, ? lists the shortcuts", async ({ page }) => {
  await openDocument(page);
  await box(page, 4).click();
  await box(page, 4).press("Control+Insert");
  const source = await row(page, 4).getByTestId("source").textContent();
  await expect(box(page, 4)).toHaveValue(source!);
  await expect(row(page, 4).getByTestId("save-state")).toHaveText("Saved");
  await box(page, 4).fill("Unsaved words");
  await box(page, 4).press("Escape");
  await expect(box(page, 4)).toHaveValue(source!);
  await page.getByRole("heading", { name: DEMO_DOC }).click();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Confirm the translation and go to the next unconfirmed paragraph");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});

test("offline: edits wait in the browser, survive a reload, and arrive when the server is back", async ({ page }) => {
  await openDocument(page);
  await page.route("**/api/v1/segments/**", (route) => route.abort("internetdisconnected"));
  await box(page, 5).fill("Written while offline");
  await expect(page.getByTestId("offline-banner")).toHaveText("Offline — 1 edits waiting");
  await expect(row(page, 5).getByTestId("save-state")).toHaveText("Offline — will be sent");

  await page.reload();
  await expect(box(page, 5)).toHaveValue("Written while offline");
  await page.unroute("**/api/v1/segments/**");
  await expect(row(page, 5).getByTestId("save-state")).toHaveText("Saved", { timeout: 15_000 });
  await expect(page.getByTestId("offline-banner")).toHaveCount(0);

  // The server has it: a fresh page without local storage shows it.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(box(page, 5)).toHaveValue("Written while offline");
});

test("two people edit the same paragraph: the second sees both texts and nothing is lost", async ({
  page,
  browser,
}) => {
  await openDocument(page);
  const other = await browser.newContext({ storageState: ".e2e/owner.json" });
  const second = await other.newPage();
  // Without its live stream (as while it is down) the second tab learns of the first save only from
  // its own save's 409; with it, the row would update first (e2e/live.spec.ts).
  await second.route("**/api/v1/documents/*/events*", (route) => route.abort());
  await second.goto(page.url());
  await expect(box(second, 6)).toHaveValue("");

  await box(page, 6).fill("First person's text");
  await expect(row(page, 6).getByTestId("save-state")).toHaveText("Saved");

  await box(second, 6).fill("Second person's text");
  await expect(row(second, 6).getByTestId("save-state")).toHaveText("Conflict");
  await expect(second.getByTestId("conflict-theirs")).toHaveText("First person's text");
  await expect(second.getByTestId("conflict-mine")).toHaveText("Second person's text");
  await row(second, 6).getByRole("button", { name: "Keep mine" }).click();
  await expect(row(second, 6).getByTestId("save-state")).toHaveText("Saved");

  // A paragraph's rarer actions are in its menu (and on shortcuts: Alt+R for the history).
  await row(second, 6).getByTestId("cell-menu").click();
  await second.getByRole("menuitem", { name: /History/ }).click();
  const history = second.getByRole("complementary", { name: /History of paragraph 6/ });
  await expect(history.getByTestId("revision")).toHaveCount(2);
  await expect(history).toContainText("First person's text");
  await expect(history).toContainText("Second person's text");

  // Restoring the first version makes a third revision.
  await history.getByTestId("revision").nth(1).getByRole("button", { name: "Restore this version" }).click();
  await expect(box(second, 6)).toHaveValue("First person's text");
  await expect(history.getByTestId("revision")).toHaveCount(3);
  await other.close();
});

test("find and replace previews every change and applies them in one go", async ({ page }) => {
  await openDocument(page);
  await box(page, 7).fill("Analysis of the reforms; analysis of the results");
  await expect(row(page, 7).getByTestId("save-state")).toHaveText("Saved");
  await page.getByRole("button", { name: "Find and replace" }).click();
  const panel = page.getByRole("complementary", { name: "Find and replace" });
  await panel.getByLabel("Find", { exact: true }).fill("analysis");
  await panel.getByLabel("Replace with").fill("review");
  await panel.getByRole("button", { name: "Preview" }).click();
  await expect(panel.getByTestId("replace-change")).toHaveCount(1);
  await panel.getByRole("button", { name: "Replace 2 occurrences in 1 paragraphs" }).click();
  await expect(panel.getByRole("status")).toContainText("Replaced in 1 paragraphs");
  await panel.getByRole("button", { name: "Close" }).click();
  await expect(box(page, 7)).toHaveValue("review of the reforms; review of the results");
});

test("filters by status and finds Cyrillic text whatever its case", async ({ page }) => {
  await openDocument(page);
  await page.getByRole("searchbox", { name: "Find in source and translation" }).fill("РЕГІОНАЛЬНОГО ХАБА");
  // Three paragraphs of the demo text name the hub (in lower case); the assertion waits for the filter.
  await expect(page.getByTestId("segment")).toHaveCount(3);
  for (const source of await page.getByTestId("source").allTextContents())
    expect(source.toLowerCase()).toContain("регіонального хаба");
  await page.getByRole("searchbox", { name: "Find in source and translation" }).fill("");
  await page.getByRole("combobox", { name: "Status" }).selectOption("translated");
  await expect(page.getByTestId("segment")).toHaveCount(1);
  await expect(page.getByTestId("segment").first()).toHaveAttribute("data-position", "2");
});

test("three columns: Ukrainian, English and Kazakh side by side, each editable", async ({ page }) => {
  await openDocument(page);
  await page.getByRole("button", { name: "Target language: English" }).click();
  await page.getByRole("menuitemradio", { name: "All languages" }).click();
  await expect(page.getByRole("columnheader", { name: "Translation (Kazakh)" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Translation (English)" })).toBeVisible();
  await box(page, 8, "Kazakh").fill("Мемлекеттік қызмет");
  await expect(row(page, 8).getByTestId("cell-kk").getByTestId("save-state")).toHaveText("Saved");
  await expect(box(page, 8, "Kazakh")).toHaveAttribute("lang", "kk");
  await expect(box(page, 1, "English")).toHaveValue("The Agency for Civil Service Affairs");
});
