// The memory's follow-ups in the browser: a pre-translated paragraph shows where it came from and at
// what percentage, and "edited" once changed (after a reload too); confirming a paragraph fills its
// repetitions from the server, shown as repetitions; and a paragraph confirmed in another browser
// appears in the match panel of an open editor without a reload.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { importLines, inviteAndJoin } from "./helpers";
import { removeDocuments } from "./review-data";

// Sentences of their own: the memory spec's are in the same memory.
const SOURCE = "Кадровий резерв державної служби формують на конкурсній основі щороку.";
const VARIANT = "Кадровий резерв державної служби формують на відкритій основі щороку.";
const TARGET = "The civil service personnel reserve is formed on a competitive basis every year.";
const LIVE_SOURCE = "Наставники супроводжують нових державних службовців протягом першого року.";
const LIVE_VARIANT = "Наставники супроводжують нових державних службовців протягом другого року.";
const LIVE_TARGET = "Mentors accompany new civil servants during their first year.";
const MIRA = { name: "Mira Memory", email: "mira.memory@parallel.test", password: "mira-memory-pass-1" };

const made: string[] = [];
test.afterAll(() => removeDocuments(made));

const row = (page: Page, position: number) => page.locator(`[data-testid="segment"][data-position="${position}"]`);
const box = (page: Page, position: number) =>
  page.getByRole("textbox", { name: `Translation of paragraph ${position} into English` });

async function importDocument(page: Page, title: string, lines: string[]) {
  const { id, url } = await importLines(page, title, lines);
  made.push(id);
  return url;
}

async function confirm(page: Page, position: number, text: string) {
  await box(page, position).fill(text);
  await box(page, position).press("Control+Enter");
  await expect(row(page, position).getByTestId("status")).toHaveText("Translated");
  await expect(row(page, position).getByTestId("save-state")).toHaveText("Saved");
}

test("a pre-translated paragraph shows its origin and percentage, and edited once changed", async ({ page }) => {
  await importDocument(page, "Origin source", [SOURCE]);
  await confirm(page, 1, TARGET);
  const url = await importDocument(page, "Origin variant", [VARIANT, "Абзац, якого в пам’яті немає зовсім."]);
  await page.getByRole("button", { name: "Pre-translate" }).click();
  const dialog = page.getByRole("dialog", { name: "Pre-translate" });
  await dialog.getByRole("button", { name: "Pre-translate now" }).click();
  await expect(dialog.getByTestId("pretranslate-summary")).toContainText("Paragraphs filled: 1");
  await dialog.getByRole("button", { name: "Close" }).click();

  const badge = row(page, 1).getByTestId("origin-badge");
  await expect(badge).toHaveText(/^Pre-translated \d{2} %$/);
  const score = Number(/(\d+) %/.exec((await badge.textContent()) ?? "")![1]);
  expect(score).toBeGreaterThanOrEqual(85);
  expect(score).toBeLessThan(100);
  await expect(row(page, 2).getByTestId("origin-badge")).toHaveCount(0);
  await box(page, 1).click();
  await expect(page.getByTestId("origin-note")).toHaveText(new RegExp(`^Filled from the memory “.+” at ${score} %$`));
  await page.screenshot({ path: "test-results/memory-origin.png" });
  expect((await new AxeBuilder({ page }).include("main").analyze()).violations).toEqual([]);

  // The translator changes the text: edited, here and for everyone after a reload.
  await box(page, 1).fill("The civil service personnel reserve is formed on an open basis every year.");
  await expect(badge).toHaveText(`Pre-translated ${score} % · edited`);
  await box(page, 1).press("Control+Enter");
  await expect(row(page, 1).getByTestId("save-state")).toHaveText("Saved");
  await page.goto(url);
  await expect(row(page, 1).getByTestId("origin-badge")).toHaveText(`Pre-translated ${score} % · edited`);

  // At a laptop's and a phone's width nothing scrolls sideways, and the paragraph's bar wraps rather
  // than cutting its words ("Pre-translate…", "S…" for Saved).
  for (const size of [
    { width: 1024, height: 768 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await expect(row(page, 1).getByTestId("origin-badge")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    for (const id of ["origin-badge", "save-state"]) {
      const cut = await row(page, 1)
        .getByTestId(id)
        .evaluate((el) => el.scrollWidth > el.clientWidth);
      expect(cut, `${id} cut at ${size.width} px`).toBe(false);
    }
  }
  await page.screenshot({ path: "test-results/memory-origin-phone.png" });
});

test("confirming a paragraph fills its repetitions from the server, marked as repetitions", async ({ page }) => {
  const AIM = "Мета реформи — відкрита й підзвітна державна служба.";
  await importDocument(page, "Repetitions", [AIM, "Інший абзац без повторів.", AIM, AIM]);
  // A person's own draft of the last one is never overwritten.
  await box(page, 4).fill("My own wording.");
  await box(page, 4).blur();
  await expect(row(page, 4).getByTestId("save-state")).toHaveText("Saved");

  await confirm(page, 1, "The aim of the reform is an open and accountable civil service.");
  await expect(box(page, 3)).toHaveValue("The aim of the reform is an open and accountable civil service.");
  await expect(row(page, 3).getByTestId("status")).toHaveText("Draft");
  await expect(row(page, 3).getByTestId("origin-badge")).toHaveText("Repetition");
  await expect(box(page, 4)).toHaveValue("My own wording.");
  await expect(box(page, 2)).toHaveValue("");
  await box(page, 3).click();
  await expect(page.getByTestId("origin-note")).toHaveText("Copied from paragraph 1, confirmed with the same source");
});

test("a paragraph confirmed in another browser appears in an open editor's match panel without a reload", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const here = await importDocument(page, "Matches here", [LIVE_VARIANT]);
  const there = await importDocument(page, "Matches there", [LIVE_SOURCE]);
  const mira = await inviteAndJoin(page, browser, MIRA, "translator");
  await page.goto(here);
  await expect(page.getByTestId("live-status").getByRole("status")).toHaveText("Live");
  await box(page, 1).click();
  const panel = page.getByTestId("match-panel");
  await expect(panel).toContainText("No match");
  await expect(panel.getByTestId("match")).toHaveCount(0);

  await mira.page.goto(there);
  await confirm(mira.page, 1, LIVE_TARGET);
  const match = panel.getByTestId("match").first();
  await expect(match).toContainText(LIVE_TARGET, { timeout: 5_000 });
  await expect(match.getByTestId("match-score")).toHaveText(/\d{2} %/);
  await mira.context.close();
});
