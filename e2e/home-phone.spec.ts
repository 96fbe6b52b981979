// The home page's tables (a project's documents), the trash and a project's documents table on a
// 390 × 844 phone, a 1024 × 768 laptop and a 1440 × 900 desktop (issue #13): nothing scrolls
// sideways, neither the page nor a table inside its card; long titles wrap; axe finds nothing.
// Screenshots of each are kept in the test's output folder.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { OWNER, parallelCli } from "./helpers";

const SHOWN = "Phone cards: regional statutes of the agency (e2e)";
const TRASHED = "Phone cards: a project in the trash (e2e)";
const LONG_TITLE =
  "Положення про Агентство з питань державної служби та протидії корупції Республіки Казахстан (редакція 2026)";

/** The widest overflow in the page: the document itself, or any table scrolled inside its card. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const over = (el: Element) => Math.max(0, el.scrollWidth - el.clientWidth);
    const tables = [...document.querySelectorAll("main table")].map(over);
    return Math.max(Math.max(0, document.documentElement.scrollWidth - window.innerWidth), ...tables);
  });

test.beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), "parallel-home-phone-"));
  try {
    parallelCli(["project", "create", "--name", SHOWN, "--targets", "en,kk", "--owner", OWNER.email]);
    const file = path.join(dir, "statute.txt");
    writeFileSync(file, "Агентство діє на підставі статуту.\nКерівник призначається урядом.\n");
    parallelCli(["import", file, "--project", SHOWN, "--title", LONG_TITLE]);
    parallelCli(["project", "create", "--name", TRASHED, "--targets", "en", "--owner", OWNER.email]);
    parallelCli(["project", "delete", TRASHED]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
// Later specs find the home page as they expect it.
test.afterAll(async () => {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(".e2e/parallel.db", { timeout: 10_000 });
  try {
    db.pragma("foreign_keys = ON");
    db.prepare('DELETE FROM "Project" WHERE "name" IN (?, ?)').run(SHOWN, TRASHED);
  } finally {
    db.close();
  }
});

for (const [width, height] of [
  [390, 844],
  [1024, 768],
  [1440, 900],
] as const) {
  test(`home, trash and a project's documents at ${width} × ${height}: no sideways scrolling`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height });
    await page.goto("/en");
    const card = page.getByRole("region", { name: SHOWN });
    await expect(card.getByRole("link", { name: LONG_TITLE })).toBeVisible();
    // Each document says what its numbers are, on a phone as at a desk.
    await expect(card.getByText("2", { exact: true }).first()).toBeVisible();
    expect(await sidewaysOverflow(page)).toBe(0);
    expect((await new AxeBuilder({ page }).include("main").analyze()).violations).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`home-${width}.png`), fullPage: true });
    if (width === 390) {
      // Stacked: the progress sits under the title, not beside it.
      const title = await card.getByRole("link", { name: LONG_TITLE }).boundingBox();
      const progress = await card.locator(".progress-cell").first().boundingBox();
      expect(progress && title && progress.y > title.y + title.height).toBe(true);
    }

    await page.goto("/en/trash");
    await expect(page.getByRole("main")).toContainText(TRASHED);
    expect(await sidewaysOverflow(page)).toBe(0);
    expect((await new AxeBuilder({ page }).include("main").analyze()).violations).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`trash-${width}.png`), fullPage: true });

    await page.goto("/en");
    await card.getByRole("link", { name: SHOWN }).click();
    await expect(page.getByRole("heading", { name: SHOWN })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(LONG_TITLE);
    expect(await sidewaysOverflow(page)).toBe(0);
    expect((await new AxeBuilder({ page }).include("main").analyze()).violations).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`project-${width}.png`), fullPage: true });
  });
}
