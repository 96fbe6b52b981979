// Projects and documents of one's own (issue #13), as a new team would try them in its first hour:
// a project created with English and Kazakh, a file imported into it, the document renamed, trashed
// and restored, its source updated (preview, then "source changed" with a word diff), a paragraph
// split and merged back, and the home page listing the project for its members only.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { anonymousPage, parallelCli, signIn } from "./helpers";

const PROJECT = "Agency statute (e2e)";
const FIRST = "Агентство діє на підставі статуту.";
const SECOND = "Керівник агентства призначається урядом на п'ять років.";
const SECOND_CHANGED = "Керівник агентства призначається урядом на чотири роки.";
const THIRD = "Статут набирає чинності з дня підписання.";
const ADDED = "Агентство щороку звітує перед урядом.";

const row = (page: Page, position: number) => page.locator(`[data-testid="segment"][data-position="${position}"]`);
const noAxeViolations = async (page: Page) =>
  expect((await new AxeBuilder({ page }).include("main").analyze()).violations).toEqual([]);

test.describe
  .serial("a project of one's own", () => {
    let projectPath = "";
    let documentPath = "";

    test("an administrator creates a project with English and Kazakh; bad languages are refused", async ({ page }) => {
      await page.goto("/en");
      await page.getByRole("link", { name: "New project" }).click();
      await expect(page.getByRole("heading", { name: "New project" })).toBeVisible();
      await noAxeViolations(page);
      await page.getByLabel("Name").fill(PROJECT);
      await page.getByLabel("Description (optional)").fill("The statute, for the English and Kazakh sites.");
      await expect(page.getByLabel("Source language")).toHaveValue("uk");
      const targets = page.getByRole("list", { name: "Target languages" });
      await expect(targets.getByRole("listitem")).toHaveText([/English/, /Kazakh/]);

      // The source among the targets: refused with the reason, nothing created.
      await page.getByLabel("Source language").fill("en");
      await page.getByRole("button", { name: "Create project" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toContainText(
        "en is the source language: it cannot also be a target.",
      );
      await expect(page).toHaveURL(/\/projects\/new$/);

      // A typed tag that is not BCP 47 never joins the list.
      await page.getByLabel("Source language").fill("uk");
      await page.getByLabel("Or type a language tag (BCP 47)").fill("not a tag");
      await page.getByRole("button", { name: "Add", exact: true }).click();
      await expect(page.getByRole("alert").filter({ hasText: "is not a language tag" })).toBeVisible();
      await expect(targets.getByRole("listitem")).toHaveCount(2);

      await page.getByRole("button", { name: "Create project" }).click();
      await expect(page.getByRole("heading", { name: PROJECT })).toBeVisible();
      await expect(page.getByText("Ukrainian → English, Kazakh")).toBeVisible();
      projectPath = new URL(page.url()).pathname;
      expect(projectPath).toMatch(/^\/en\/projects\/[^/]+$/);
    });

    test("a file imported into it is renamed, trashed and restored", async ({ page }) => {
      await page.goto(projectPath);
      await page.getByRole("link", { name: "Import a file" }).click();
      await page.getByLabel("File").setInputFiles({
        name: "статут.txt",
        mimeType: "text/plain",
        buffer: Buffer.from(`${FIRST}\n${SECOND}\n${THIRD}\n`),
      });
      await page.getByLabel("Title (optional)").fill("Statute draft");
      await page.getByRole("button", { name: "Import" }).click();
      await expect(page.getByText("Paragraphs: 3")).toBeVisible();
      await page.getByRole("link", { name: "Open the document" }).click();
      await expect(page.getByTestId("segment")).toHaveCount(3);
      documentPath = new URL(page.url()).pathname;
      // A confirmed translation of the paragraph the new source will change.
      const box = page.getByRole("textbox", { name: "Translation of paragraph 2 into English" });
      await box.fill("The head of the agency is appointed by the government for five years.");
      await box.press("Control+Enter");
      await expect(row(page, 2).getByTestId("status")).toHaveText("Translated");

      await page.goto(projectPath);
      await noAxeViolations(page);
      await page.getByRole("button", { name: "Rename “Statute draft”" }).click();
      await page.getByLabel("New title").fill("Agency statute");
      await page.getByRole("button", { name: "Save" }).click();
      const documents = page.getByRole("region", { name: "Documents", exact: true });
      await expect(documents.getByRole("link", { name: "Agency statute" })).toBeVisible();
      await expect(documents.getByRole("link", { name: "Download the original" })).toHaveAttribute(
        "href",
        /\/original$/,
      );

      await page.getByRole("button", { name: "Move “Agency statute” to the trash" }).click();
      const trash = page.getByRole("region", { name: "Documents in the trash" });
      await expect(trash.getByRole("cell", { name: "Agency statute", exact: true })).toBeVisible();
      await expect(documents.getByRole("link", { name: "Agency statute" })).toHaveCount(0);
      // A trashed document is gone for its members too, even by its address.
      expect((await page.goto(documentPath))?.status()).toBe(404);

      await page.goto(projectPath);
      await page.getByRole("button", { name: "Restore “Agency statute”" }).click();
      await expect(documents.getByRole("link", { name: "Agency statute" })).toBeVisible();
      await expect(page.getByRole("region", { name: "Documents in the trash" })).toHaveCount(0);

      // The original comes back as it was uploaded, with its Ukrainian name.
      const original = await page.request.get(`/api/v1/documents/${documentPath.split("/").pop()}/original`);
      expect(original.status()).toBe(200);
      expect(await original.text()).toBe(`${FIRST}\n${SECOND}\n${THIRD}\n`);
      expect(original.headers()["content-disposition"]).toContain(encodeURIComponent("статут.txt"));
    });

    test("a new source: counts first, then 'source changed' with a word diff until confirmed", async ({ page }) => {
      await page.goto(documentPath);
      await page.getByRole("button", { name: "More" }).click();
      await page.getByRole("menuitem", { name: "Source", exact: true }).click();
      await expect(page.getByRole("heading", { name: "Source: Agency statute" })).toBeVisible();
      await page.getByLabel("New source file").setInputFiles({
        name: "статут-2.txt",
        mimeType: "text/plain",
        buffer: Buffer.from(`${FIRST}\n${SECOND_CHANGED}\n${ADDED}\n`),
      });
      await page.getByRole("button", { name: "Preview the changes" }).click();
      const counts = page.getByTestId("source-counts");
      await expect(counts).toContainText("The update would change this:");
      await expect(page.getByTestId("count-kept")).toHaveText("1");
      await expect(page.getByTestId("count-changed")).toHaveText("1");
      await expect(page.getByTestId("count-added")).toHaveText("1");
      await expect(page.getByTestId("count-removed")).toHaveText("1");
      await noAxeViolations(page);
      // Nothing changed yet.
      await page.goto(documentPath);
      await expect(page.getByTestId("source")).toHaveText([FIRST, SECOND, THIRD]);

      await page.goBack();
      await page.getByLabel("New source file").setInputFiles({
        name: "статут-2.txt",
        mimeType: "text/plain",
        buffer: Buffer.from(`${FIRST}\n${SECOND_CHANGED}\n${ADDED}\n`),
      });
      await page.getByRole("button", { name: "Preview the changes" }).click();
      await page.getByRole("button", { name: "Apply the update" }).click();
      await expect(counts).toContainText("The source is updated.");
      // The removed paragraph waits in the document's removed paragraphs.
      await page.reload();
      await expect(page.getByRole("region", { name: "Removed paragraphs" })).toContainText(THIRD);

      await page.goto(documentPath);
      await expect(page.getByTestId("source")).toHaveText([FIRST, SECOND_CHANGED, ADDED]);
      const changed = row(page, 2).getByTestId("source-changed");
      await expect(changed).toContainText("Source changed since the English translation was written");
      const removedWords = (await changed.locator("del").allTextContents()).join(" ");
      const addedWords = (await changed.locator("ins").allTextContents()).join(" ");
      expect(removedWords).toContain("п'ять");
      expect(removedWords).toContain("років");
      expect(addedWords).toContain("чотири");
      expect(addedWords).toContain("роки");
      expect(removedWords).not.toContain("Керівник");

      // The old translation stays, as a draft.
      await expect(row(page, 2).getByRole("textbox", { name: "Translation of paragraph 2 into English" })).toHaveValue(
        "The head of the agency is appointed by the government for five years.",
      );
      await expect(row(page, 2).getByTestId("status")).toHaveText("Draft");
      await expect(row(page, 1).getByTestId("source-changed")).toHaveCount(0);
      await expect(row(page, 3).getByTestId("source-changed")).toHaveCount(0);

      await changed.getByRole("button", { name: "Translation still fits: confirm" }).click();
      await expect(row(page, 2).getByTestId("source-changed")).toHaveCount(0);
      await page.reload();
      await expect(row(page, 2).getByTestId("status")).toHaveText("Translated");
      await expect(row(page, 2).getByTestId("source-changed")).toHaveCount(0);
    });

    test("a paragraph split at the caret and merged back", async ({ page }) => {
      await page.goto(documentPath);
      await expect(page.getByTestId("segment")).toHaveCount(3);
      await row(page, 1).getByRole("button", { name: "Source tools of paragraph 1" }).click();
      await row(page, 1).getByRole("button", { name: "Split…" }).click();
      const dialog = page.getByRole("dialog", { name: "Split paragraph 1" });
      await expect(dialog).toBeVisible();
      const source = dialog.getByLabel("Source (the caret marks the cut)");
      const cut = "Агентство діє ".length;
      await source.evaluate((el: HTMLTextAreaElement, at) => el.setSelectionRange(at, at), cut);
      await dialog.getByRole("button", { name: "Split", exact: true }).click();
      await expect(page.getByTestId("segment")).toHaveCount(4);
      await expect(page.getByTestId("source")).toHaveText([
        "Агентство діє",
        "на підставі статуту.",
        SECOND_CHANGED,
        ADDED,
      ]);

      await row(page, 1).getByRole("button", { name: "Source tools of paragraph 1" }).click();
      await row(page, 1).getByRole("button", { name: "Merge with next" }).click();
      await page.getByRole("group", { name: "Merge with next" }).getByRole("button", { name: "Merge" }).click();
      await expect(page.getByTestId("segment")).toHaveCount(3);
      await expect(page.getByTestId("source")).toHaveText([FIRST, SECOND_CHANGED, ADDED]);
      const positions = await page
        .getByTestId("segment")
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-position"))));
      expect(positions).toEqual([1, 2, 3]);
      // The merge is in the paragraph's history, undoable.
      await row(page, 1).getByRole("button", { name: "Source tools of paragraph 1" }).click();
      await row(page, 1).getByRole("button", { name: "Source history" }).click();
      await expect(page.getByRole("dialog", { name: "Source history of paragraph 1" })).toContainText(
        "Merged with the next paragraph",
      );
    });

    test("the home page lists the project for its members only", async ({ browser, page }) => {
      const mira = { email: "mira.member@parallel.test", password: "mira-password-1" };
      const nazar = { email: "nazar.outsider@parallel.test", password: "nazar-password-1" };
      parallelCli(["user", "add", "--email", mira.email, "--name", "Mira Member", "--role", "user"], mira.password);
      parallelCli(
        ["user", "add", "--email", nazar.email, "--name", "Nazar Outsider", "--role", "user"],
        nazar.password,
      );
      parallelCli(["member", "add", "--project", PROJECT, "--email", mira.email, "--role", "translator"]);

      await page.goto("/en");
      await expect(page.getByRole("region", { name: PROJECT })).toBeVisible();

      const member = await anonymousPage(browser);
      await signIn(member.page, mira.email, mira.password);
      const card = member.page.getByRole("region", { name: PROJECT });
      await expect(card).toBeVisible();
      await expect(card.getByRole("link", { name: "Agency statute", exact: true })).toBeVisible();
      // A translator neither creates projects nor changes this one's settings.
      await expect(member.page.getByRole("link", { name: "New project" })).toHaveCount(0);
      await expect(card.getByRole("link", { name: "Settings" })).toHaveCount(0);
      await member.context.close();

      const outsider = await anonymousPage(browser);
      await signIn(outsider.page, nazar.email, nazar.password);
      await expect(outsider.page.getByRole("heading", { name: "Projects" })).toBeVisible();
      await expect(outsider.page.getByRole("region", { name: PROJECT })).toHaveCount(0);
      expect((await outsider.page.goto(projectPath))?.status()).toBe(404);
      await outsider.context.close();
    });

    test("an administrator lets an account create projects on the administration page", async ({ browser, page }) => {
      const nazar = { email: "nazar.outsider@parallel.test", password: "nazar-password-1" };
      await page.goto("/en/admin/users");
      await expect(page.getByRole("heading", { name: "Accounts" })).toBeVisible();
      await noAxeViolations(page);
      const allow = page.getByRole("checkbox", { name: "Nazar Outsider may create projects" });
      await expect(allow).not.toBeChecked();
      await allow.check();
      await expect(allow).toBeChecked();

      const outsider = await anonymousPage(browser);
      await signIn(outsider.page, nazar.email, nazar.password);
      await outsider.page.getByRole("link", { name: "New project" }).click();
      await outsider.page.getByLabel("Name").fill("Nazar's own project");
      await outsider.page.getByRole("button", { name: "Create project" }).click();
      await expect(outsider.page.getByRole("heading", { name: "Nazar's own project" })).toBeVisible();
      await expect(outsider.page.locator(".page-head .role-badge")).toHaveText("Owner");
      // The administration page is not there for anyone else.
      expect((await outsider.page.goto("/en/admin/users"))?.status()).toBe(404);
      await outsider.context.close();
    });

    test("settings: archive makes it read-only and listed apart; trash and restore", async ({ page }) => {
      await page.goto(projectPath);
      await page.getByRole("link", { name: "Settings" }).click();
      await expect(page.getByRole("heading", { name: `Settings of “${PROJECT}”` })).toBeVisible();
      await noAxeViolations(page);

      // English has a translation: removing it asks first, and only hides it.
      const languages = page.getByRole("region", { name: "Languages" });
      await languages.getByRole("button", { name: "Remove English" }).click();
      await languages.getByRole("button", { name: "Save languages" }).click();
      await expect(languages.getByRole("alert")).toContainText("already has translations");
      await languages.getByRole("button", { name: "Remove and hide their translations" }).click();
      await expect(languages.getByText("Saved")).toBeVisible();
      await page.goto(projectPath);
      await expect(page.getByText("Ukrainian → Kazakh")).toBeVisible();
      await page.goto(`${projectPath}/settings`);
      await expect(languages).toContainText("Hidden languages that still have translations: English (en)");
      await languages.getByLabel("Add a language").selectOption("en");
      await languages.getByRole("button", { name: "Save languages" }).click();
      await expect(languages.getByText("Saved")).toBeVisible();
      await page.goto(`${documentPath}?target=en`);
      await expect(row(page, 2).getByRole("textbox", { name: "Translation of paragraph 2 into English" })).toHaveValue(
        "The head of the agency is appointed by the government for five years.",
      );

      await page.goto(`${projectPath}/settings`);
      await page.getByRole("button", { name: "Archive the project" }).click();
      await expect(page.getByText("The project is archived. Restore it to change anything in it.")).toBeVisible();

      await page.goto("/en");
      const folded = page.locator("details.archived-projects");
      await expect(folded.locator("summary")).toHaveText(/Archived projects \(1\)/);
      await expect(page.getByRole("region", { name: PROJECT })).toBeHidden();
      await folded.locator("summary").click();
      await expect(page.getByRole("region", { name: PROJECT })).toBeVisible();

      await page.goto(documentPath);
      await expect(page.getByText(/This project is archived/)).toBeVisible();
      await row(page, 1).getByRole("button", { name: "Source tools of paragraph 1" }).click();
      await expect(row(page, 1).getByRole("button", { name: "Source history" })).toBeVisible();
      await expect(row(page, 1).getByRole("button", { name: "Split…" })).toHaveCount(0);

      await page.goto(`${projectPath}/settings`);
      await page.getByRole("button", { name: "Restore from the archive" }).click();
      await page.getByRole("button", { name: "Move the project to the trash" }).click();
      await expect(page).toHaveURL(/\/en$/);
      await expect(page.getByRole("region", { name: PROJECT })).toHaveCount(0);
      await page.getByRole("link", { name: "Trash (1)" }).click();
      await expect(page.getByRole("cell", { name: PROJECT, exact: true })).toBeVisible();
      await noAxeViolations(page);
      await page.getByRole("button", { name: `Restore “${PROJECT}”` }).click();
      await page.goto("/en");
      await expect(page.getByRole("region", { name: PROJECT })).toBeVisible();

      // Deleted for good, only with its name typed; later specs find the home page as they left it.
      await page.goto(`${projectPath}/settings`);
      await page.getByRole("button", { name: "Move the project to the trash" }).click();
      await expect(page).toHaveURL(/\/en$/);
      await page.goto("/en/trash");
      await page.getByText("Delete forever…").click();
      const typed = page.getByLabel(`Type “${PROJECT}” to delete it for good`);
      const forever = page.getByRole("button", { name: "Delete forever", exact: true });
      await typed.fill("Agency statute");
      await expect(forever).toBeDisabled();
      await typed.fill(PROJECT);
      await forever.click();
      await expect(page.getByText("The trash is empty.")).toBeVisible();
      await page.goto("/en");
      await expect(page.getByRole("region", { name: PROJECT })).toHaveCount(0);
      expect((await page.goto(projectPath))?.status()).toBe(404);
    });
  });
