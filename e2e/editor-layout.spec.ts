import { expect, type Page, test } from "@playwright/test";
import { box, importDocument, openEditor, removeImported, row, save, segmentsOf } from "./editor-world";

test.afterAll(removeImported);

const LONG =
  "Важливу роль у модернізації державної служби Казахстану відіграло створення в березні 2013 року в м. Астана " +
  "Регіонального хаба у сфері державної служби, довгострокового проекту між ООН та Агентством у справах державної служби.";
const PARAGRAPHS = Array.from({ length: 10 }, (_, i) => `${i + 1}. ${LONG}`);

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** The rows of distinct tops among the visible controls and texts of the editor's header lines. */
async function headerLines(page: Page) {
  return page.evaluate(() => {
    const tops: number[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(".editor-title-line > *, .editor-tools > *")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const middle = box.top + box.height / 2;
      if (!tops.some((t) => Math.abs(t - middle) < 12)) tops.push(middle);
    }
    return tops.length;
  });
}

test.describe("at 1024 × 768", () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test("the header is sticky and two lines high, nothing shows through above the column heads, side panels dock beside the rows", async ({
    page,
  }) => {
    const id = importDocument(`Layout ${Date.now()}`, PARAGRAPHS);
    await openEditor(page, id);
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await headerLines(page)).toBeLessThanOrEqual(2);
    // With a search on (its counter and step buttons join the line), still two lines, and the query
    // stays readable: the filters give way, not the search box.
    const search = page.getByRole("searchbox", { name: "Find in source and translation" });
    await search.fill("державної служби");
    await expect(page.getByTestId("find-count")).toHaveText("Matches: 30");
    expect(await headerLines(page)).toBeLessThanOrEqual(2);
    expect(await noSidewaysScroll(page)).toBe(true);
    expect((await search.boundingBox())?.width).toBeGreaterThanOrEqual(120);
    await search.fill("");

    await page.mouse.wheel(0, 900);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    const gaps = await page.evaluate(() => {
      const head = document.querySelector(".editor-head")!.getBoundingClientRect();
      const header = document.querySelector(".editor-header")!.getBoundingClientRect();
      const found: string[] = [];
      // Every point above the column heads belongs to the top bar, the editor's header or the heads.
      for (let y = 1; y < head.bottom - 1; y += 4) {
        for (const x of [30, 300, 600, 900]) {
          const el = document.elementFromPoint(x, y);
          if (!el?.closest(".topbar, .editor-header, .editor-head")) found.push(`${x},${y}: ${el?.className}`);
        }
      }
      return { found, headerBottom: header.bottom, headTop: head.top };
    });
    expect(gaps.found).toEqual([]);
    expect(Math.abs(gaps.headTop - gaps.headerBottom)).toBeLessThanOrEqual(1);
    await expect(page.getByRole("searchbox", { name: "Find in source and translation" })).toBeInViewport();

    // A side panel opens in a column to the right of the rows, never over them, beside its paragraph.
    await row(page, 6).getByTestId("notes-button").click();
    const panel = page.getByRole("complementary", { name: "Notes on paragraph 6" });
    await expect(panel).toBeVisible();
    const layout = await page.evaluate(() => {
      const aside = document.querySelector(".side-column")!.getBoundingClientRect();
      const cells = [...document.querySelectorAll(".editor-row [role=cell]")].map((c) => c.getBoundingClientRect());
      return { asideLeft: aside.left, cellsRight: Math.max(...cells.map((c) => c.right)) };
    });
    expect(layout.cellsRight).toBeLessThanOrEqual(layout.asideLeft);
    await expect(box(page, 6)).toBeInViewport();
    expect(await noSidewaysScroll(page)).toBe(true);

    // It is resizable (here by keyboard) and keeps its width.
    const width = async () => (await page.locator(".side-column").boundingBox())?.width ?? 0;
    const before = await width();
    await page.getByRole("separator", { name: "Side panel width" }).focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(width).toBeCloseTo(before + 32, 0);
    await box(page, 6).click();
    await page.keyboard.press("Alt+r");
    await expect(page.getByRole("complementary", { name: /History of paragraph 6/ })).toBeVisible();
    await page.reload();
    await box(page, 2).click();
    await page.keyboard.press("Alt+n");
    await expect(page.getByRole("complementary", { name: "Notes on paragraph 2" })).toBeVisible();
    await expect.poll(width).toBeCloseTo(before + 32, 0);
    // It follows the paragraph in focus.
    await box(page, 2).press("Control+ArrowDown");
    await expect(page.getByRole("complementary", { name: "Notes on paragraph 3" })).toBeVisible();
  });

  test("while the live connection is opened or opened again, its longer label gives way and the tool line still fits", async ({
    page,
  }) => {
    // No stream ever answers: the header says "Connecting…", then "Reconnecting…" once it is refused.
    let refuse = false;
    await page.route("**/events**", (route) => (refuse ? route.abort() : new Promise(() => {})));
    const id = importDocument(`Layout live ${Date.now()}`, PARAGRAPHS);
    await openEditor(page, id);
    const state = page.getByTestId("live-status").getByRole("status");
    await expect(state).toHaveText("Connecting…");
    await page.getByRole("searchbox", { name: "Find in source and translation" }).fill("державної служби");
    await expect(page.getByTestId("find-count")).toHaveText("Matches: 30");
    expect(await noSidewaysScroll(page)).toBe(true);
    await expect(page.getByRole("button", { name: "More" })).toBeInViewport({ ratio: 1 });
    refuse = true;
    await page.reload();
    await expect(state).toHaveText("Reconnecting…", { timeout: 15_000 });
    await page.getByRole("searchbox", { name: "Find in source and translation" }).fill("державної служби");
    await expect(page.getByTestId("find-count")).toHaveText("Matches: 30");
    expect(await noSidewaysScroll(page)).toBe(true);
    await expect(page.getByRole("button", { name: "More" })).toBeInViewport({ ratio: 1 });
    // The whole label is still there for whoever hovers it or reads it with a screen reader.
    await expect(state).toHaveAttribute("title", /The live connection was lost/);
  });
});

