// A source update and a restore from the bin shown in place (issue #13, #17): the owner applies a new
// source on the document's Source page while a translator has the editor open in another browser;
// the translator's editor shows the new, changed and removed paragraphs within 2 s without reloading,
// with what they typed (still unsent) in other paragraphs kept, focus where it was, and a paragraph
// removed under an unsaved edit kept on screen, marked, until dismissed. A restore from the bin puts
// the paragraph back in place the same way, with the viewport where it was.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type Route, test } from "@playwright/test";
import { importLines, inviteAndJoin, markPage, stillSamePage } from "./helpers";
import { removeDocuments } from "./review-data";

const PETRO = { name: "Petro Sources", email: "petro.sources@parallel.test", password: "petro-sources-pass-1" };
const L = [
  "Перший абзац про реформу державної служби.",
  "Другий абзац про агентство у справах державної служби та його повноваження.",
  "Третій абзац про етичний кодекс.",
  "Четвертий абзац про оцінювання службовців.",
  "П'ятий абзац про навчання.",
  "Шостий абзац про кадровий резерв.",
];
const NEW = "Новий абзац про цифрові послуги.";
const L2_CHANGED = "Другий абзац про агентство у справах державної служби та його обов'язки.";
const AFTER_UPDATE = [L[0], NEW, L2_CHANGED, L[3], L[4], L[5]];
const made: string[] = [];
test.afterAll(() => removeDocuments(made));
const LIVE_WITHIN = { timeout: 2_000 };

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
/** The row whose source is exactly `source`. */
const rowOf = (page: Page, source: string) =>
  page
    .locator('[data-testid="segment"]')
    .filter({ has: page.locator('[data-testid="source"]', { hasText: exactly(source) }) });
const enBox = (page: Page, source: string) => rowOf(page, source).locator('textarea[data-lang="en"]');

/** Holds the page's translation saves until released: what it types stays unsent meanwhile. */
async function holdSaves(page: Page) {
  const held: Route[] = [];
  await page.route("**/api/v1/segments/*/translations/*", (route) => {
    if (route.request().method() === "PUT") held.push(route);
    else void route.continue();
  });
  return {
    count: () => held.length,
    async release() {
      for (const route of held.splice(0)) await route.continue();
      await page.unroute("**/api/v1/segments/*/translations/*");
    },
  };
}

async function confirm(page: Page, source: string, text: string) {
  await enBox(page, source).fill(text);
  await enBox(page, source).press("Control+Enter");
  await expect(rowOf(page, source).locator('[data-testid="cell-en"] [data-testid="status"]')).toHaveText("Translated");
}

async function openSourcePage(page: Page, editorUrl: string) {
  await page.goto(editorUrl.replace(/\/?$/, "/source"));
  await expect(page.getByRole("heading", { name: /^Source: / })).toBeVisible();
}

