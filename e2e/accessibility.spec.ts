// axe-core over the pages people work in, as the owner sees them (every control present) and with
// every status, error severity, send-back and unread mention on screen: no serious or critical
// violation of WCAG 2.2 A/AA (text contrast ≥ 4.5:1 among them), and every button or link outside
// running text at least 24×24 px.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { inviteAndJoin } from "./helpers";
import { addNote, decide, importText, removeDocuments, saveAs } from "./review-data";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
// Playwright sets things up again in a new worker after a failure: names of their own each time.
const run = Date.now().toString(36);
const TITLE = `Accessibility check ${run}`;
const REVIEWER = { name: "Ada Auditor", email: `ada-${run}@parallel.test`, password: "auditor-pass-1" };

let documentId: string;

/** The demo project's pages (the document's project), each with words its main heading holds. */
async function projectPages(page: Page): Promise<[string, string | RegExp][]> {
  await page.goto("/en");
  const members = await page.getByRole("link", { name: "Members" }).first().getAttribute("href");
  const project = members!.replace(/\/members$/, "");
  return [
    [project, /./],
    [`${project}/glossary`, "Glossary:"],
    [`${project}/memories`, "Translation memories:"],
    [`${project}/qa-settings`, "Quality checks of"],
    [`${project}/import`, "Import a file"],
    [`${project}/settings`, "Settings of"],
  ];
}

