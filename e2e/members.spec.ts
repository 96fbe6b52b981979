import { expect, test } from "@playwright/test";
import { anonymousPage, DEMO_DOC, inviteAndJoin } from "./helpers";

const VIEWER = { name: "Vika Viewer", email: "viewer@parallel.test", password: "viewer-password-1" };

test("an invited viewer reads the document but cannot save a translation, even by calling the API directly", async ({
  page,
  browser,
}) => {
  const viewer = await inviteAndJoin(page, browser, VIEWER, "viewer");
  const home = viewer.page;
  await expect(home.getByRole("region", { name: "Civil service reform (demo)" }).getByText("Viewer")).toBeVisible();
  await expect(home.getByRole("link", { name: "Members" })).toHaveCount(0);

  await home.getByRole("link", { name: DEMO_DOC }).click();
  await expect(home.getByTestId("segment")).toHaveCount(11);
  // Every translation is shown read-only: nothing a viewer could type into.
  await expect(home.getByRole("textbox").first()).toBeVisible();
  await expect(home.locator("textarea:not([readonly])")).toHaveCount(0);

  // The viewer's own session, calling the save endpoint the editor uses.
  const documentId = home.url().split("/documents/")[1].split("?")[0];
  const segments = await (await home.request.get(`/api/v1/documents/${documentId}/segments?target=en`)).json();
  const first = segments.segments[0];
  const origin = new URL(home.url()).origin;
  const save = await home.request.put(`/api/v1/segments/${first.id}/translations/en`, {
    headers: { Origin: origin, "Content-Type": "application/json" },
    data: { text: "Viewer text", baseVersion: first.translation.version },
  });
  expect(save.status()).toBe(403);
  expect((await save.json()).error.code).toBe("forbidden");
  const again = await (await home.request.get(`/api/v1/documents/${documentId}/segments?target=en`)).json();
  expect(again.segments[0].translation.text).toBe(first.translation.text);
  expect(again.segments[0].translation.version).toBe(first.translation.version);
  await viewer.context.close();
});

test("a stranger with no membership sees no trace of the project", async ({ browser, page }) => {
  await page.goto("/en");
  await page.getByRole("link", { name: DEMO_DOC }).click();
  const documentUrl = page.url();
  const { context, page: stranger } = await anonymousPage(browser);
  // Not signed in: sent to sign-in, never shown the document.
  await stranger.goto(documentUrl);
  await expect(stranger).toHaveURL(/\/en\/sign-in\?next=/);
  await context.close();
});

test("the owner changes a member's role and cannot remove the last owner", async ({ page, browser }) => {
  const person = { name: "Taras Translator", email: "translator@parallel.test", password: "translator-pass-1" };
  const joined = await inviteAndJoin(page, browser, person, "translator");
  await joined.context.close();
  await page.goto("/en");
  await page.getByRole("link", { name: "Members" }).first().click();
  const row = page.getByRole("row", { name: /Taras Translator/ });
  await row.getByLabel("Role: Taras Translator").selectOption("reviewer");
  // The change is a server action: wait for its answer before reloading (a busy machine is slow).
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/members")),
    row.getByRole("button", { name: "Change role" }).click(),
  ]);
  await page.reload();
  await expect(
    page
      .getByRole("row", { name: /Taras Translator/ })
      .getByRole("cell")
      .nth(2),
  ).toHaveText("Reviewer");

  const ownerRow = page.getByRole("row", { name: /Olena Owner/ });
  await ownerRow.getByRole("button", { name: "Remove: Olena Owner" }).click();
  await expect(ownerRow.getByRole("alert")).toHaveText("A project needs at least one owner.");

  await page
    .getByRole("row", { name: /Taras Translator/ })
    .getByRole("button", { name: "Remove: Taras Translator" })
    .click();
  await expect(page.getByRole("row", { name: /Taras Translator/ })).toHaveCount(0);
});
