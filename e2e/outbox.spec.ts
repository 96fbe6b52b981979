import { expect, test } from "@playwright/test";
import { anonymousPage, DEMO_DOC, OWNER, signIn } from "./helpers";

/** The browser's outbox entries: key → number of unsent edits. */
const outboxes = (page: import("@playwright/test").Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith("parallel:outbox:"))
        .map((k) => [k, JSON.parse(localStorage.getItem(k) ?? "[]").length]),
    ),
  );

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
