import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { box, importDocument, openEditor, person, removeImported, row, save, segmentsOf } from "./editor-world";

test.afterAll(removeImported);

test.describe.configure({ timeout: 120_000 });

/** Serious and critical findings of axe-core (WCAG 2.2 A/AA rules), as "rule: target" lines. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} — ${n.failureSummary}`));
}

const PARAGRAPHS = [
  "Державна служба Казахстану.",
  "Регіональний хаб у сфері державної служби.",
  "Міжнародні експерти.",
];

test("the editor, its menus and side panels, review mode and the phone layout have no serious accessibility findings", async ({
  page,
  browser,
}) => {
  const id = importDocument(`Accessibility ${Date.now()}`, PARAGRAPHS);
  await openEditor(page, id);
  const [first, second] = await segmentsOf(page, id);
  await save(page, first.id, "The civil service of Kazakhstan.", "approved");
  await save(page, second.id, "A regional hub.", "translated");
  await page.reload();
  expect(await seriousViolations(page)).toEqual([]);

  // Searching marks matches; a paragraph's menu and the More menu open; each side panel in turn.
  await page.getByRole("searchbox", { name: "Find in source and translation" }).fill("hub");
  await box(page, 2).press("Shift+F10");
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "More" }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  for (const open of ["Alt+n", "Alt+r", "Alt+a", "Control+h"]) {
    await box(page, 2).press(open);
    await expect(page.locator(".side-column")).toBeVisible();
    expect([open, await seriousViolations(page)]).toEqual([open, []]);
  }
  await page.getByRole("complementary").getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("replace-change")).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);

  // A translator sees a locked paragraph; a reviewer works in review mode.
  const translator = await person(browser, "translator", "Alla Access");
  await openEditor(translator.page, id);
  await expect(row(translator.page, 1).getByTestId("lock-badge")).toBeVisible();
  expect(await seriousViolations(translator.page)).toEqual([]);
  const reviewer = await person(browser, "reviewer", "Rostyslav Access");
  await openEditor(reviewer.page, id);
  await expect(row(reviewer.page, 2).getByTestId("review-controls")).toBeVisible();
  expect(await seriousViolations(reviewer.page)).toEqual([]);
  await reviewer.page.setViewportSize({ width: 390, height: 844 });
  expect(await seriousViolations(reviewer.page)).toEqual([]);
  await reviewer.page.getByRole("button", { name: "Tools", exact: true }).click();
  expect(await seriousViolations(reviewer.page)).toEqual([]);
  await translator.context.close();
  await reviewer.context.close();
});
