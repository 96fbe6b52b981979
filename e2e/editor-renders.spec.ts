// Typing in one paragraph redraws that paragraph only: the rows share one context object that stays
// the same while typing (row-context.ts), so React skips every other memoised row. Counted from React
// itself: a stand-in for the DevTools hook sees every commit, and a row counts as drawn again when
// React gave it a new props object (a memoised row that is skipped keeps the object it had).
import { expect, type Page, test } from "@playwright/test";
import { importLines } from "./helpers";
import { removeDocuments } from "./review-data";

const LINES = Array.from({ length: 12 }, (_, i) => `Абзац номер ${i + 1} про державну службу.`);
const made: string[] = [];
test.afterAll(() => removeDocuments(made));

/** Before React loads: a minimal DevTools hook that counts, per segment id, the rows React drew. */
function countRowRenders() {
  const w = window as unknown as Record<string, unknown>;
  const renders: Record<string, number> = {};
  const lastProps = new Map<string, unknown>();
  const why: Record<string, string[]> = {};
  w.__rowRenders = renders;
  w.__rowRendersWhy = why;
  type Fiber = { child: Fiber | null; sibling: Fiber | null; memoizedProps: unknown };
  const visit = (root: Fiber) => {
    const stack: Fiber[] = [root];
    while (stack.length) {
      const fiber = stack.pop() as Fiber;
      const props = fiber.memoizedProps as { row?: { id?: string; cells?: unknown }; currentFind?: unknown } | null;
      // A SegmentRow: the one component given a whole row and the current find match.
      if (props && typeof props === "object" && props.row?.cells && "currentFind" in props) {
        const id = props.row.id as string;
        const before = lastProps.get(id) as Record<string, unknown> | undefined;
        if (before !== props) {
          renders[id] = (renders[id] ?? 0) + 1;
          // Which props were new, to say why a row was drawn (ctx: what all rows share).
          const now = props as Record<string, unknown>;
          const newer = (a: Record<string, unknown>, b: Record<string, unknown>) =>
            Object.keys(b).filter((k) => a[k] !== b[k]);
          const changed = before
            ? newer(before, now).flatMap((k) =>
                k === "ctx" && before.ctx && now.ctx
                  ? newer(before.ctx as Record<string, unknown>, now.ctx as Record<string, unknown>).map(
                      (c) => `ctx.${c}`,
                    )
                  : [k],
              )
            : ["mount"];
          why[id] = [...new Set([...(why[id] ?? []), ...changed])];
        }
        lastProps.set(id, props);
      }
      if (fiber.sibling) stack.push(fiber.sibling);
      if (fiber.child) stack.push(fiber.child);
    }
  };
  let renderers = 0;
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    isDisabled: false,
    inject: () => ++renderers,
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => visit(root.current),
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
  };
}

const renders = (page: Page) =>
  page.evaluate(() => ({ ...((window as unknown as { __rowRenders: Record<string, number> }).__rowRenders ?? {}) }));
const whyDrawn = (page: Page) =>
  page.evaluate(() => ({
    ...((window as unknown as { __rowRendersWhy: Record<string, string[]> }).__rowRendersWhy ?? {}),
  }));
const resetRenders = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __rowRenders: Record<string, number>; __rowRendersWhy: Record<string, string[]> };
    for (const key of Object.keys(w.__rowRenders)) delete w.__rowRenders[key];
    for (const key of Object.keys(w.__rowRendersWhy)) delete w.__rowRendersWhy[key];
  });

test("typing in one paragraph redraws no other row", async ({ page }) => {
  const { id, url } = await importLines(page, "Rows drawn while typing", LINES);
  made.push(id);
  await page.addInitScript(countRowRenders);
  await page.goto(url);
  await expect(page.getByTestId("segment")).toHaveCount(LINES.length);
  await expect(page.getByTestId("live-status").getByRole("status")).toHaveText("Live");
  const rowIds = await page
    .getByTestId("segment")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-segment-id")));
  // The counter sees the rows React drew on the way in.
  expect(Object.keys(await renders(page)).sort()).toEqual([...rowIds].sort());

  const typed = rowIds[4] as string;
  const box = page.getByRole("textbox", { name: "Translation of paragraph 5 into English" });
  const saveState = page.locator(`[data-segment-id="${typed}"] [data-testid="cell-en"] [data-testid="save-state"]`);
  // The first edit and its save first: what the editor starts only then (the quality check, the
  // match panel) has started; what is counted is typing itself.
  await box.click();
  await box.pressSequentially("P", { delay: 30 });
  await expect(saveState).toHaveText("Saved");
  await resetRenders(page);
  await box.pressSequentially("aragraph five", { delay: 30 });
  await expect(saveState).toHaveText("Saved");

  const counted = await renders(page);
  // The row typed in was drawn at each keystroke (so the counter works)…
  expect(counted[typed] ?? 0).toBeGreaterThanOrEqual("aragraph five".length);
  // …and no other row was drawn at all (the props named are those that were new when one was).
  const why = await whyDrawn(page);
  const others = Object.fromEntries(
    Object.keys(counted)
      .filter((rowId) => rowId !== typed)
      .map((rowId) => [rowId, { times: counted[rowId], props: why[rowId] }]),
  );
  expect(others).toEqual({});
});
