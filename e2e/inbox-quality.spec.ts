// The translator's inbox (mentions and send-backs, unread in the top bar, read once opened) and the
// quality report's reviewed words and error list, in a real browser.
import { expect, test } from "@playwright/test";
import { inviteAndJoin } from "./helpers";
import { addNote, decide, importText, removeDocuments, saveAs } from "./review-data";

const TRANSLATOR = { name: "Inna Inbox", email: "inna@parallel.test", password: "inbox-pass-12" };

const made: string[] = [];
test.afterAll(() => removeDocuments(made));

test("mentions and send-backs show an unread count in the top bar; opening one marks it read", async ({
  page,
  browser,
}) => {
  await page.goto("/en");
  const doc = await importText(page, "Inbox check", ["Перший абзац.", "Другий абзац.", "Третій абзац."]);
  made.push(doc.documentId);
  const translator = await inviteAndJoin(page, browser, TRANSLATOR, "translator");
  const tp = translator.page;
  await expect(tp.getByTestId("unread-count")).toHaveCount(0);

  // The translator translates; the owner (who may review) sends one back and mentions them on another.
  await saveAs(tp, doc.segmentIds[0], "The first paragraph.", "translated");
  await saveAs(tp, doc.segmentIds[1], "The second paragraph.", "translated");
  await decide(page, doc.segmentIds[0], "rejected", "«The» is not needed here.");
  await addNote(page, doc.segmentIds[1], { body: "@Inna Inbox is «second» right?", lang: "en" });

  await tp.goto("/en");
  const badge = tp.getByRole("banner").getByTestId("unread-count");
  await expect(badge).toHaveText("2Unread: 2");
  await tp.getByTestId("inbox-link").click();
  await expect(tp.getByRole("heading", { name: "Inbox" })).toBeVisible();
  const sentBack = tp.getByTestId("sent-back");
  await expect(sentBack).toHaveCount(1);
  await expect(sentBack).toContainText("«The» is not needed here.");
  await expect(sentBack).toContainText("New");
  await expect(tp.getByTestId("mention")).toContainText("is «second» right?");

  // Opening the send-back shows its paragraph and marks it read.
  await sentBack.getByRole("button", { name: "Open in “Inbox check”, paragraph 1" }).click();
  await expect(tp).toHaveURL(new RegExp(`/en/documents/${doc.documentId}\\?target=en#p1$`));
  await expect(tp.getByTestId("segment")).toHaveCount(3);
  await expect(tp.getByRole("banner").getByTestId("unread-count")).toHaveText("1Unread: 1");
  await tp.goto("/en/mentions");
  await expect(tp.getByTestId("sent-back")).not.toContainText("New");
  await expect(tp.getByTestId("mention")).toContainText("New");

  // "Mark all as read" clears the rest; confirming the paragraph again closes the send-back.
  await tp.getByRole("button", { name: "Mark all as read" }).click();
  await expect(tp.getByRole("banner").getByTestId("unread-count")).toHaveCount(0);
  await saveAs(tp, doc.segmentIds[0], "First paragraph.", "translated");
  await tp.reload();
  await expect(tp.getByTestId("sent-back")).toHaveCount(0);
  await expect(tp.getByText("Nothing is sent back to you.")).toBeVisible();
  await translator.context.close();
});

test("the quality report counts the reviewed words, says their share, and lists every error", async ({ page }) => {
  await page.goto("/en");
  const doc = await importText(page, "Quality check", [
    "Перший абзац документа.",
    "Другий абзац документа.",
    "Третій абзац, ніхто не перевіряв.",
  ]);
  made.push(doc.documentId);
  await saveAs(page, doc.segmentIds[0], "The first paragraph of the document.", "approved");
  await saveAs(page, doc.segmentIds[1], "The second paragraph.", "translated");
  await saveAs(page, doc.segmentIds[2], "Nobody reviewed the third.", "translated");
  await addNote(page, doc.segmentIds[1], {
    body: "Omits «of the document»",
    lang: "en",
    anchor: { side: "target", start: 4, end: 10 },
    category: "accuracy.omission",
    severity: "major",
  });
  await page.goto(`/en/documents/${doc.documentId}/quality?target=en`);
  // Paragraphs 1 (approved) and 2 (an error): 3 + 3 of the document's 3 + 3 + 5 words.
  await expect(page.getByTestId("words")).toHaveText("6 of 11 words (54.5%)");
  await expect(page.getByTestId("points")).toHaveText("5");
  await expect(page.getByTestId("penalty")).toHaveText("833.33");
  const errors = page.getByTestId("quality-errors");
  await expect(errors.getByRole("row")).toHaveCount(2);
  await expect(errors.getByRole("row").nth(1)).toHaveText(
    ["2", "second", "Accuracy: omission", "Major (5)", "Olena Owner", "Open"].join(""),
  );
  await errors.getByRole("link", { name: "Paragraph 2" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/documents/${doc.documentId}\\?target=en#p2$`));
});
