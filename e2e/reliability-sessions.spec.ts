// Issue 18, sessions: signing out ends the session on the server, not only in the browser (its
// cookie, replayed, opens nothing), and a password change ends the person's other sessions on their
// next request, without silently losing the edits such a session had not sent yet: they stay in
// that browser's outbox, say why, and go once the person signs in there again.
// (e2e/auth.spec.ts has the sign-out and password-change flows themselves.)
import { expect, test } from "@playwright/test";
import { anonymousPage, inviteAndJoin, outboxes, signIn } from "./helpers";
import { importText, removeDocuments } from "./review-data";

const made: string[] = [];
test.afterAll(() => removeDocuments(made));

const SESSION = "parallel.session_token";
const stamp = Date.now().toString(36);

test("signing out ends the session on the server: its cookie, replayed, gets 401 from the API and the sign-in page", async ({
  page: owner,
  browser,
}) => {
  const person = { name: "Sign-out Person", email: `signout-${stamp}@parallel.test`, password: "signout-password-1" };
  const { context, page } = await inviteAndJoin(owner, browser, person, "translator");
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === SESSION)?.value).toBeTruthy();
  // Another browser holding a copy of the cookie: it works there while the session lives.
  const stale = await browser.newContext({ storageState: { cookies, origins: [] } });
  const stalePage = await stale.newPage();
  expect((await stalePage.request.get("/api/v1/me")).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in/);

  expect((await stalePage.request.get("/api/v1/me")).status()).toBe(401);
  expect((await stalePage.request.get("/api/v1/documents")).status()).toBe(401);
  await stalePage.goto("/en/account");
  await expect(stalePage).toHaveURL(/\/en\/sign-in/);
  await stale.close();
  await context.close();
});

test("a password change ends the other sessions on their next request; their unsent edits wait and go after signing in again", async ({
  page: owner,
  browser,
}) => {
  test.setTimeout(90_000);
  const person = {
    name: "Two Browsers",
    email: `two-browsers-${stamp}@parallel.test`,
    password: "first-password-1",
  };
  const here = await inviteAndJoin(owner, browser, person, "translator");
  const { documentId, segmentIds } = await importText(owner, "Sessions and the outbox", ["Абзац для двох браузерів."]);
  made.push(documentId);

  // The same person in another browser, typing while that browser has no connection.
  const there = await anonymousPage(browser);
  await signIn(there.page, person.email, person.password);
  await expect(there.page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await there.page.goto(`/en/documents/${documentId}`);
  const box = there.page.getByRole("textbox", { name: "Translation of paragraph 1 into English" });
  const row = there.page.locator('[data-testid="segment"][data-position="1"]');
  await expect(box).toBeVisible();
  await there.page.route("**/api/v1/**", (route) => route.abort("internetdisconnected"));
  await box.fill("Typed in the other browser, not sent yet");
  await expect(there.page.getByTestId("offline-banner")).toHaveText("Offline — 1 edits waiting");

  // Meanwhile, in this browser, the password changes.
  await here.page.goto("/en/account");
  await here.page.getByLabel("Current password").fill(person.password);
  await here.page.getByLabel("New password").fill("second-password-2");
  await here.page.getByLabel("Repeat the password").fill("second-password-2");
  await here.page.getByRole("button", { name: "Change password" }).click();
  await expect(here.page.getByText("Password changed.", { exact: false })).toBeVisible();

  // The connection comes back: the other browser's next request is refused, and the edit stays, saying why.
  await there.page.unroute("**/api/v1/**");
  await expect(row.getByTestId("save-state")).toContainText("Please sign in to continue.", { timeout: 15_000 });
  await expect(box).toHaveValue("Typed in the other browser, not sent yet");
  expect(Object.values(await outboxes(there.page))).toEqual([1]);
  expect((await there.page.request.get("/api/v1/me")).status()).toBe(401);
  await there.page.goto("/en/account");
  await expect(there.page).toHaveURL(/\/en\/sign-in/);
  expect(Object.values(await outboxes(there.page))).toEqual([1]);

  // Signed in again there (with the new password): the edit comes back and is saved.
  await signIn(there.page, person.email, "second-password-2");
  await expect(there.page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await there.page.goto(`/en/documents/${documentId}`);
  await expect(box).toHaveValue("Typed in the other browser, not sent yet");
  await expect(row.getByTestId("save-state")).toHaveText("Saved", { timeout: 15_000 });
  expect(await outboxes(there.page)).toEqual({});
  const saved = await owner.request.get(`/api/v1/segments/${segmentIds[0]}/translations/en`);
  expect((await saved.json()).translation.text).toBe("Typed in the other browser, not sent yet");

  // This browser's session lived through the change.
  await here.page.goto("/en/account");
  await expect(here.page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await there.context.close();
  await here.context.close();
});
