// Issue 10, part 2, in the browser: an imported note is the importer's, with who and when the file
// says shown apart ("from file: …"); a status from the file that is not applied is listed in the
// import report; find-and-replace lists, and does not write, a paragraph it would leave empty.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { OWNER } from "./helpers";

const row = (page: Page, position: number) => page.locator(`[data-testid="segment"][data-position="${position}"]`);

const notes = JSON.stringify([
  {
    lang: "en",
    author: "Someone Else",
    body: "Check the agency's name.",
    createdAt: "2026-10-01T08:00:00.000Z",
    resolved: false,
    category: null,
    severity: null,
    anchor: null,
    replies: [],
  },
]);
// Paragraph 2's English is empty in the file, which still calls it "translated": not applied.
const csv = [
  "position,uk,en,en status,notes json",
  `1,Агентство з питань державної служби.,The Civil Service Agency.,translated,"${notes.replaceAll('"', '""')}"`,
  "2,Другий абзац.,,translated,",
  "3,Третій абзац.,only,draft,",
].join("\r\n");

test("imported notes, statuses that were not applied, and a replace that would empty a paragraph", async ({ page }) => {
  await page.goto("/en");
  await page.getByRole("link", { name: "Import a file" }).first().click();
  await page.getByLabel("File").setInputFiles({ name: "agency.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByLabel("Title (optional)").fill("Agency memo");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Import finished.")).toBeVisible();
  await expect(page.getByText("Statuses not applied: 1")).toBeVisible();
  const downgraded = page.getByRole("region", { name: "Statuses from the file that were not applied" });
  await expect(downgraded.getByRole("row")).toHaveText([/Status in the file/, /2\s*English\s*Translated\s*New/]);
  expect((await new AxeBuilder({ page }).include("main").analyze()).violations).toEqual([]);

  await page.getByRole("link", { name: "Open the document" }).click();
  await expect(page.getByRole("heading", { name: "Agency memo" })).toBeVisible();
  await row(page, 1).getByTestId("notes-button").click();
  const panel = page.getByRole("complementary", { name: "Notes on paragraph 1" });
  const thread = panel.getByTestId("thread");
  await expect(thread).toContainText("Check the agency's name.");
  // Written by the importer; the file's author and date beside it, never as the note's author.
  await expect(thread.locator("strong").first()).toHaveText(OWNER.name);
  await expect(thread.getByTestId("from-file")).toContainText("from file: Someone Else");
  await expect(thread.getByTestId("from-file")).toContainText("2026");
  await panel.getByRole("button", { name: "Close" }).click();

  await page.getByRole("button", { name: "Find and replace" }).click();
  const dialog = page.getByRole("dialog", { name: "Find and replace" });
  await dialog.getByLabel("Find", { exact: true }).fill("only");
  await dialog.getByRole("button", { name: "Preview" }).click();
  await expect(dialog.getByTestId("replace-refused")).toHaveCount(1);
  await expect(dialog.getByTestId("replace-refused")).toContainText("The translation would be left empty.");
  await expect(dialog.getByTestId("replace-change")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("textbox", { name: "Translation of paragraph 3 into English" })).toHaveValue("only");
});