test("one tab stop per paragraph; a paragraph's actions by shortcut or its menu (Shift+F10), all in the shortcut list", async ({
  page,
}) => {
  const id = importDocument(`Tab stops ${Date.now()}`, PARAGRAPHS.slice(0, 4));
  await openEditor(page, id);
  await box(page, 1).click();
  // The owner may edit the source: each paragraph's source tools are its one other stop, before its translation.
  await page.keyboard.press("Tab");
  await expect(row(page, 2).getByRole("button", { name: "Source tools of paragraph 2" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(box(page, 2)).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(box(page, 3)).toBeFocused();

  await box(page, 3).press("Shift+F10");
  const menu = page.getByRole("menu", { name: "Actions for paragraph 3 (English)" });
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await expect(menu.getByRole("menuitem", { name: /Copy source/ })).toContainText("Ctrl+Insert");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(box(page, 3)).toBeFocused();
  await box(page, 3).press("Shift+F10");
  await menu.getByRole("menuitem", { name: /Copy source/ }).click();
  await expect(box(page, 3)).toHaveValue(PARAGRAPHS[2]);

  await page.getByRole("heading", { name: /Tab stops/ }).click();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  for (const keys of ["Shift+F10", "Alt+N", "Alt+R", "Alt+A", "Ctrl+H", "Alt+M", "Alt+Enter"])
    await expect(dialog.locator("kbd", { hasText: keys }).first()).toBeVisible();
});

test("three columns: progress for each language, the buttons of a paragraph on one line", async ({ page }) => {
  const id = importDocument(`Three columns ${Date.now()}`, PARAGRAPHS.slice(0, 3));
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    await openEditor(page, id, "?target=en,kk");
    await expect(page.getByRole("group", { name: "Progress (English)" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Progress (Kazakh)" })).toBeVisible();
    expect(await headerLines(page)).toBeLessThanOrEqual(2);
    const lines = await page.evaluate(() =>
      [...document.querySelectorAll(".cell-bar")].map((bar) => {
        const tops = [...bar.querySelectorAll("button, .status-badge")].map((b) =>
          Math.round(b.getBoundingClientRect().top),
        );
        return Math.max(...tops) - Math.min(...tops);
      }),
    );
    expect(lines.length).toBe(6);
    for (const spread of lines) expect(spread).toBeLessThanOrEqual(4);
    expect(await noSidewaysScroll(page)).toBe(true);
  }
});

test("Kazakh in Latin letters keeps each paragraph's status and actions, with the reason it is read-only", async ({
  page,
}) => {
  const id = importDocument(`Latin view ${Date.now()}`, PARAGRAPHS.slice(0, 2));
  await openEditor(page, id, "?target=kk");
  const [first] = await segmentsOf(page, id, "kk");
  await save(page, first.id, "Мемлекеттік қызмет", "translated", "kk");
  await page.reload();
  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Show Kazakh in Latin letters (2021 alphabet)" }).click();
  await expect(row(page, 1).getByTestId("target-latin")).toHaveText("Memlekettık qyzmet");
  await expect(row(page, 1).getByTestId("status")).toHaveText("Translated");
  await expect(row(page, 1).getByTestId("cell-reason")).toContainText("Shown in Latin letters, read-only");
  await row(page, 1).getByTestId("cell-menu").click();
  await page.getByRole("menuitem", { name: /History/ }).click();
  await expect(page.getByRole("complementary", { name: /History of paragraph 1/ })).toBeVisible();
});

test.describe("on a 390 × 844 phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("nothing scrolls sideways, each source is above its translation, the top bar folds into a menu", async ({
    page,
  }) => {
    const id = importDocument(`Phone ${Date.now()}`, PARAGRAPHS.slice(0, 4));
    await page.goto("/en");
    expect(await noSidewaysScroll(page)).toBe(true);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

    for (const query of ["", "?target=en,kk"]) {
      await openEditor(page, id, query);
      expect(await noSidewaysScroll(page)).toBe(true);
      const source = (await row(page, 1).getByTestId("source").boundingBox())!;
      const translation = (await box(page, 1).boundingBox())!;
      expect(translation.y).toBeGreaterThan(source.y + source.height - 1);
      expect(translation.width).toBeGreaterThan(300);
    }
    await page.getByRole("button", { name: "Tools", exact: true }).click();
    await expect(page.getByRole("combobox", { name: "Status" })).toBeVisible();
    expect(await noSidewaysScroll(page)).toBe(true);
    await row(page, 2).getByTestId("notes-button").click();
    await expect(page.getByRole("complementary", { name: "Notes on paragraph 2" })).toBeVisible();
    await expect(box(page, 2)).toBeInViewport();
    expect(await noSidewaysScroll(page)).toBe(true);
  });
});
