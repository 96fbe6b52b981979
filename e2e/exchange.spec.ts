import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_DOC, OWNER } from "./helpers";

const row = (page: Page, position: number) => page.locator(`[data-testid="segment"][data-position="${position}"]`);

async function openDemo(page: Page, query = "") {
  await page.goto("/en");
  await page.getByRole("link", { name: DEMO_DOC }).click();
  await page.waitForURL(/\/documents\//);
  if (query) await page.goto(`${page.url().split("?")[0]}${query}`);
  await expect(page.getByTestId("segment")).toHaveCount(11);
}

async function importFile(page: Page, name: string, content: string | Buffer, title?: string) {
  await page.goto("/en");
  await page.getByRole("link", { name: "Import a file" }).first().click();
  await page
    .getByLabel("File")
    .setInputFiles({ name, mimeType: "application/octet-stream", buffer: Buffer.from(content) });
  if (title) await page.getByLabel("Title (optional)").fill(title);
  await page.getByRole("button", { name: "Import" }).click();
}

test("a text file uploaded from the browser becomes a document", async ({ page }) => {
  await importFile(
    page,
    "memo.txt",
    "Перший абзац «з лапками».\n- пункт списку\nТретій абзац [52, с. 5].\n",
    "Imported memo",
  );
  await expect(page.getByText("Import finished.")).toBeVisible();
  await expect(page.getByText("Paragraphs: 3")).toBeVisible();
  await page.getByRole("link", { name: "Open the document" }).click();
  await expect(page.getByRole("heading", { name: "Imported memo" })).toBeVisible();
  await expect(page.getByTestId("source")).toHaveText([
    "Перший абзац «з лапками».",
    "пункт списку",
    "Третій абзац [52, с. 5].",
  ]);
});

test("a file that declares external entities is refused, with the reason", async ({ page }) => {
  const xxe =
    '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<tmx version="1.4"><body/></tmx>';
  await importFile(page, "evil.tmx", xxe);
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toBeVisible();
  await expect(alert).not.toContainText("root:");
  await expect(page.getByText("Import finished.")).toHaveCount(0);
});

test("export to TMX from the export page, then import it back as a new document with its translations", async ({
  page,
}) => {
  await openDemo(page);
  const box = page.getByRole("textbox", { name: "Translation of paragraph 11 into English" });
  await box.fill("In 2013, two training seminars of the Regional Hub were held.");
  await box.press("Control+Enter");
  await expect(row(page, 11).getByTestId("status")).toHaveText("Translated");

  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("menuitem", { name: "Export", exact: true }).click();
  await page.getByLabel("TMX 1.4 (translation memory)").check();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download" }).click(),
  ]);
  const tmx = readFileSync((await download.path())!, "utf8");
  expect(download.suggestedFilename()).toMatch(/\.tmx$/);
  expect(tmx).toContain('<tuv xml:lang="uk">');
  expect(tmx).toContain("«Реформа державної служби - досвід перехідних країн»");
  expect(tmx).toContain("In 2013, two training seminars of the Regional Hub were held.");

  await importFile(page, "round-trip.tmx", tmx, "Round trip");
  await expect(page.getByText("Import finished.")).toBeVisible();
  await page.getByRole("link", { name: "Open the document" }).click();
  await expect(page.getByRole("heading", { name: "Round trip" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Translation of paragraph 11 into English" })).toHaveValue(
    "In 2013, two training seminars of the Regional Hub were held.",
  );
  await expect(row(page, 11).getByTestId("status")).toHaveText("Translated");
});

test("Kazakh can be read in the 2021 Latin alphabet", async ({ page }) => {
  await openDemo(page, "?target=kk");
  const box = page.getByRole("textbox", { name: "Translation of paragraph 3 into Kazakh" });
  await box.fill("Қазақстан Республикасы");
  await expect(row(page, 3).getByTestId("save-state")).toHaveText("Saved");
  const latin = async () => {
    await page.getByRole("button", { name: "More" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Show Kazakh in Latin letters (2021 alphabet)" }).click();
  };
  await latin();
  await expect(row(page, 3).getByTestId("target-latin")).toHaveText("Qazaqstan Respublikasy");
  await latin();
  await expect(box).toHaveValue("Қазақстан Республикасы");
});

test("a long document opens with its first screen, then every paragraph is there", async ({ page }) => {
  const lines = Array.from({ length: 450 }, (_, i) => `Абзац номер ${i + 1} довгого документа.`).join("\n");
  await importFile(page, "long.txt", lines, "Long document");
  await page.getByRole("link", { name: "Open the document" }).click();
  await expect(page.getByRole("heading", { name: "Long document" })).toBeVisible();
  await expect(page.getByText("Paragraphs: 450")).toBeVisible();
  await expect(page.getByTestId("loading-rows")).toHaveCount(0);
  await expect(page.getByText("Showing 450 of 450")).toBeVisible();
  await page.getByRole("searchbox", { name: "Find in source and translation" }).fill("номер 449 ");
  await expect(page.getByTestId("segment")).toHaveCount(1);
  const box = page.getByRole("textbox", { name: "Translation of paragraph 449 into English" });
  await box.fill("Paragraph 449 of a long document.");
  await expect(page.locator('[data-position="449"]').getByTestId("save-state")).toHaveText("Saved");
});

// Issue 10, part 2: an imported note is the importer's, with who and when the file says shown apart
// ("from file: …"); a status from the file that is not applied is listed in the import report; and
// find-and-replace lists, and does not write, a paragraph it would leave empty.
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
  await importFile(page, "agency.csv", csv, "Agency memo");
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
  const replacePanel = page.getByRole("complementary", { name: "Find and replace" });
  await replacePanel.getByLabel("Find", { exact: true }).fill("only");
  await replacePanel.getByRole("button", { name: "Preview" }).click();
  await expect(replacePanel.getByTestId("replace-refused")).toHaveCount(1);
  await expect(replacePanel.getByTestId("replace-refused")).toContainText("The translation would be left empty.");
  await expect(replacePanel.getByTestId("replace-change")).toHaveCount(0);
  await replacePanel.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("textbox", { name: "Translation of paragraph 3 into English" })).toHaveValue("only");
});
