import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_DOC } from "./helpers";

const PROJECT = "Civil service reform (demo)";

const row = (page: Page, position: number) => page.locator(`[data-testid="segment"][data-position="${position}"]`);
const box = (page: Page, position: number, lang = "English") =>
  page.getByRole("textbox", { name: `Translation of paragraph ${position} into ${lang}` });
const entryRow = (page: Page, term: string) =>
  page.getByTestId("glossary-entry").filter({ has: page.getByText(term, { exact: true }) });

async function noAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function openGlossary(page: Page) {
  await page.goto("/en");
  await page.getByRole("region", { name: PROJECT }).getByRole("link", { name: "Glossary" }).click();
  await expect(page.getByRole("heading", { name: `Glossary: ${PROJECT}` })).toBeVisible();
}

test("the glossary page: add, find by a word form, edit, filter, import, export and delete", async ({ page }) => {
  await openGlossary(page);
  await expect(entryRow(page, "державна служба")).toContainText("state service (Forbidden)");
  await noAxeViolations(page);

  // Add.
  await page.getByRole("button", { name: "Add a term" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a term to the glossary" });
  await dialog.getByLabel("Term (Ukrainian)").fill("кадровий резерв");
  await dialog.getByLabel("Translation 1", { exact: true }).fill("personnel reserve");
  await dialog.getByLabel("Translation 2", { exact: true }).fill("кадр резерві");
  await dialog.getByLabel("Part of speech").selectOption("noun");
  await noAxeViolations(page);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Saved: кадровий резерв" })).toBeVisible();
  await expect(entryRow(page, "кадровий резерв")).toContainText("personnel reserve");

  // Found by an inflected form; filtered by language and status.
  await page.getByRole("search").getByLabel("Search terms (any word form)").fill("кадрового резерву");
  await expect(page.getByTestId("glossary-entry")).toHaveCount(1);
  await expect(page.getByText("Entries: 1")).toBeVisible();
  await page.getByRole("search").getByLabel("Search terms (any word form)").fill("");
  await page.getByRole("search").getByLabel("Status").selectOption("forbidden");
  await expect(page.getByTestId("glossary-entry")).toHaveCount(1);
  await expect(entryRow(page, "державна служба")).toBeVisible();
  await page.getByRole("search").getByLabel("Status").selectOption("");

  // Edit: the English translation becomes an admitted one; an empty term is refused, in words.
  await page.getByRole("button", { name: "Edit: кадровий резерв" }).click();
  const edit = page.getByRole("dialog", { name: "Edit “кадровий резерв”" });
  await edit.getByLabel("Term (Ukrainian)").fill(" ");
  await edit.getByLabel("Translation 1", { exact: true }).fill("talent pool");
  await edit.getByLabel("Status").first().selectOption("admitted");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByRole("alert")).toHaveText("A term cannot be empty.");
  await edit.getByLabel("Term (Ukrainian)").fill("кадровий резерв");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(entryRow(page, "кадровий резерв")).toContainText("talent pool (Admitted)");

  // Import: one new entry, one merged into the entry the glossary has; a bad file imports nothing.
  const file = page.getByLabel("File");
  await file.setInputFiles({
    name: "terms.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "uk,en,en status\nдержавна служба,civil service,preferred\nслужбове розслідування,official investigation,preferred\n",
    ),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("New entries: 1")).toBeVisible();
  await expect(page.getByText("Already in the glossary, merged instead of doubled: 1")).toBeVisible();
  await expect(entryRow(page, "службове розслідування")).toContainText("official investigation");
  await file.setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("uk,en,en status\nновий термін,new term,preferred\nінший,other,perhaps\n"),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("region", { name: "Import a glossary" }).getByRole("alert")).toContainText("perhaps");
  await expect(entryRow(page, "новий термін")).toHaveCount(0);

  // Export: TBX and CSV files that hold the new entries.
  for (const [link, ext, expected] of [
    ["Export TBX", "tbx", "<term>кадровий резерв</term>"],
    ["Export CSV", "csv", "кадровий резерв,talent pool,admitted"],
  ] as const) {
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: link }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(`Civil-service-reform-demo-glossary.${ext}`);
    const text = readFileSync((await saved.path())!, "utf8");
    expect(text).toContain(expected);
  }

  // Delete (and leave the demo glossary as it was for the other specs).
  for (const term of ["кадровий резерв", "службове розслідування"]) {
    await page.getByRole("button", { name: `Delete: ${term}` }).click();
    const confirm = page.getByRole("dialog", { name: `Delete “${term}”?` });
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(confirm).toBeHidden();
    await expect(entryRow(page, term)).toHaveCount(0);
  }
  await expect(page.getByText("Entries: 10")).toBeVisible();
});

