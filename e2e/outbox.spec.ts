import { expect, test } from "@playwright/test";
import { anonymousPage, DEMO_DOC, OWNER, outboxes, signIn } from "./helpers";
import { importText, removeDocuments } from "./review-data";

const made: string[] = [];
test.afterAll(() => removeDocuments(made));

test("unsent edits belong to the signed-in account: signing out warns, then removes them from the browser", async ({
  browser,
}) => {
  // A session of its own: signing out ends it, and the other specs keep theirs.
  const { context, page } = await anonymousPage(browser);
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  const me = await (await page.request.get("/api/v1/me")).json();
  await page.getByRole("link", { name: DEMO_DOC }).click();
  await expect(page.getByTestId("segment")).toHaveCount(11);
  const documentId = page.url().split("/documents/")[1].split("?")[0];

  // The server is out of reach: the edit waits in the browser, under this account's own key.
  const box = page.getByRole("textbox", { name: "Translation of paragraph 7 into English" });
  const saved = await box.inputValue();
  await page.route("**/api/v1/segments/**", (route) => route.abort("internetdisconnected"));
  await box.fill(`${saved} — not sent yet`);
  await expect(page.getByTestId("offline-banner")).toHaveText("Offline — 1 edits waiting");
  expect(await outboxes(page)).toEqual({ [`parallel:outbox:${me.user.id}:${documentId}`]: 1 });

  // Signing out asks first; staying keeps everything.
  await page.getByRole("button", { name: "Sign out" }).click();
  const dialog = page.getByRole("dialog", { name: "Unsent edits in this browser: 1" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Stay signed in" })).toBeFocused();
  await dialog.getByRole("button", { name: "Stay signed in" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: DEMO_DOC })).toBeVisible();
  expect(Object.values(await outboxes(page))).toEqual([1]);

  // Signing out anyway: the edit leaves the browser, and the page unloading does not write it back.
  await page.getByRole("button", { name: "Sign out" }).click();
  await dialog.getByRole("button", { name: "Sign out and delete them" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in/);
  expect(await outboxes(page)).toEqual({});

  // Signing in again on this browser brings nothing back, and the server never had it.
  await page.unroute("**/api/v1/segments/**");
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await page.getByRole("link", { name: DEMO_DOC }).click();
  await expect(box).toHaveValue(saved);
  expect(await outboxes(page)).toEqual({});

  // With nothing waiting, signing out asks nothing.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await context.close();
});

test("a save written although its answer never came: what was typed after it goes on top, no conflict with oneself", async ({
  page,
}) => {
  const { documentId, segmentIds } = await importText(page, "Lost answer", ["Абзац, відповідь на який загубилася."]);
  made.push(documentId);
  await page.goto(`/en/documents/${documentId}`);
  const box = page.getByRole("textbox", { name: "Translation of paragraph 1 into English" });
  const row = page.locator('[data-testid="segment"][data-position="1"]');

  // The server commits the first save, then the connection breaks before its answer (as when the
  // server is killed right after a commit). The translator types on; the outbox sends the newer
  // text on the version the first save started from, and meets its own first text one version on.
  let cut = 0;
  await page.route("**/api/v1/segments/**/translations/en", async (route) => {
    if (route.request().method() !== "PUT" || cut > 0) return route.continue();
    cut++;
    await route.fetch();
    await route.abort("connectionreset");
  });
  await box.fill("Written, but its answer was lost");
  await expect.poll(() => cut).toBe(1);
  await box.fill("Written, but its answer was lost; and typed on");
  await expect(row.getByTestId("save-state")).toHaveText("Saved", { timeout: 15_000 });
  await expect(row.getByRole("alert")).toHaveCount(0);
  await expect(box).toHaveValue("Written, but its answer was lost; and typed on");
  expect(await outboxes(page)).toEqual({});

  const history = async () =>
    (
      (await (await page.request.get(`/api/v1/segments/${segmentIds[0]}/translations/en/revisions`)).json())
        .revisions as { text: string; version: number }[]
    ).map((r) => [r.version, r.text]);
  expect(await history()).toEqual([
    [2, "Written, but its answer was lost; and typed on"],
    [1, "Written, but its answer was lost"],
  ]);
});
