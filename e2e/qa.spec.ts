// Quality checks in the browser (issue #16): a finding appears while typing and goes on undo,
// confirming with an open error asks first, a finding is ignored with a reason (and stays so after
// a reload), the document report lists findings, links to the paragraph and exports CSV.
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { demoEnglish } from "../tests/fixtures/qa-demo";
import { DEMO_DOC } from "./helpers";

const row = (page: Page, position: number) => page.locator(`[data-testid="segment"][data-position="${position}"]`);
const box = (page: Page, position: number) =>
  page.getByRole("textbox", { name: `Translation of paragraph ${position} into English` });
const finding = (page: Page, position: number, check: string) =>
  row(page, position).locator(`.qa-finding[data-check="${check}"]`);
const MISSING = "The citation [53] from the source is missing.";

async function openDocument(page: Page) {
  await page.goto("/en");
  await page.getByRole("link", { name: DEMO_DOC }).click();
  await expect(page.getByTestId("segment")).toHaveCount(11);
}

/** The demo paragraph 2 translated correctly, saved. */
async function translateParagraph2(page: Page) {
  await box(page, 2).fill(demoEnglish[1]);
  await expect(row(page, 2).getByTestId("save-state")).toHaveText("Saved");
}

/** Deletes "[53]" with the keyboard, as a translator would: the caret goes before the final stop. */
async function deleteCitation(page: Page) {
  const input = box(page, 2);
  await input.focus();
  await input.press("Control+End");
  await input.press("ArrowLeft");
  for (let i = 0; i < 4; i++) await input.press("Backspace");
  await expect(input).toHaveValue(demoEnglish[1].replace("[53]", ""));
}

test("deleting [53] shows the citation finding while typing; undo takes it away", async ({ page }) => {
  await openDocument(page);
  await translateParagraph2(page);
  await expect(finding(page, 2, "citations")).toHaveCount(0);

  await deleteCitation(page);
  await expect(finding(page, 2, "citations")).toContainText(MISSING);
  await expect(finding(page, 2, "citations")).toContainText("Error");
  // The source's [53] is underlined where the translation lacks it.
  await expect(row(page, 2).getByTestId("source").locator(".qa-mark.qa-error")).toHaveText("[53]");

  // Confirming with an open error asks first; Cancel keeps the paragraph as it was.
  await box(page, 2).press("Control+Enter");
  const dialog = page.getByRole("dialog", { name: "Confirm with QA errors?" });
  await expect(dialog).toContainText(MISSING);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 2).getByTestId("status")).toHaveText("Draft");

  // Undo (the browser's own) brings the citation back, and the finding goes.
  const input = box(page, 2);
  await input.focus();
  for (let i = 0; i < 6 && (await input.inputValue()) !== demoEnglish[1]; i++) await input.press("Control+z");
  await expect(input).toHaveValue(demoEnglish[1]);
  await expect(finding(page, 2, "citations")).toHaveCount(0);
  await expect(row(page, 2).getByTestId("save-state")).toHaveText("Saved");
});

test("a finding is ignored with a reason, and stays ignored after a reload", async ({ page }) => {
  await openDocument(page);
  await translateParagraph2(page);
  await deleteCitation(page);
  await expect(row(page, 2).getByTestId("save-state")).toHaveText("Saved");
  const missing = finding(page, 2, "citations");
  await missing.getByRole("button", { name: "Ignore…" }).click();
  await missing.getByLabel("Why can this be ignored?").fill("The reference is given in the next paragraph.");
  await missing.getByRole("button", { name: "Ignore", exact: true }).click();
  const ignored = row(page, 2).locator(".qa-ignored");
  await expect(ignored.getByText("Ignored: 1")).toBeVisible();
  await ignored.getByText("Ignored: 1").click();
  await expect(ignored).toContainText("The reference is given in the next paragraph.");
  await expect(ignored).toContainText("Olena Owner");

  // An ignored error does not ask again when confirming.
  await box(page, 2).press("Control+Enter");
  await expect(row(page, 2).getByTestId("status")).toHaveText("Translated");
  await expect(page.getByRole("dialog", { name: "Confirm with QA errors?" })).toHaveCount(0);

  await page.reload();
  await expect(row(page, 2).locator(".qa-ignored")).toContainText("Ignored: 1");
  // The "has QA errors" filter leaves out a paragraph whose only error is ignored.
  await page.getByLabel(/Has QA errors/).check();
  await expect(row(page, 2)).toHaveCount(0);
  await page.getByLabel(/Has QA errors/).uncheck();
});

