import { expect, test } from "@playwright/test";
import { api, box, importDocument, openEditor, person, removeImported, row, save, segmentsOf } from "./editor-world";

test.afterAll(removeImported);

// Several people, each made with the command line and signed in: more than the default 30 s on this machine.
test.describe.configure({ timeout: 120_000 });

const PARAGRAPHS = ["Перший абзац.", "Другий абзац.", "Третій абзац."];

test("approved and reviewed paragraphs are locked for translators, on screen and on the server", async ({
  page,
  browser,
}) => {
  const id = importDocument(`Approved work ${Date.now()}`, PARAGRAPHS);
  await openEditor(page, id);
  const [first, second] = await segmentsOf(page, id);
  await save(page, first.id, "The first paragraph.", "approved");
  await save(page, second.id, "The second paragraph.", "reviewed");

  const translator = await person(browser, "translator", "Tamara Translator");
  const tp = translator.page;
  await openEditor(tp, id);
  for (const [position, reason] of [
    [1, "Approved: only a reviewer or an owner can change it now"],
    [2, "Reviewed: only a reviewer or an owner can change it now"],
  ] as const) {
    await expect(box(tp, position)).toHaveAttribute("readonly", "");
    await expect(row(tp, position).getByTestId("lock-badge")).toHaveText("🔒 Locked");
    await expect(row(tp, position).getByTestId("cell-reason")).toContainText(reason);
    await expect(row(tp, position).getByRole("button", { name: "Confirm" })).toHaveCount(0);
  }
  await box(tp, 1).press("End");
  await box(tp, 1).pressSequentially(" More");
  await expect(box(tp, 1)).toHaveValue("The first paragraph.");
  // The third is not decided: open as usual.
  await expect(box(tp, 3)).not.toHaveAttribute("readonly", "");

  // The server refuses the same edit, with the reason in the asker's language: the interface language
  // chosen in the app (its cookie) comes before Accept-Language.
  const url = `/api/v1/segments/${first.id}/translations/en`;
  const origin = new URL(tp.url()).origin;
  await translator.context.addCookies([{ name: "parallel-lng", value: "uk", url: origin }]);
  const refused = await tp.request.put(url, {
    data: { text: "Changed anyway.", baseVersion: 1 },
    headers: { Origin: origin, "Accept-Language": "en" },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toMatchObject({
    code: "forbidden",
    message:
      "Цей абзац уже перевірено або затверджено, тож для перекладачів він заблокований. Рецензент може повернути його на доопрацювання, а власник — розблокувати.",
  });
  expect((await segmentsOf(page, id))[0].translation).toMatchObject({
    text: "The first paragraph.",
    status: "approved",
  });
  await translator.context.close();
});

test("the project setting lets translators change approved paragraphs; an owner unlocks a single one", async ({
  page,
  browser,
}) => {
  const id = importDocument(`Unlocking ${Date.now()}`, PARAGRAPHS);
  await openEditor(page, id);
  const [first, second] = await segmentsOf(page, id);
  await save(page, first.id, "The first paragraph.", "approved");
  await save(page, second.id, "The second paragraph.", "approved");
  await page.reload();
  const translator = await person(browser, "translator", "Tamara Translator");
  const tp = translator.page;

  // An owner unlocks paragraph 2 from its menu: the decision is taken back, as a version in its history.
  await row(page, 2).getByTestId("cell-menu").click();
  await page.getByRole("menuitem", { name: "Unlock for translators" }).click();
  await expect(row(page, 2).getByTestId("status")).toHaveText("Translated");
  await openEditor(tp, id);
  await expect(box(tp, 1)).toHaveAttribute("readonly", "");
  await box(tp, 2).fill("The second paragraph, fixed.");
  await expect(row(tp, 2).getByTestId("status")).toHaveText("Draft");
  await expect(row(tp, 2).getByTestId("save-state")).toHaveText("Saved");
  await box(tp, 2).press("Alt+r");
  const history = tp.getByRole("complementary", { name: /History of paragraph 2/ });
  await expect(history.getByTestId("revision").nth(1)).toContainText("Translated");
  await expect(history.getByTestId("revision").nth(1)).toContainText("Olena Owner");

  // The setting "Translators may change approved paragraphs" (off by default) lifts the lock.
  const members = async (on: boolean) => {
    await page.goto("/en");
    await page.getByRole("link", { name: "Settings" }).first().click();
    const checkbox = page.getByLabel("Translators may change approved paragraphs");
    if (on) await checkbox.check();
    else await checkbox.uncheck();
    // The permissions section is a form of its own on the project's settings page.
    const form = page.locator("form", { has: checkbox });
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByText("Saved.")).toBeVisible();
  };
  await members(true);
  try {
    await tp.reload();
    await expect(box(tp, 1)).not.toHaveAttribute("readonly", "");
    await box(tp, 1).fill("The first paragraph, improved.");
    await expect(row(tp, 1).getByTestId("status")).toHaveText("Draft");
    await expect(row(tp, 1).getByTestId("save-state")).toHaveText("Saved");
  } finally {
    await members(false);
  }
  const after = await api(page, "GET", `/api/v1/documents/${id}/segments?target=en`);
  expect(after.json.segments[0].translation).toMatchObject({ text: "The first paragraph, improved.", status: "draft" });
  await translator.context.close();
});

test("a reviewer who approves a draft the translator never confirmed is asked first", async ({ page, browser }) => {
  const id = importDocument(`Approving drafts ${Date.now()}`, PARAGRAPHS);
  await openEditor(page, id);
  const [first, second] = await segmentsOf(page, id);
  await save(page, first.id, "Still a draft.");
  await save(page, second.id, "Confirmed by the translator.", "translated");
  const reviewer = await person(browser, "reviewer", "Roman Reviewer");
  const rp = reviewer.page;
  await openEditor(rp, id);

  await row(rp, 1).getByRole("button", { name: "Approve" }).click();
  const question = row(rp, 1).getByTestId("confirm-draft");
  await expect(question).toContainText("This translation is a draft: the translator has not confirmed it yet.");
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(row(rp, 1).getByTestId("status")).toHaveText("Draft");
  // By keyboard too: Ctrl+Enter on the text asks, and the answer approves.
  await row(rp, 1).getByTestId("target").focus();
  await rp.keyboard.press("Control+Enter");
  await expect(question.getByRole("button", { name: "Approve the draft" })).toBeFocused();
  await rp.keyboard.press("Enter");
  await expect(row(rp, 1).getByTestId("status")).toHaveText("Approved");
  // A confirmed translation is approved at once.
  await row(rp, 2).getByRole("button", { name: "Approve" }).click();
  await expect(row(rp, 2).getByTestId("status")).toHaveText("Approved");
  await expect(row(rp, 2).getByTestId("confirm-draft")).toHaveCount(0);
  await reviewer.context.close();
});
