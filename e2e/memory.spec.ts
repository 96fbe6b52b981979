// The translation memory in the browser: a confirmed paragraph comes back as a match in another
// document, with its percentage and the differing word marked, and is inserted with Alt+1; a TMX
// imported as a reference memory gives its match; concordance from a selection; pre-translation
// and its summary; the analysis with its chart.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { importLines } from "./helpers";
import { removeDocuments } from "./review-data";

const SOURCE = "Агентство з питань державної служби готує нову програму розвитку кадрів.";
const VARIANT = "Агентство з питань державної служби готує нову стратегію розвитку кадрів.";
const TARGET = "The Civil Service Agency is preparing a new programme of staff development.";
const TMX_SOURCE = "Реєстр посад державної служби оновлюють щороку.";
const TMX_TARGET = "The register of civil service posts is updated every year.";

// The documents made here are removed at the end, so later specs find the home page as they expect.
const made: string[] = [];
test.afterAll(() => removeDocuments(made));

const row = (page: Page, position: number) => page.locator(`[data-testid="segment"][data-position="${position}"]`);
const box = (page: Page, position: number) =>
  page.getByRole("textbox", { name: `Translation of paragraph ${position} into English` });

/** Imports a text file into the demo project and opens the new document. */
async function importDocument(page: Page, title: string, lines: string[]) {
  made.push((await importLines(page, title, lines)).id);
}

