// Splits and merges shown in place (issue #13): the translator who splits a paragraph stays on the
// page (no reload) with the caret in the second part's translation, a merge leaves it in the merged
// paragraph, an undo from the history puts the rows back, and someone else with the document open
// sees each change within 2 s without reloading, keeping what they typed in other paragraphs.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { inviteAndJoin, markPage, stillSamePage } from "./helpers";
import { removeDocuments } from "./review-data";

const PETRO = { name: "Petro Paragraphs", email: "petro.paragraphs@parallel.test", password: "petro-para-pass-1" };
const LINES = [
  "Перше речення абзацу. Друге речення абзацу.",
  "Третій абзац про реформу.",
  "Четвертий абзац про службу.",
  "П'ятий абзац про агентство.",
];
const made: string[] = [];
test.afterAll(() => removeDocuments(made));
const LIVE_WITHIN = { timeout: 2_000 };

const row = (page: Page, position: number) => page.locator(`[data-testid="segment"][data-position="${position}"]`);
const box = (page: Page, position: number) =>
  page.getByRole("textbox", { name: `Translation of paragraph ${position} into English` });
const sources = (page: Page) => page.getByTestId("source");

async function importDocument(page: Page) {
  await page.goto("/en");
  await page.getByRole("link", { name: "Import a file" }).first().click();
  await page.getByLabel("File").setInputFiles({
    name: "paragraphs.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(LINES.join("\n")),
  });
  await page.getByLabel("Title (optional)").fill("Paragraphs in place");
  await page.getByRole("button", { name: "Import" }).click();
  await page.getByRole("link", { name: "Open the document" }).click();
  await expect(page.getByTestId("segment")).toHaveCount(4);
  const url = page.url().split("?")[0];
  made.push(url.split("/documents/")[1]);
  return url;
}

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId("segment")).toHaveCount(4);
  await expect(page.getByTestId("live-status").getByRole("status")).toHaveText("Live");
  await markPage(page);
}

