import { expect, test } from "@playwright/test";
import { box, importDocument, openEditor, person, removeImported, row, save, segmentsOf } from "./editor-world";

test.afterAll(removeImported);

// Several people, each made with the command line and signed in: more than the default 30 s on this machine.
test.describe.configure({ timeout: 120_000 });

const PARAGRAPHS = ["Перший абзац.", "Другий абзац.", "Третій абзац."];

test("review mode is remembered per person and document, and a reviewer starts in it without a 'may not edit' banner", async ({
  page,
  browser,
}) => {
  const id = importDocument(`Review mode ${Date.now()}`, PARAGRAPHS);
  const other = importDocument(`Review mode, another ${Date.now()}`, PARAGRAPHS);
  await openEditor(page, id);
  const mode = page.getByLabel("Review mode");
  await expect(mode).not.toBeChecked();
  await mode.check();
  await expect(row(page, 1).getByTestId("review-controls")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Review mode")).toBeChecked();
  await expect(row(page, 1).getByTestId("review-controls")).toBeVisible();
  await openEditor(page, other);
  await expect(page.getByLabel("Review mode")).not.toBeChecked();
  await openEditor(page, id);
  await page.getByLabel("Review mode").uncheck();
  await page.reload();
  await expect(page.getByLabel("Review mode")).not.toBeChecked();

  const reviewer = await person(browser, "reviewer", "Rada Reviewer");
  const rp = reviewer.page;
  await openEditor(rp, id);
  await expect(rp.getByLabel("Review mode")).toBeChecked();
  await expect(row(rp, 1).getByTestId("review-controls")).toBeVisible();
  await expect(rp.getByText("your role does not allow editing")).toHaveCount(0);
  // Someone who may only read is told so.
  const viewer = await person(browser, "viewer", "Vira Viewer");
  await openEditor(viewer.page, id);
  await expect(viewer.page.getByText("You can read this document; your role does not allow editing.")).toBeVisible();
  await expect(viewer.page.getByLabel("Review mode")).toHaveCount(0);
  await reviewer.context.close();
  await viewer.context.close();
});

test("'Sent back to you' shows only to the translator it was sent back to; note labels name languages", async ({
  page,
  browser,
}) => {
  const id = importDocument(`Sent back ${Date.now()}`, PARAGRAPHS);
  const ivan = await person(browser, "translator", "Ivan Sentback");
  const olha = await person(browser, "translator", "Olha Other");
  const reviewer = await person(browser, "reviewer", "Rita Sentback");

  await openEditor(ivan.page, id);
  await box(ivan.page, 1).fill("The first paragraph.");
  await box(ivan.page, 1).press("Control+Enter");
  await expect(row(ivan.page, 1).getByTestId("status")).toHaveText("Translated");
  await expect(row(ivan.page, 1).getByTestId("save-state")).toHaveText("Saved");

  const rp = reviewer.page;
  await openEditor(rp, id);
  await row(rp, 1).getByTestId("target").focus();
  await rp.keyboard.press("Control+Shift+Enter");
  await row(rp, 1).getByLabel("Why is it sent back?").fill("«First» is not a translation of «Перший» here.");
  await row(rp, 1).getByRole("button", { name: "Send back with this reason" }).click();
  await expect(row(rp, 1).getByTestId("status")).toHaveText("Rejected");

  await ivan.page.reload();
  const sentBack = ivan.page.getByRole("region", { name: "Sent back to you (1)" });
  await expect(sentBack).toContainText("«First» is not a translation of «Перший» here.");
  for (const other of [olha.page, page]) {
    await openEditor(other, id);
    await expect(row(other, 1).getByTestId("status")).toHaveText("Rejected");
    await expect(other.getByRole("region", { name: /Sent back to you/ })).toHaveCount(0);
  }

  // The reason is a note about the English translation: its label names the language, never "en".
  await row(ivan.page, 1).getByTestId("notes-button").click();
  const thread = ivan.page.getByRole("complementary", { name: "Notes on paragraph 1" }).getByTestId("thread");
  await expect(thread.locator(".lang-tag")).toHaveText("English");
  await ivan.page.goto(ivan.page.url().replace("/en/", "/uk/"));
  await row(ivan.page, 1).getByTestId("notes-button").click();
  await expect(ivan.page.getByTestId("thread").locator(".lang-tag")).toHaveText("Англійська");

  const [first] = await segmentsOf(page, id);
  await save(ivan.page, first.id, "Paragraph one.", "translated");
  await openEditor(ivan.page, id);
  await expect(row(ivan.page, 1).getByTestId("status")).toHaveText("Translated");
  await expect(ivan.page.getByRole("region", { name: /Sent back to you/ })).toHaveCount(0);
  for (const p of [ivan, olha, reviewer]) await p.context.close();
});
