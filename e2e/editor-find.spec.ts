import { expect, type Page, test } from "@playwright/test";
import { box, importDocument, openEditor, removeImported, row, save, segmentsOf } from "./editor-world";

test.afterAll(removeImported);

const SOURCE = ["Державна служба і державними службами.", "Реформа державної служби [52, с. 5].", "Інший текст."];
const TARGET = [
  "Civil Service and civil service; civil servants.",
  "The civil service reform [52, p. 5].",
  "Other text.",
];

async function documentWithTranslations(page: Page, title: string) {
  const id = importDocument(`${title} ${Date.now()}`, SOURCE);
  await openEditor(page, id);
  const segments = await segmentsOf(page, id);
  for (const [i, seg] of segments.entries()) await save(page, seg.id, TARGET[i]);
  await page.reload();
  await expect(box(page, 1)).toHaveValue(TARGET[0]);
  return id;
}

const sourceMarks = (page: Page, position: number) =>
  row(page, position).getByTestId("source").getByTestId("find-mark");
const targetMarks = (page: Page, position: number) =>
  row(page, position).getByTestId("target-highlights").getByTestId("find-mark");

test("search marks matches in source and translation, steps with Enter and Shift+Enter, with case, whole words and regular expressions", async ({
  page,
}) => {
  await documentWithTranslations(page, "Find");
  const search = page.getByRole("searchbox", { name: "Find in source and translation" });
  const count = page.getByTestId("find-count");

  await search.fill("служб");
  await expect(sourceMarks(page, 1)).toHaveText(["служб", "служб"]);
  await expect(sourceMarks(page, 2)).toHaveText(["служб"]);
  await expect(count).toHaveText("Matches: 3");
  await search.press("Enter");
  await expect(count).toHaveText("1 of 3");
  await expect(sourceMarks(page, 1).first()).toHaveClass(/current/);
  await search.press("Shift+Enter");
  await search.press("Shift+Enter");
  await expect(count).toHaveText("2 of 3");
  await expect(sourceMarks(page, 1).nth(1)).toHaveClass(/current/);

  // Whole words, in Cyrillic: "служба" alone, not inside "службовиця".
  await search.fill("служба");
  await page.getByRole("button", { name: "Whole words" }).click();
  await expect(sourceMarks(page, 1)).toHaveText(["служба"]);
  await page.getByRole("button", { name: "Whole words" }).click();
  await expect(sourceMarks(page, 1)).toHaveText(["служба", "служба"]);

  // In translations, case-insensitive unless asked.
  await search.fill("civil service");
  await expect(targetMarks(page, 1)).toHaveText(["Civil Service", "civil service"]);
  await page.getByRole("button", { name: "Match case" }).click();
  await expect(targetMarks(page, 1)).toHaveText(["civil service"]);
  await expect(page.getByTestId("segment")).toHaveCount(2);
  await page.getByRole("button", { name: "Match case" }).click();

  // A regular expression (linear-time engine); a malformed one says so and filters nothing.
  await page.getByRole("button", { name: "Regular expression" }).click();
  await search.fill("\\[(\\d+), p\\. \\d+\\]");
  await expect(targetMarks(page, 2)).toHaveText(["[52, p. 5]"]);
  await expect(page.getByTestId("segment")).toHaveCount(1);
  await search.fill("[unclosed");
  await expect(page.getByRole("alert").filter({ hasText: "This regular expression is not valid" })).toBeVisible();
  await expect(page.getByTestId("segment")).toHaveCount(3);
});

test("replace keeps case, lets single occurrences be left out, and is undone in one step from the toast and from the history", async ({
  page,
}) => {
  await documentWithTranslations(page, "Replace");
  await box(page, 3).click();
  await page.keyboard.press("Control+h");
  const panel = page.getByRole("complementary", { name: "Find and replace" });
  await panel.getByLabel("Find", { exact: true }).fill("civil service");
  await panel.getByLabel("Replace with").fill("public service");
  await panel.getByLabel(/Keep the case of what is replaced/).check();
  await panel.getByLabel("Whole words").check();
  await panel.getByRole("button", { name: "Preview" }).click();
  const changes = panel.getByTestId("replace-change");
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0).getByTestId("occurrence")).toHaveCount(2);
  await expect(changes.nth(0).getByTestId("occurrence").nth(0).locator("ins")).toHaveText("Public Service");
  await expect(changes.nth(0).getByTestId("occurrence").nth(1).locator("ins")).toHaveText("public service");
  await changes.nth(0).getByTestId("occurrence").nth(1).getByRole("checkbox").uncheck();
  await panel.getByRole("button", { name: "Replace 2 occurrences in 2 paragraphs" }).click();

  const toast = page.getByTestId("replace-toast");
  await expect(toast).toContainText("Replaced 2 occurrences in 2 paragraphs.");
  await expect(box(page, 1)).toHaveValue("Public Service and civil service; civil servants.");
  await expect(box(page, 2)).toHaveValue("The public service reform [52, p. 5].");
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(toast).toContainText("Undone: 2 paragraphs are as they were.");
  await expect(box(page, 1)).toHaveValue(TARGET[0]);
  await expect(box(page, 2)).toHaveValue(TARGET[1]);

  // Again, every occurrence; then undone from a paragraph's history.
  await panel.getByRole("button", { name: "Preview" }).click();
  await panel.getByRole("button", { name: "Replace 3 occurrences in 2 paragraphs" }).click();
  await expect(box(page, 2)).toHaveValue("The public service reform [52, p. 5].");
  await toast.getByRole("button", { name: "Close" }).click();
  await box(page, 2).click();
  await page.keyboard.press("Alt+r");
  const history = page.getByRole("complementary", { name: /History of paragraph 2/ });
  const line = history.getByTestId("bulk-edit").first();
  await expect(line).toContainText("Find and replace «civil service» → «public service» in 2 paragraphs");
  await line.getByRole("button", { name: "Undo this replace in all 2 paragraphs" }).click();
  await expect(box(page, 1)).toHaveValue(TARGET[0]);
  await expect(box(page, 2)).toHaveValue(TARGET[1]);
  await expect(history.getByTestId("revision")).toHaveCount(5);
  await page.reload();
  await expect(box(page, 1)).toHaveValue(TARGET[0]);
});