test("a source update and a restore are shown in place in another browser, keeping unsent work", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const { id, url } = await importLines(page, "Sources in place", L);
  made.push(id);
  await confirm(page, L[1], "The second paragraph, about the agency and its powers.");
  await confirm(page, L[2], "The third paragraph, about the code of ethics.");

  const petro = await inviteAndJoin(page, browser, PETRO, "translator");
  const pp = petro.page;
  await pp.setViewportSize({ width: 1440, height: 900 });
  await pp.goto(url);
  await expect(pp.getByTestId("segment")).toHaveCount(L.length);
  await expect(pp.getByTestId("live-status").getByRole("status")).toHaveText("Live");
  await markPage(pp);

  // Petro types in paragraph 3 (which the update removes) and then in paragraph 5; neither is sent.
  const saves = await holdSaves(pp);
  await enBox(pp, L[2]).fill("Third, retyped by Petro.");
  await enBox(pp, L[4]).fill("Fifth, typed by Petro.");
  await expect.poll(saves.count).toBe(2);
  await expect(enBox(pp, L[4])).toBeFocused();

  // The owner applies a new source: paragraph 2 changed, one added after paragraph 1, paragraph 3 removed.
  await openSourcePage(page, url);
  await page.getByLabel("New source file").setInputFiles({
    name: "sources-2.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(`${AFTER_UPDATE.join("\n")}\n`),
  });
  await page.getByRole("button", { name: "Preview the changes" }).click();
  await expect(page.getByTestId("count-changed")).toHaveText("1");
  await expect(page.getByTestId("count-added")).toHaveText("1");
  await expect(page.getByTestId("count-removed")).toHaveText("1");
  await page.getByRole("button", { name: "Apply the update" }).click();
  await expect(page.getByTestId("source-counts")).toContainText("The source is updated.");

  // Petro's editor: the new rows in place within 2 s, the removed one kept for Petro's unsent text.
  const inDocument = pp.locator('[data-testid="segment"]:not([data-gone])');
  await expect(inDocument.getByTestId("source")).toHaveText(AFTER_UPDATE, LIVE_WITHIN);
  const positions = await inDocument.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-position"))));
  expect(positions).toEqual([1, 2, 3, 4, 5, 6]);
  await expect(pp.locator(".doc-count")).toHaveText("Paragraphs: 6");
  const gone = pp.locator('[data-testid="segment"][data-gone]');
  await expect(gone).toHaveCount(1);
  await expect(gone.getByTestId("source")).toHaveText(L[2]);
  await expect(gone.getByTestId("gone-note")).toContainText("Olena Owner removed this paragraph from the document");
  await expect(gone.locator('[data-testid="cell-en"] [data-testid="target"]')).toHaveText("Third, retyped by Petro.");
  // The kept row sits where the paragraph was: after the changed paragraph 2.
  const order = await pp
    .getByTestId("segment")
    .evaluateAll((els) => els.map((e) => e.querySelector('[data-testid="source"]')?.textContent));
  expect(order).toEqual([L[0], NEW, L2_CHANGED, L[2], L[3], L[4], L[5]]);
  // The changed paragraph: its old translation, a draft marked "source changed"; the new one empty.
  await expect(rowOf(pp, L2_CHANGED).getByTestId("source-changed")).toBeVisible();
  await expect(enBox(pp, L2_CHANGED)).toHaveValue("The second paragraph, about the agency and its powers.");
  await expect(rowOf(pp, L2_CHANGED).locator('[data-testid="cell-en"] [data-testid="status"]')).toHaveText("Draft");
  await expect(enBox(pp, NEW)).toHaveValue("");
  // Petro's unsent typing and focus are where they were; no reload, no reload banner.
  await expect(enBox(pp, L[4])).toHaveValue("Fifth, typed by Petro.");
  await expect(enBox(pp, L[4])).toBeFocused();
  await expect(pp.getByTestId("paragraphs-changed")).toHaveCount(0);
  expect(await stillSamePage(pp)).toBe(true);

  await pp.screenshot({ path: "test-results/source-update-live-1440.png", fullPage: true });
  expect((await new AxeBuilder({ page: pp }).include("main").analyze()).violations).toEqual([]);
  await pp.setViewportSize({ width: 390, height: 844 });
  await gone.scrollIntoViewIfNeeded();
  await pp.screenshot({ path: "test-results/source-update-live-390.png" });
  expect(await pp.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // The saves go: paragraph 5's is taken; the removed paragraph's cannot be (it is in the bin).
  await saves.release();
  await expect(rowOf(pp, L[4]).locator('[data-testid="cell-en"] [data-testid="save-state"]')).toHaveText("Saved");
  await gone.getByRole("button", { name: "Dismiss" }).click();
  await expect(gone).toHaveCount(0);
  await expect(pp.getByTestId("source")).toHaveText(AFTER_UPDATE);

  // A restore from the bin, while Petro (on a phone) types in the last paragraph, scrolled to it.
  const restoreSaves = await holdSaves(pp);
  await enBox(pp, L[5]).scrollIntoViewIfNeeded();
  await enBox(pp, L[5]).fill("Sixth, typed by Petro.");
  await expect.poll(restoreSaves.count).toBe(1);
  const topBefore = await enBox(pp, L[5]).evaluate((el) => el.getBoundingClientRect().top);
  await openSourcePage(page, url);
  await page.getByRole("button", { name: "Restore the paragraph that was at 3" }).click();
  await expect(page.getByRole("region", { name: "Removed paragraphs" })).toContainText(
    "No paragraph has been removed from this document.",
  );

  const restored = [L[0], NEW, L[2], L2_CHANGED, L[3], L[4], L[5]];
  await expect(pp.getByTestId("source")).toHaveText(restored, LIVE_WITHIN);
  await expect(enBox(pp, L[2])).toHaveValue("The third paragraph, about the code of ethics.");
  await expect(pp.locator(".doc-count")).toHaveText("Paragraphs: 7");
  await expect(enBox(pp, L[5])).toHaveValue("Sixth, typed by Petro.");
  await expect(enBox(pp, L[5])).toBeFocused();
  // A row added above: the viewport stays on what Petro was typing (the browser's scroll anchoring).
  const topAfter = await enBox(pp, L[5]).evaluate((el) => el.getBoundingClientRect().top);
  expect(Math.abs(topAfter - topBefore)).toBeLessThan(4);
  expect(await stillSamePage(pp)).toBe(true);
  await expect(pp.getByTestId("paragraphs-changed")).toHaveCount(0);
  await restoreSaves.release();
  await expect(rowOf(pp, L[5]).locator('[data-testid="cell-en"] [data-testid="save-state"]')).toHaveText("Saved");

  // After a reload, the server agrees with what Petro's page shows.
  await pp.reload();
  await expect(pp.getByTestId("source")).toHaveText(restored);
  await expect(enBox(pp, L[4])).toHaveValue("Fifth, typed by Petro.");
  await expect(enBox(pp, L[5])).toHaveValue("Sixth, typed by Petro.");
  await petro.context.close();
});