test("split, merge and undo are shown in place, here and in another browser", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const url = await importDocument(page);
  const petro = await inviteAndJoin(page, browser, PETRO, "translator");
  const pp = petro.page;
  await open(page, url);
  await open(pp, url);

  // The owner's translation of the first paragraph, saved; Petro types in paragraph 3 meanwhile.
  await box(page, 1).fill("First sentence. Second sentence.");
  await box(page, 1).press("Control+Enter");
  await expect(row(page, 1).getByTestId("status")).toHaveText("Translated");
  await box(pp, 3).fill("Fourth paragraph, typed by Petro");

  // Split paragraph 1 after its first sentence.
  await row(page, 1).getByRole("button", { name: "Source tools of paragraph 1" }).click();
  await row(page, 1).getByRole("button", { name: "Split…" }).click();
  const dialog = page.getByRole("dialog", { name: "Split paragraph 1" });
  const cut = "Перше речення абзацу. ".length;
  await dialog
    .getByLabel("Source (the caret marks the cut)")
    .evaluate((el: HTMLTextAreaElement, at) => el.setSelectionRange(at, at), cut);
  await dialog.getByRole("button", { name: "Split", exact: true }).click();

  // Here: five rows, renumbered, the caret in the second part's translation, no reload.
  await expect(sources(page)).toHaveText([
    "Перше речення абзацу.",
    "Друге речення абзацу.",
    LINES[1],
    LINES[2],
    LINES[3],
  ]);
  await expect(box(page, 2)).toBeFocused();
  expect(await stillSamePage(page)).toBe(true);
  await expect(page.locator(".doc-count")).toHaveText("Paragraphs: 5");
  // The whole translation stayed with the first part, marked "source changed" with the diff.
  await expect(box(page, 1)).toHaveValue("First sentence. Second sentence.");
  await expect(row(page, 1).getByTestId("status")).toHaveText("Draft");
  await expect(row(page, 1).getByTestId("source-changed")).toBeVisible();
  const positions = await page
    .getByTestId("segment")
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-position"))));
  expect(positions).toEqual([1, 2, 3, 4, 5]);
  await page.screenshot({ path: "test-results/paragraphs-split.png" });
  expect((await new AxeBuilder({ page }).include("main").analyze()).violations).toEqual([]);

  // There: the same rows within 2 s, still the same page, Petro's typing now in paragraph 4.
  await expect(sources(pp)).toHaveText(
    ["Перше речення абзацу.", "Друге речення абзацу.", LINES[1], LINES[2], LINES[3]],
    LIVE_WITHIN,
  );
  await expect(box(pp, 4)).toHaveValue("Fourth paragraph, typed by Petro");
  await expect(row(pp, 1).getByTestId("status")).toHaveText("Draft");
  await expect(pp.getByTestId("paragraphs-changed")).toHaveCount(0);
  expect(await stillSamePage(pp)).toBe(true);

  // The owner types in the second part, then merges the first part with it again.
  await box(page, 2).fill("Second, retyped.");
  await row(page, 1).getByRole("button", { name: "Source tools of paragraph 1" }).click();
  await row(page, 1).getByRole("button", { name: "Merge with next" }).click();
  await page.getByRole("group", { name: "Merge with next" }).getByRole("button", { name: "Merge" }).click();
  await expect(sources(page)).toHaveText(LINES);
  // The typed text was sent before the merge and joined to the first part's translation.
  await expect(box(page, 1)).toHaveValue("First sentence. Second sentence. Second, retyped.");
  await expect(box(page, 1)).toBeFocused();
  expect(await stillSamePage(page)).toBe(true);
  await expect(sources(pp)).toHaveText(LINES, LIVE_WITHIN);
  await expect(box(pp, 3)).toHaveValue("Fourth paragraph, typed by Petro");
  await expect(box(pp, 1)).toHaveValue("First sentence. Second sentence. Second, retyped.", LIVE_WITHIN);

  // Undo the merge from the paragraph's history: both rows come back, here and there.
  await row(page, 1).getByRole("button", { name: "Source tools of paragraph 1" }).click();
  await row(page, 1).getByRole("button", { name: "Source history" }).click();
  const history = page.getByRole("dialog", { name: "Source history of paragraph 1" });
  await history
    .getByTestId("source-event")
    .filter({ hasText: "Merged with the next paragraph" })
    .getByRole("button", { name: "Undo" })
    .click();
  await expect(history).toBeHidden();
  await expect(sources(page)).toHaveText(["Перше речення абзацу.", "Друге речення абзацу.", ...LINES.slice(1)]);
  await expect(box(page, 2)).toHaveValue("Second, retyped.");
  expect(await stillSamePage(page)).toBe(true);
  await expect(sources(pp)).toHaveText(
    ["Перше речення абзацу.", "Друге речення абзацу.", ...LINES.slice(1)],
    LIVE_WITHIN,
  );
  await expect(box(pp, 4)).toHaveValue("Fourth paragraph, typed by Petro");
  expect(await stillSamePage(pp)).toBe(true);

  // After a reload, the server agrees with what both pages show.
  await pp.reload();
  await expect(sources(pp)).toHaveText(["Перше речення абзацу.", "Друге речення абзацу.", ...LINES.slice(1)]);
  await expect(box(pp, 4)).toHaveValue("Fourth paragraph, typed by Petro");
  await petro.context.close();

  // Two merges leave fewer paragraphs than the page was rendered with: the header counts them and
  // nothing waits for "the rest of the document".
  for (const expected of [LINES.length, LINES.length - 1]) {
    await row(page, 1).getByRole("button", { name: "Source tools of paragraph 1" }).click();
    await row(page, 1).getByRole("button", { name: "Merge with next" }).click();
    await page.getByRole("group", { name: "Merge with next" }).getByRole("button", { name: "Merge" }).click();
    await expect(page.getByTestId("segment")).toHaveCount(expected);
  }
  await expect(page.locator(".doc-count")).toHaveText("Paragraphs: 3");
  await expect(page.getByTestId("loading-rows")).toHaveCount(0);
  expect(await stillSamePage(page)).toBe(true);
});