/** Serious and critical violations on the page as it is, one readable line per element. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary ?? ""}`));
}

/** Buttons and links that are not words inside a sentence, smaller than 24×24 px. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const inText = (el: HTMLElement) => el.tagName === "A" && el.parentElement?.tagName === "P";
    // A checkbox or radio button inside its label is clicked through the whole label.
    const target = (el: HTMLElement) => (el.tagName === "INPUT" ? (el.closest("label") ?? el) : el);
    return [...document.querySelectorAll<HTMLElement>("button, a, input[type=checkbox], input[type=radio], select")]
      .filter((el) => el.offsetParent !== null && !inText(el) && !el.classList.contains("skip"))
      .map((el) => ({
        what: `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`,
        box: target(el).getBoundingClientRect(),
      }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ what, box }) => `${what}: ${Math.round(box.width)}×${Math.round(box.height)}`);
  });
}

async function check(page: Page, name: string) {
  expect.soft([name, await violations(page)]).toEqual([name, []]);
  expect.soft([name, await smallTargets(page)]).toEqual([name, []]);
}

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(120_000);
  const context = await browser.newContext({ storageState: ".e2e/owner.json" });
  const page = await context.newPage();
  await page.goto("/en");
  const doc = await importText(page, TITLE, [
    "Агентство у справах державної служби.",
    "Чернетка перекладу.",
    "Перекладений абзац.",
    "Перевірений абзац.",
    "Затверджений абзац.",
    "Відхилений абзац.",
    "- пункт списку",
  ]);
  documentId = doc.documentId;
  const [, draft, translated, reviewed, approved, rejected, item] = doc.segmentIds;
  await saveAs(page, draft, "A draft translation.", "draft");
  await saveAs(page, translated, "A translated paragraph.", "translated");
  await saveAs(page, reviewed, "A reviewed paragraph.", "reviewed");
  await saveAs(page, approved, "An approved paragraph.", "approved");
  await saveAs(page, rejected, "A rejected paragraph.", "translated");
  await saveAs(page, item, "a list item", "translated");
  await addNote(page, translated, {
    body: "Terminology",
    lang: "en",
    anchor: { side: "target", start: 2, end: 12 },
    category: "terminology",
    severity: "major",
  });
  await addNote(page, approved, { body: "Omission", lang: "en", category: "accuracy.omission", severity: "critical" });
  await addNote(page, item, { body: "Spelling", lang: "en", category: "fluency.spelling", severity: "minor" });
  // A reviewer sends a paragraph back to the owner (its translator) and mentions them: the inbox has both, unread.
  const reviewer = await inviteAndJoin(page, browser, REVIEWER, "reviewer");
  await reviewer.page.goto("/en");
  await decide(reviewer.page, rejected, "rejected", "Check the verb.");
  await addNote(reviewer.page, draft, { body: "@Olena Owner please look", lang: "en" });
  await reviewer.context.close();
  await context.close();
});

test.afterAll(() => removeDocuments([documentId]));

test.describe("accessibility (axe-core)", () => {
  test("home, inbox and account", async ({ page }) => {
    for (const path of ["/en", "/en/mentions", "/en/account"]) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      await check(page, path);
    }
    await expect(page.getByTestId("unread-count")).toBeVisible();
  });

  test("the editor, and review mode", async ({ page }) => {
    await page.goto(`/en/documents/${documentId}`);
    await expect(page.getByTestId("segment")).toHaveCount(7);
    await check(page, "editor");
    await page.getByLabel("Review mode").check();
    await expect(page.getByTestId("review-controls").first()).toBeVisible();
    await check(page, "review mode");
  });

  test("quality report, export and members", async ({ page }) => {
    await page.goto(`/en/documents/${documentId}/quality?target=en`);
    await expect(page.getByTestId("quality-errors")).toBeVisible();
    await check(page, "quality");

    await page.goto(`/en/documents/${documentId}/export`);
    await expect(page.getByTestId("export-form")).toBeVisible();
    await check(page, "export");
    // With the one-language conflict and the untranslated-paragraphs choice shown, too.
    await page.getByLabel(/Plain text: translation only/).check();
    await expect(page.getByTestId("export-conflict")).not.toBeEmpty();
    await check(page, "export, one language only");

    await page.goto("/en");
    await page.getByRole("link", { name: "Members" }).first().click();
    await expect(page.getByRole("heading", { name: /Members of/ })).toBeVisible();
    await check(page, "members");
  });

  test("the project's own pages: overview, glossary, memories, quality settings, import and settings", async ({
    page,
  }) => {
    for (const [path, heading] of await projectPages(page)) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
      await check(page, path);
      // A checkbox starts its label's line, beside its words (in a form's column layout it once sat
      // centred above them).
      const misplaced = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLInputElement>("label > input[type=checkbox]")]
          .filter((box) => box.offsetParent !== null)
          .filter((box) => {
            const label = box.parentElement!.getBoundingClientRect();
            const own = box.getBoundingClientRect();
            return own.left - label.left > 4 || own.top - label.top > label.height / 2;
          })
          .map((box) => box.parentElement!.textContent?.trim().slice(0, 40)),
      );
      expect.soft([path, misplaced]).toEqual([path, []]);
    }
  });

  test("no page scrolls sideways, on a phone, a small laptop or a desktop", async ({ page }, testInfo) => {
    // Twelve pages at three sizes, each with a full-page screenshot.
    testInfo.setTimeout(150_000);
    await page.goto("/en");
    const members = await page.getByRole("link", { name: "Members" }).first().getAttribute("href");
    const paths = [
      "/en",
      "/en/mentions",
      "/en/account",
      `/en/documents/${documentId}/quality?target=en`,
      `/en/documents/${documentId}/export`,
      members!,
      ...(await projectPages(page)).map(([path]) => path),
    ];
    for (const [width, height] of [
      [390, 844],
      [1024, 768],
      [1440, 900],
    ]) {
      await page.setViewportSize({ width, height });
      for (const path of paths) {
        await page.goto(path);
        await expect(page.getByRole("main")).toBeVisible();
        const overflow = await page.evaluate(() =>
          Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
        );
        expect.soft([path, width, overflow]).toEqual([path, width, 0]);
        const name = `${width}-${path.split("?")[0].replace(/[^a-z0-9]+/gi, "-")}.png`;
        await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
      }
    }
  });
});