test("the editor: add a term from a selection, see it in another paragraph's inflected form, insert it with the shortcut", async ({
  page,
}) => {
  await page.goto("/en");
  await page.getByRole("link", { name: DEMO_DOC }).click();
  await expect(page.getByTestId("segment")).toHaveCount(11);
  // The demo glossary is recognised in inflected forms: "державної служби" is "державна служба".
  const civil = row(page, 1)
    .getByTestId("term")
    .filter({ hasText: /^державної служби$/ })
    .first();
  await expect(civil).toBeVisible();

  // Select a word in paragraph 3's source (double-click, as a person would) and one in its translation.
  const word = await row(page, 3)
    .getByTestId("source")
    .evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf("майданчиком");
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at + 2);
        range.setEnd(n, at + 3);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      return null;
    });
  expect(word).not.toBeNull();
  await page.mouse.dblclick(word!.x, word!.y);
  await box(page, 3).fill("a platform for dialogue");
  await box(page, 3).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(2, 10));
  await box(page, 3).press("Control+Shift+L");
  const dialog = page.getByRole("dialog", { name: "Add a term to the glossary" });
  await expect(dialog.getByLabel("Term (Ukrainian)")).toHaveValue("майданчиком");
  await expect(dialog.getByLabel("Translation 1", { exact: true })).toHaveValue("platform");
  // The dictionary form is what goes into a glossary.
  await dialog.getByLabel("Term (Ukrainian)").fill("майданчик");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  // Recognised at once, in paragraph 8, in another form ("майданчики"), with its translation.
  await row(page, 8).scrollIntoViewIfNeeded();
  const platform = row(page, 8).getByTestId("term").filter({ hasText: "майданчики" });
  await expect(platform).toHaveText("майданчики");
  await expect(platform).toHaveAccessibleDescription(/platform/);
  const id = await platform.getAttribute("data-entry-id");
  await expect(row(page, 3).getByTestId("term").filter({ hasText: "майданчиком" })).toBeVisible();

  // Ctrl+Shift+1 puts the paragraph's first term's preferred translation at the caret; it is saved.
  await box(page, 8).click();
  await box(page, 8).press("Control+Shift+Digit1");
  await expect(box(page, 8)).toHaveValue("platform");
  await expect(row(page, 8).getByTestId("save-state")).toHaveText("Saved");

  // The terms panel lists the active paragraph's terms; a click inserts, forbidden ones are struck through.
  // Paragraph 1 may carry an earlier spec's translation: start it empty, so the insert is the whole text.
  await box(page, 1).fill("");
  await box(page, 1).click();
  await page.getByRole("button", { name: "Terms", exact: true }).click();
  const panel = page.getByRole("complementary", { name: "Terms in paragraph 1" });
  await expect(panel.locator("s", { hasText: "state service" })).toBeVisible();
  await panel.getByRole("button", { name: "Insert “civil service” (English)" }).click();
  await expect(box(page, 1)).toHaveValue("civil service");
  await noAxeViolations(page);

  // The shortcuts are listed.
  await page.getByRole("heading", { name: DEMO_DOC }).click();
  await page.keyboard.press("?");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts).toContainText("Ctrl+Shift+L");
  await expect(shortcuts).toContainText("Insert the preferred translation of the paragraph's 1st … 9th term");
  await shortcuts.getByRole("button", { name: "Close" }).click();

  // Leave the demo as it was for the other specs.
  const origin = new URL(page.url()).origin;
  const deleted = await page.request.delete(`/api/v1/glossary/${id}`, { headers: { Origin: origin } });
  expect(deleted.status()).toBe(200);
  for (const position of [1, 3, 8]) {
    await box(page, position).fill("");
    await expect(row(page, position).getByTestId("save-state")).toHaveText("Saved");
  }
});
