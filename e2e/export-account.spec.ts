// The export form's refusals and translation-only choice, the account's name and email, and the
// invitation link's copy button, in a real browser.
import { expect, test } from "@playwright/test";
import { anonymousPage, inviteAndJoin, signIn } from "./helpers";
import { importText, removeDocuments, saveAs } from "./review-data";

const made: string[] = [];
test.afterAll(() => removeDocuments(made));

test("an export that cannot work is refused in the form, and by the API in the page's language, never as JSON", async ({
  page,
}) => {
  await page.goto("/en");
  const doc = await importText(page, "Export check", ["Перший абзац.", "Другий абзац.", "- пункт списку"]);
  made.push(doc.documentId);
  await saveAs(page, doc.segmentIds[0], "The first paragraph.", "translated");
  await page.goto(`/en/documents/${doc.documentId}/export`);

  // Plain text with both languages ticked (as they are by default): said at once, and not sent.
  await page.getByLabel(/Plain text: translation only/).check();
  const conflict = page.getByTestId("export-conflict");
  await expect(conflict).toHaveText("Plain text and “Word: translation only” hold one language: choose only one.");
  await expect(page.getByRole("button", { name: "Download" })).toBeDisabled();
  await page
    .getByRole("checkbox", { name: /Kazakh/ })
    .first()
    .uncheck();
  await expect(conflict).toBeEmpty();

  // What happens to the untranslated paragraphs, said before downloading.
  const outcome = page.getByTestId("untranslated-outcome");
  await expect(outcome).toHaveText(
    "English: 2 of 3 paragraphs have no translation yet. The file has their source text (Ukrainian) in their place.",
  );
  let download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  const withSource = await (await download).createReadStream();
  const text = (await streamText(withSource)).split("\n");
  expect(text).toEqual(["The first paragraph.", "Другий абзац.", "- пункт списку", ""]);

  await page.getByLabel("Leave them out").check();
  await expect(outcome).toHaveText("English: 2 of 3 paragraphs have no translation yet. The file leaves them out.");
  download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  expect(await streamText(await (await download).createReadStream())).toBe("The first paragraph.\n");

  // A browser sent to the API with options that cannot work lands on the form with the reason.
  await page.goto(`/api/v1/documents/${doc.documentId}/export?format=txt&target=en,kk`);
  await expect(page).toHaveURL(new RegExp(`/en/documents/${doc.documentId}/export\\?`));
  await expect(page.getByTestId("export-refused")).toHaveText(
    "The export was refused: Plain text and “Word: translation only” hold one language: choose only one.",
  );
  await expect(page.getByLabel(/Plain text: translation only/)).toBeChecked();
  // A script gets the 400 with the message in the interface language the person chose.
  await page.goto(`/uk/documents/${doc.documentId}/export`);
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  // The choice is the cookie the page set; the API request reads the context's cookies when it is sent,
  // so wait until the browser holds it (on a loaded machine the page's load can come first).
  await expect
    .poll(async () => (await page.context().cookies()).filter((c) => c.name === "parallel-lng").map((c) => c.value))
    .toEqual(["uk"]);
  const api = await page.request.get(`/api/v1/documents/${doc.documentId}/export?format=txt&target=en,kk`);
  expect(api.status()).toBe(400);
  expect((await api.json()).error).toMatchObject({
    code: "invalid_input",
    message: "Звичайний текст і «Word: лише переклад» містять одну мову: виберіть лише одну.",
  });
  await page.goto("/en");
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part as Buffer));
  return Buffer.concat(parts).toString("utf8");
}

test("the account page changes the display name, and the email with the current password", async ({
  page,
  browser,
}) => {
  const person = { name: "Petro Profile", email: "petro@parallel.test", password: "profile-pass-1" };
  const joined = await inviteAndJoin(page, browser, person, "translator");
  const me = joined.page;
  await me.goto("/en/account");
  await me.getByLabel("Display name").fill("Петро Профіль");
  await me.getByRole("button", { name: "Save name" }).click();
  await expect(me.getByText("Name saved.")).toBeVisible();
  await expect(me.getByRole("banner").getByRole("link", { name: "Петро Профіль" })).toBeVisible();

  const details = me.getByRole("region", { name: "Your name and email" });
  await details.getByLabel("New email address").fill("petro.new@parallel.test");
  await details.getByLabel("Your password, for the new address").fill("not my password");
  await details.getByRole("button", { name: "Change email" }).click();
  await expect(details.getByRole("alert")).toHaveText("The current password is incorrect.");
  await details.getByLabel("Your password, for the new address").fill(person.password);
  await details.getByRole("button", { name: "Change email" }).click();
  await expect(details.getByRole("status").filter({ hasText: "Email changed." })).toContainText(
    "Sign in with petro.new@parallel.test from now on.",
  );
  await joined.context.close();

  // The new address signs in; the old one no longer does.
  const fresh = await anonymousPage(browser);
  await signIn(fresh.page, person.email, person.password);
  await expect(fresh.page.getByRole("main").getByRole("alert")).toBeVisible();
  await signIn(fresh.page, "petro.new@parallel.test", person.password);
  await expect(fresh.page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await fresh.context.close();
});

test("an invitation link has a copy button", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/en");
  await page.getByRole("link", { name: "Members" }).first().click();
  await page.getByLabel("Email").fill("copy.me@parallel.test");
  await page.getByRole("button", { name: "Add member" }).click();
  const link = await page.getByTestId("invitation-link").textContent();
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Copied$/ })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
});
