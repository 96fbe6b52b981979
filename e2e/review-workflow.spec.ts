// The review workflow in the editor, as two translators and an owner see it: highlights that stay on
// the words a translator edits (and say "text changed" when the words are gone, never moving to other
// words), language names on threads, the addressed translator resolving, "Sent back to you" for that
// translator only, and the reason kept in the history once the paragraph is confirmed again.
import { expect, type Page, test } from "@playwright/test";
import { inviteAndJoin } from "./helpers";
import { addNote, decide, importText, removeDocuments, saveAs } from "./review-data";

const run = Date.now().toString(36);
const TARA = { name: "Tara Translator", email: `tara-${run}@parallel.test`, password: "tara-pass-123" };
const TOM = { name: "Tom Second", email: `tom-${run}@parallel.test`, password: "tom-pass-1234" };
const row = (page: Page, position: number) => page.locator(`[data-testid="segment"][data-position="${position}"]`);
const marks = (page: Page, position: number) => row(page, position).getByTestId("target-highlights").locator("mark");
const box = (page: Page, position: number) =>
  page.getByRole("textbox", { name: `Translation of paragraph ${position} into English` });

const made: string[] = [];
test.afterAll(() => removeDocuments(made));

test("anchors follow the translator's edits; the addressee resolves; a send-back goes to its translator only", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.goto("/en");
  const doc = await importText(page, `Workflow check ${run}`, [
    "Цивільна служба і агентство цивільної служби.",
    "Державне агентство працює з офісом державного агентства.",
    "Третій абзац документа.",
  ]);
  made.push(doc.documentId);
  const [s1, s2, s3] = doc.segmentIds;
  const tara = await inviteAndJoin(page, browser, TARA, "translator");
  const tom = await inviteAndJoin(page, browser, TOM, "translator");
  const tp = tara.page;

  // Tara translates; the owner marks words in two paragraphs and sends the third back to her.
  await saveAs(tp, s1, "The civil service and the civil service agency.", "translated");
  await saveAs(tp, s2, "The state agency works with the state agency office.", "translated");
  await saveAs(tp, s3, "Third paragraf of the document.", "translated");
  await addNote(page, s1, {
    body: "Public, not civil.",
    lang: "en",
    anchor: { side: "target", start: 4, end: 17 },
    category: "terminology",
    severity: "minor",
  });
  await addNote(page, s2, {
    body: "Capital A: the Agency.",
    lang: "en",
    anchor: { side: "target", start: 4, end: 16 },
  });
  await decide(page, s3, "rejected", "«paragraf» is misspelt.");

  const editorUrl = `/en/documents/${doc.documentId}`;
  await tp.goto(editorUrl);
  await expect(tp.getByTestId("segment")).toHaveCount(3);
  await expect(marks(tp, 1)).toHaveText("civil service");
  await expect(marks(tp, 2)).toHaveText("state agency");

  // A word typed inside the span: the note stays on the edited span, live and after saving and reloading.
  await box(tp, 1).fill("The civil public service and the civil service agency.");
  await expect(marks(tp, 1)).toHaveText("civil public service");
  await box(tp, 1).press("Control+Enter");
  await expect(row(tp, 1).getByTestId("save-state")).toHaveText("Saved");
  // Fixing the first occurrence of a phrase: the note does not jump to the later one; it says the text changed.
  await box(tp, 2).fill("The Agency works with the state agency office.");
  await expect(marks(tp, 2)).toHaveCount(0);
  await box(tp, 2).press("Control+Enter");
  await expect(row(tp, 2).getByTestId("save-state")).toHaveText("Saved");
  await tp.reload();
  await expect(marks(tp, 1)).toHaveText("civil public service");
  await expect(marks(tp, 2)).toHaveCount(0);
  await row(tp, 2).getByTestId("notes-button").click();
  const panel2 = tp.getByRole("complementary", { name: "Notes on paragraph 2" });
  await expect(panel2.getByTestId("anchor-gone")).toHaveText(
    "Text changed: the words this note was on are gone («state agency»).",
  );
  // Thread labels name the language.
  await expect(panel2.locator(".lang-tag")).toHaveText("English");
  await panel2.getByRole("button", { name: "Close" }).click();

  // Tom, another translator, may not resolve the note addressed to Tara, and is sent nothing back.
  const mp = tom.page;
  await mp.goto(editorUrl);
  await expect(row(mp, 3).getByTestId("status")).toHaveText("Rejected");
  await expect(mp.getByRole("region", { name: /Sent back to you/ })).toHaveCount(0);
  await row(mp, 1).getByTestId("notes-button").click();
  const tomPanel = mp.getByRole("complementary", { name: "Notes on paragraph 1" });
  await expect(tomPanel.getByTestId("thread")).toHaveCount(1);
  await expect(tomPanel.getByRole("button", { name: "Resolve" })).toHaveCount(0);

  // Tara, its addressee, may.
  await row(tp, 1).getByTestId("notes-button").click();
  const panel1 = tp.getByRole("complementary", { name: "Notes on paragraph 1" });
  await panel1.getByRole("button", { name: "Resolve" }).click();
  await expect(panel1.getByText("Resolved by Tara Translator")).toBeVisible();
  await expect(marks(tp, 1)).toHaveCount(0);
  await panel1.getByRole("button", { name: "Close" }).click();

  // The send-back is Tara's: shown with its reason; confirming the fix closes it, the history keeps the reason.
  const sentBack = tp.getByRole("region", { name: "Sent back to you (1)" });
  await expect(sentBack).toContainText("Paragraph 3: «paragraf» is misspelt.");
  await box(tp, 3).fill("Third paragraph of the document.");
  await box(tp, 3).press("Control+Enter");
  await expect(row(tp, 3).getByTestId("status")).toHaveText("Translated");
  await expect(tp.getByRole("region", { name: /Sent back to you/ })).toHaveCount(0);
  await expect(row(tp, 3).getByTestId("save-state")).toHaveText("Saved");
  await tp.reload();
  await expect(tp.getByRole("region", { name: /Sent back to you/ })).toHaveCount(0);
  // History is in the paragraph's menu.
  await row(tp, 3).getByTestId("cell-menu").click();
  await tp.getByRole("menuitem", { name: /History/ }).click();
  const history = tp.getByRole("complementary", { name: "History of paragraph 3 (English)" });
  await expect(history.getByTestId("revision-reason")).toHaveText(
    "With this decision (answered since): «paragraf» is misspelt.",
  );

  await tara.context.close();
  await tom.context.close();
});