const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="uk" datatype="plaintext"/>
<body><tu><tuv xml:lang="uk"><seg>${TMX_SOURCE}</seg></tuv><tuv xml:lang="en"><seg>${TMX_TARGET}</seg></tuv></tu></body></tmx>
`;

test("a confirmed paragraph is matched in another document, the differing word marked, inserted with Alt+1", async ({
  page,
}) => {
  await importDocument(page, "Memory source", [SOURCE, "Другий абзац першого документа."]);
  await box(page, 1).fill(TARGET);
  await box(page, 1).press("Control+Enter");
  await expect(row(page, 1).getByTestId("status")).toHaveText("Translated");
  await expect(row(page, 1).getByTestId("save-state")).toHaveText("Saved");

  await importDocument(page, "Memory variant", [VARIANT, TMX_SOURCE]);
  await box(page, 1).click();
  const panel = page.getByTestId("match-panel");
  const match = panel.getByTestId("match").first();
  await expect(match).toBeVisible();
  const score = Number((await match.getByTestId("match-score").textContent())?.replace(/\D/g, ""));
  expect(score).toBeGreaterThanOrEqual(85);
  expect(score).toBeLessThan(100);
  await expect(match.locator("del")).toHaveText("програму");
  await expect(match.locator("ins")).toHaveText("стратегію");
  await expect(match).toContainText(TARGET);
  await expect(match).toContainText("Memory source");

  await box(page, 1).press("Alt+1");
  await expect(box(page, 1)).toHaveValue(TARGET);
  await expect(row(page, 1).getByTestId("save-state")).toHaveText("Saved");

  // Listed with the other shortcuts.
  await page.getByRole("heading", { name: "Memory variant" }).click();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toContainText("Alt+1 … Alt+9");
  await expect(dialog).toContainText("Ctrl+K");
});

test("a TMX imported as a reference memory gives its match", async ({ page }) => {
  await page.goto("/en");
  await page.getByRole("link", { name: "Memory variant" }).click();
  // In the editor's More menu.
  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("menuitem", { name: "Memories" }).click();
  await expect(page.getByRole("heading", { name: /Translation memories/ })).toBeVisible();
  await page.getByLabel("TMX file").setInputFiles({
    name: "registry.tmx",
    mimeType: "application/x-tmx+xml",
    buffer: Buffer.from(tmx),
  });
  await page.getByLabel("Name").fill("Registry terms");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const imported = page.getByTestId("memory").filter({ hasText: "Registry terms" });
  await expect(imported).toContainText("Units: 1");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.goto("/en");
  await page.getByRole("link", { name: "Memory variant" }).click();
  await box(page, 2).click();
  const match = page.getByTestId("match-panel").getByTestId("match").first();
  // Identical text from outside this document: 99 % (docs/translation-memory.md).
  await expect(match.getByTestId("match-score")).toHaveText("99 %");
  await expect(match).toContainText(TMX_TARGET);
  await expect(match).toContainText("Registry terms");
});

test("concordance opens with Ctrl+K on a selection and highlights the phrase", async ({ page }) => {
  await page.goto("/en");
  await page.getByRole("link", { name: "Memory variant" }).click();
  await page.waitForURL(/\/documents\//);
  // Select two words of the first paragraph's source, as a mouse would, and press Ctrl+K. The
  // source is re-rendered once its terms arrive (they are underlined), which can drop a selection
  // made before: as a person would, select again and retry until the dialog opens with the phrase.
  const dialog = page.getByRole("dialog", { name: "Concordance" });
  await expect(async () => {
    if (await dialog.isVisible()) await page.keyboard.press("Escape");
    await row(page, 1)
      .getByTestId("source")
      .evaluate((el) => {
        // The source may be split into spans (terms are underlined): find the text node with the words.
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let text = walker.nextNode();
        while (text && !(text.textContent ?? "").includes("державної служби")) text = walker.nextNode();
        if (!text) throw new Error("no text node with the phrase");
        const at = (text.textContent ?? "").indexOf("державної служби");
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + "державної служби".length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
      });
    await page.keyboard.press("Control+k");
    await expect(dialog.getByLabel("Word or phrase")).toHaveValue("державної служби", { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(dialog.getByTestId("concordance-count")).toContainText("Units found:");
  const hit = dialog.getByTestId("concordance-hit").filter({ hasText: TARGET });
  await expect(hit).toHaveCount(1);
  await expect(hit.locator("mark")).toHaveText("державної служби");
  expect((await new AxeBuilder({ page }).include("dialog").analyze()).violations).toEqual([]);
  // Searched in the translations instead.
  await dialog.getByLabel("Word or phrase").fill("register");
  await dialog.getByRole("radio", { name: "translations" }).check();
  const inTarget = dialog.getByTestId("concordance-hit").filter({ hasText: TMX_TARGET });
  await expect(inTarget).toHaveCount(1);
  await expect(inTarget.locator("mark")).toHaveText("register");
});

test("pre-translate fills paragraphs from the memory and shows what it filled", async ({ page }) => {
  await importDocument(page, "Memory pretranslate", [SOURCE, "Абзац, якого немає в пам’яті.", TMX_SOURCE]);
  await page.getByRole("button", { name: "Pre-translate" }).click();
  const dialog = page.getByRole("dialog", { name: "Pre-translate" });
  await dialog.getByRole("button", { name: "Pre-translate now" }).click();
  const summary = dialog.getByTestId("pretranslate-summary");
  await expect(summary).toContainText("Paragraphs filled: 2 (translated: 2, drafts: 0).");
  await expect(summary).toContainText("No good enough match: 1");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(box(page, 1)).toHaveValue(TARGET);
  await expect(box(page, 3)).toHaveValue(TMX_TARGET);
  await expect(row(page, 1).getByTestId("status")).toHaveText("Translated");
});

test("the analysis shows the bands as a table and a chart, at every screen size without sideways scrolling", async ({
  page,
}) => {
  await page.goto("/en");
  await page.getByRole("link", { name: "Memory variant" }).click();
  // In the editor's More menu.
  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("menuitem", { name: "Analysis" }).click();
  await expect(page.getByRole("heading", { name: "Analysis: Memory variant" })).toBeVisible();
  const table = page.getByTestId("analysis-table");
  // 10 words of the one-word variant and 6 of the imported sentence, all matched.
  await expect(page.getByTestId("analysis-total-words")).toHaveText("16");
  await expect(table.locator('tr[data-band="none"] td').nth(1)).toHaveText("0");
  await expect(table.locator('tr[data-band="95-99"] td').nth(1)).toHaveText("6");
  await expect(page.getByTestId("analysis-chart").locator(".analysis-bar")).toHaveCount(8);
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", /format=csv/);
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  }
});

test("the match panel beside the paragraph fits every screen size and passes axe", async ({ page }) => {
  await page.goto("/en");
  await page.getByRole("link", { name: "Memory variant" }).click();
  await box(page, 2).click();
  await expect(page.getByTestId("match-panel").getByTestId("match").first()).toBeVisible();
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await box(page, 2).click();
    await expect(page.getByTestId("match-panel")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.screenshot({ path: `test-results/memory-panel-${width}.png` });
  }
});
