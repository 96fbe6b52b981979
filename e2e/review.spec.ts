import { expect, type Page, test } from "@playwright/test";
import { DEMO_DOC, inviteAndJoin } from "./helpers";

const REVIEWER = { name: "Rita Reviewer", email: "rita@parallel.test", password: "reviewer-pass-1" };
const TRANSLATOR = { name: "Ivan Translator", email: "ivan@parallel.test", password: "translator-pass-2" };
const row = (page: Page, position: number) => page.locator(`[data-testid="segment"][data-position="${position}"]`);

async function openDoc(page: Page) {
  await page.goto("/en");
  await page.getByRole("link", { name: DEMO_DOC }).click();
  await expect(page.getByTestId("segment")).toHaveCount(11);
}

/** Selects characters [start, end) of an element's text, as a mouse drag would, and releases the mouse. */
async function selectText(page: Page, selector: string, words: string) {
  await page.locator(selector).evaluate((el, target) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let offset = 0;
    const full = el.textContent ?? "";
    const start = full.indexOf(target);
    const end = start + target.length;
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const len = node.textContent?.length ?? 0;
      if (start >= offset && start <= offset + len) range.setStart(node, start - offset);
      if (end >= offset && end <= offset + len) {
        range.setEnd(node, end - offset);
        break;
      }
      offset += len;
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    el.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }, words);
}

test("review: a span note with a category, a reply, resolve, re-anchoring, and a rejection that needs a reason", async ({
  page,
  browser,
}) => {
  // Two invitations, three browsers and a dozen steps: past 30 s on the shared machine (the steps pass).
  test.setTimeout(90_000);
  const translator = await inviteAndJoin(page, browser, TRANSLATOR, "translator");
  const reviewer = await inviteAndJoin(page, browser, REVIEWER, "reviewer");
  const tp = translator.page;
  const rp = reviewer.page;

  await openDoc(tp);
  const box = tp.getByRole("textbox", { name: "Translation of paragraph 9 into English" });
  await box.fill("Now the Regional Hub is at stage 2 of its work.");
  await box.press("Control+Enter");
  await expect(row(tp, 9).getByTestId("status")).toHaveText("Translated");

  // The reviewer selects words in the translation and files a terminology error on them.
  await openDoc(rp);
  await expect(row(rp, 9).getByTestId("target")).toHaveText("Now the Regional Hub is at stage 2 of its work.");
  await selectText(rp, '[data-position="9"] [data-testid="target"]', "Regional Hub");
  await row(rp, 9).getByRole("button", { name: "Note on selection" }).click();
  const panel = rp.getByRole("complementary", { name: "Notes on paragraph 9" });
  await expect(panel).toContainText("On: «Regional Hub»");
  await panel
    .getByLabel("Note", { exact: true })
    .fill("Use the official term: Regional Hub of Civil Service. @Ivan Translator");
  await panel.getByLabel("Error category").selectOption("terminology");
  await panel.getByLabel("Severity").selectOption("major");
  await panel.getByRole("button", { name: "Add note" }).click();
  await expect(panel.getByTestId("thread")).toHaveCount(1);
  await expect(row(rp, 9).locator("mark")).toHaveText("Regional Hub");

  // The translator sees the highlight, finds the mention, replies.
  await tp.reload();
  await expect(row(tp, 9).getByTestId("target-highlights").locator("mark")).toHaveText("Regional Hub");
  await tp.goto("/en/mentions");
  await expect(tp.getByTestId("mention")).toContainText("Use the official term");
  await openDoc(tp);
  await row(tp, 9).getByTestId("notes-button").click();
  const tPanel = tp.getByRole("complementary", { name: "Notes on paragraph 9" });
  await tPanel.getByLabel("Reply").fill("Fixed below, thanks.");
  await tPanel.getByRole("button", { name: "Reply" }).click();
  await expect(tPanel.getByTestId("reply")).toContainText("Fixed below, thanks.");

  // Typing before the span: the highlight stays on the same words, live and after a reload.
  const tbox = tp.getByRole("textbox", { name: "Translation of paragraph 9 into English" });
  await tbox.fill("Today, now the Regional Hub is at stage 2 of its work.");
  await expect(row(tp, 9).getByTestId("target-highlights").locator("mark")).toHaveText("Regional Hub");
  await tbox.press("Control+Enter");
  await expect(row(tp, 9).getByTestId("status")).toHaveText("Translated");
  await expect(row(tp, 9).getByTestId("save-state")).toHaveText("Saved");
  await tp.reload();
  await expect(row(tp, 9).getByTestId("target-highlights").locator("mark")).toHaveText("Regional Hub");

  // The reviewer resolves the thread.
  await rp.reload();
  await row(rp, 9).getByTestId("notes-button").click();
  const rPanel = rp.getByRole("complementary", { name: "Notes on paragraph 9" });
  await expect(rPanel.getByTestId("reply")).toContainText("Fixed below, thanks.");
  await rPanel.getByRole("button", { name: "Resolve" }).click();
  await expect(rPanel.getByText("Resolved by Rita Reviewer")).toBeVisible();
  await rPanel.getByRole("button", { name: "Close" }).click();
  await expect(row(rp, 9).locator("mark")).toHaveCount(0);

  // Review mode: what changed since the last decision; sending back needs a reason.
  await rp.getByLabel("Review mode").check();
  await expect(row(rp, 9).getByTestId("review-controls")).toContainText("Not reviewed before");
  await row(rp, 9).getByRole("button", { name: "Send back" }).click();
  await row(rp, 9).getByRole("button", { name: "Send back with this reason" }).click();
  await expect(rp.getByRole("main").getByRole("alert").first()).toHaveText("Say why the translation is sent back.");
  await expect(row(rp, 9).getByTestId("status")).toHaveText("Translated");
  await row(rp, 9).getByLabel("Why is it sent back?").fill("«Today» is not in the source.");
  await row(rp, 9).getByRole("button", { name: "Send back with this reason" }).click();
  await expect(row(rp, 9).getByTestId("status")).toHaveText("Rejected");

  // The translator sees it first, with the reason, and fixes it.
  await tp.reload();
  const sentBack = tp.getByRole("region", { name: "Sent back to you (1)" });
  await expect(sentBack).toContainText("Paragraph 9");
  await expect(sentBack).toContainText("«Today» is not in the source.");
  await tbox.fill("Now the Regional Hub is at stage 2 of its work.");
  await tbox.press("Control+Enter");
  await expect(row(tp, 9).getByTestId("status")).toHaveText("Translated");
  // The status shows at once; the reviewer can only see it once the server has it.
  await expect(row(tp, 9).getByTestId("save-state")).toHaveText("Saved");

  // The reviewer sees the change since the rejection and approves with Ctrl+Enter.
  await rp.reload();
  await rp.getByLabel("Review mode").check();
  const controls = row(rp, 9).getByTestId("review-controls");
  await expect(controls).toContainText("Changes since the last review decision");
  await expect(controls.locator("del")).toContainText("Today,");
  await row(rp, 9).getByTestId("target").focus();
  await rp.keyboard.press("Control+Enter");
  await expect(row(rp, 9).getByTestId("status")).toHaveText("Approved");

  // The quality report counts the one major terminology error.
  await rp.goto(`${rp.url().split("?")[0]}/quality?target=en`);
  await expect(rp.getByTestId("errors")).toHaveText("1");
  await expect(rp.getByTestId("points")).toHaveText("5");

  await translator.context.close();
  await reviewer.context.close();
});

