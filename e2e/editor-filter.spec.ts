import { expect, test } from "@playwright/test";
import { box, importDocument, openEditor, removeImported, row } from "./editor-world";

test.afterAll(removeImported);

const PARAGRAPHS = [
  "Аналіз реформи державної служби.",
  "Агентство у справах державної служби.",
  "Регіональний хаб у сфері державної служби.",
  "Аналіз результатів реформи.",
  "Міжнародні експерти оцінили прогрес.",
];

test("a filtered row stays while it is edited, leaves when focus does, and Ctrl+Enter goes to the next row of the filter", async ({
  page,
}) => {
  const id = importDocument(`Filter while typing ${Date.now()}`, PARAGRAPHS);
  await openEditor(page, id);
  await page.getByRole("combobox", { name: "Status" }).selectOption("new");
  const shown = page.getByTestId("shown-count");
  await expect(shown).toHaveText("Showing 5 of 5");

  // The first keystroke makes the paragraph a draft; it stays, with the cursor, while the typing goes on.
  await box(page, 2).click();
  await box(page, 2).pressSequentially("The Agency");
  await expect(row(page, 2).getByTestId("status")).toHaveText("Draft");
  await expect(row(page, 2).getByTestId("save-state")).toHaveText("Saved");
  await box(page, 2).pressSequentially(" for Civil Service Affairs");
  await expect(box(page, 2)).toBeFocused();
  await expect(box(page, 2)).toHaveValue("The Agency for Civil Service Affairs");
  await expect(shown).toHaveText("Showing 5 of 5");

  // Ctrl+Enter confirms and moves on within the filter; the confirmed row then leaves the view.
  await box(page, 2).press("Control+Enter");
  await expect(box(page, 3)).toBeFocused();
  await expect(row(page, 2)).toHaveCount(0);
  await expect(shown).toHaveText("Showing 4 of 5");

  // Focus leaving the row (a click outside any paragraph) re-applies the filter too.
  await box(page, 3).fill("The Regional Hub");
  await expect(row(page, 3).getByTestId("status")).toHaveText("Draft");
  await expect(row(page, 3)).toBeVisible();
  await page.getByRole("heading", { name: /Filter while typing/ }).click();
  await expect(row(page, 3)).toHaveCount(0);
  await expect(shown).toHaveText("Showing 3 of 5");
  await page.reload();
  await expect(box(page, 2)).toHaveValue("The Agency for Civil Service Affairs");
});

test("in a search, Ctrl+Enter moves to the next paragraph that matches, skipping the others", async ({ page }) => {
  const id = importDocument(`Filter by search ${Date.now()}`, PARAGRAPHS);
  await openEditor(page, id);
  await page.getByRole("searchbox", { name: "Find in source and translation" }).fill("аналіз");
  await expect(page.getByTestId("segment")).toHaveCount(2);
  await box(page, 1).fill("Analysis of the civil service reform.");
  await expect(row(page, 1).getByTestId("save-state")).toHaveText("Saved");
  await box(page, 1).press("Control+Enter");
  await expect(box(page, 4)).toBeFocused();
  await expect(page.getByTestId("segment")).toHaveCount(2);
  await expect(row(page, 1)).toBeVisible();
});