test("the document report lists findings, links to the paragraph and exports CSV", async ({ page }) => {
  await openDocument(page);
  // A page of its own: in the editor's More menu.
  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("menuitem", { name: "QA checks" }).click();
  await expect(page.getByRole("heading", { name: `Quality checks: ${DEMO_DOC}` })).toBeVisible();
  await expect(page.getByRole("table").first()).toContainText("Citations");
  // On a phone the summary's every column is on screen: no table scrolled inside its card.
  await page.setViewportSize({ width: 390, height: 844 });
  const summary = page.locator("table.qa-summary");
  expect(await summary.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await expect(summary.getByRole("columnheader").last()).toBeInViewport({ ratio: 1 });
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByLabel("Check").selectOption({ label: "Citations" });
  await page.getByRole("button", { name: "Show" }).click();
  const report = page.locator("table.qa-report");
  const line = report.getByRole("row").filter({ hasText: MISSING });
  await expect(line).toContainText("Ignored (Olena Owner");
  await expect(line).toContainText("The reference is given in the next paragraph.");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv.startsWith("\uFEFFParagraph,Check,Severity,Message,")).toBe(true);
  expect(csv).toContain(`2,Citations,Error,${MISSING},Source,[53]`);
  expect(csv).toContain("The reference is given in the next paragraph.");

  await line.getByRole("link", { name: "Paragraph 2" }).click();
  await expect(page).toHaveURL(/segment=/);
  await expect(box(page, 2)).toBeFocused();
});

test("the owner changes a check's severity and mutes one; the report follows", async ({ page }) => {
  await page.goto("/en");
  await page.getByRole("link", { name: "Members" }).first().click();
  await page.getByRole("link", { name: "Quality-check settings" }).click();
  await expect(page.getByRole("heading", { name: /Quality checks of/ })).toBeVisible();
  await page.getByLabel("Citations: Severity").selectOption("warning");
  await page.getByLabel("Untranslated: Mute").check();
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  // A bad citation pattern is refused with RE2's reason, and nothing is saved.
  await page.getByLabel(/Other citation styles/).fill("(\\d+");
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Not a valid citation pattern");

  await openDocument(page);
  // A page of its own: in the editor's More menu.
  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("menuitem", { name: "QA checks" }).click();
  await expect(page.locator("table.qa-summary")).toContainText("Citations");
  await expect(page.locator("table.qa-summary")).not.toContainText("Untranslated");
  await page.getByLabel("Check").selectOption({ label: "Citations" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.locator("table.qa-report").getByRole("row").filter({ hasText: MISSING })).toContainText("Warning");

  // Back to the defaults, for the other specs.
  await page.goto("/en");
  await page.getByRole("link", { name: "Members" }).first().click();
  await page.getByRole("link", { name: "Quality-check settings" }).click();
  await page.getByLabel("Citations: Severity").selectOption("error");
  await page.getByLabel("Untranslated: Mute").uncheck();
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
});

test("axe finds nothing to fix in the findings, the confirmation and the report", async ({ page }) => {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const axe = () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]);
  await openDocument(page);
  // Open findings of every severity on paragraph 5: a double space (note), a trailing space (warning).
  await box(page, 5).fill("The main tasks of the  Regional Hub are defined as follows: ");
  await expect(finding(page, 5, "double-space")).toBeVisible();
  await expect(finding(page, 5, "edge-space")).toBeVisible();
  expect((await axe().include(".qa-findings").analyze()).violations).toEqual([]);
  await box(page, 5).fill("The main tasks of the Regional Hub are defined as follows:");

  // Paragraph 1 without its citation [52, с. 5]: confirming asks.
  await box(page, 1).fill("The Agency for Civil Service Affairs.");
  await box(page, 1).press("Control+Enter");
  const dialog = page.getByRole("dialog", { name: "Confirm with QA errors?" });
  await expect(dialog).toContainText("The citation [52, с. 5] from the source is missing.");
  expect((await axe().include("[data-testid=qa-confirm]").analyze()).violations).toEqual([]);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await box(page, 1).fill("");

  await page.goto(page.url().replace(/\?.*$/, "").replace(/$/, "/qa?target=en"));
  await expect(page.getByRole("heading", { name: /Quality checks:/ })).toBeVisible();
  expect((await axe().analyze()).violations).toEqual([]);
});