test("approve all remaining translated paragraphs, after a confirmation", async ({ page }) => {
  await openDoc(page);
  const box = page.getByRole("textbox", { name: "Translation of paragraph 10 into English" });
  await box.fill("Also planned: conferences.");
  await box.press("Control+Enter");
  await expect(row(page, 10).getByTestId("status")).toHaveText("Translated");
  // The button counts what the page shows; the server approves what it has: wait for the confirm to arrive.
  await expect(row(page, 10).getByTestId("save-state")).toHaveText("Saved");
  await page.getByLabel("Review mode").check();
  // A rarely used action: in the More menu.
  await page.getByRole("button", { name: "More" }).click();
  const item = page.getByRole("menuitem", { name: /Approve all remaining translated/ });
  const count = Number((await item.textContent())?.match(/\((\d+)\)/)?.[1]);
  expect(count).toBeGreaterThan(0);
  await item.click();
  const dialog = page.getByRole("dialog", { name: /Approve all remaining translated/ });
  await expect(dialog).toContainText(`Approve ${count} translated paragraphs in English?`);
  await dialog.getByRole("button", { name: "Approve them" }).click();
  await expect(dialog.getByRole("status")).toHaveText(`${count} paragraphs approved.`);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(row(page, 10).getByTestId("status")).toHaveText("Approved");
  await page.getByRole("button", { name: "More" }).click();
  await expect(page.getByRole("menuitem", { name: "Approve all remaining translated (0)" })).toHaveAttribute(
    "aria-disabled",
    "true",
  );
});
