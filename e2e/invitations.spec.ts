import { expect, type Page, test } from "@playwright/test";
import { anonymousPage, inviteAndJoin, parallelCli, signIn } from "./helpers";

const DEMO = "Civil service reform (demo)";

async function addMember(owner: Page, email: string, role: string) {
  await owner.goto("/en");
  await owner.getByRole("link", { name: "Members" }).first().click();
  await owner.getByLabel("Email").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption(role);
  await owner.getByRole("button", { name: "Add member" }).click();
}

test("an existing account is invited, sees it on its home page after signing in, and joins by accepting", async ({
  page: owner,
  browser,
}) => {
  const ira = { email: "ira@parallel.test", password: "ira-password-123" };
  parallelCli(["user", "add", "--email", ira.email, "--name", "Ira Existing", "--role", "user"], ira.password);

  await addMember(owner, ira.email, "reviewer");
  await expect(owner.getByRole("status")).toContainText(
    "ira@parallel.test has an account: they see the invitation on their home page after signing in",
  );
  // Not a member yet: an open invitation.
  await expect(owner.getByRole("row", { name: /Ira Existing/ })).toHaveCount(0);
  const open = owner.getByRole("region", { name: "Open invitations" });
  await expect(open.getByRole("row", { name: /ira@parallel\.test/ })).toContainText("waits for them to accept");

  const { context, page } = await anonymousPage(browser);
  await signIn(page, ira.email, ira.password);
  const invitations = page.getByRole("region", { name: "Invitations" });
  const item = invitations.getByRole("listitem", { name: DEMO });
  await expect(item).toContainText("Olena Owner invites you as Reviewer");
  await expect(page.getByRole("region", { name: DEMO })).toHaveCount(0);
  await item.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("region", { name: DEMO }).getByText("Reviewer")).toBeVisible();
  await expect(invitations).toHaveCount(0);
  await context.close();

  await owner.reload();
  await expect(owner.getByRole("row", { name: /Ira Existing/ })).toBeVisible();
});

test("declining leaves no membership, and the owner's open invitation is gone", async ({ page: owner, browser }) => {
  const dan = { email: "dan@parallel.test", password: "dan-password-123" };
  parallelCli(["user", "add", "--email", dan.email, "--name", "Dan Decliner", "--role", "user"], dan.password);
  await addMember(owner, dan.email, "viewer");

  const { context, page } = await anonymousPage(browser);
  await signIn(page, dan.email, dan.password);
  await page.getByRole("listitem", { name: DEMO }).getByRole("button", { name: "Decline" }).click();
  await expect(page.getByRole("region", { name: "Invitations" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: DEMO })).toHaveCount(0);
  await context.close();

  await owner.reload();
  await expect(owner.getByText(dan.email)).toHaveCount(0);
});

test("an account made through an invitation link shows 'address not confirmed' and cannot accept another invitation until an admin confirms it", async ({
  page: owner,
  browser,
}) => {
  const person = { name: "Lina Linked", email: "lina@parallel.test", password: "lina-password-123" };
  const joined = await inviteAndJoin(owner, browser, person, "viewer");
  await joined.context.close();

  await owner.goto("/en");
  await owner.getByRole("link", { name: "Members" }).first().click();
  const row = owner.getByRole("row", { name: /Lina Linked/ });
  await expect(row).toContainText("address not confirmed");
  await expect(owner.getByText(/Address not confirmed.*user confirm --email/)).toBeVisible();

  // Removed and invited again: the account exists, its address still unconfirmed.
  await row.getByRole("button", { name: "Remove: Lina Linked" }).click();
  await expect(owner.getByRole("row", { name: /Lina Linked/ })).toHaveCount(0);
  await addMember(owner, person.email, "translator");
  await expect(owner.getByRole("status")).toContainText("Their address is not confirmed");
  await expect(
    owner.getByRole("region", { name: "Open invitations" }).getByRole("row", { name: /lina@parallel\.test/ }),
  ).toContainText("address not confirmed");

  const { context, page } = await anonymousPage(browser);
  await signIn(page, person.email, person.password);
  const invitations = page.getByRole("region", { name: "Invitations" });
  await expect(invitations).toContainText("Your email address is not confirmed yet");
  await expect(invitations.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: DEMO })).toHaveCount(0);

  expect(parallelCli(["user", "confirm", "--email", person.email])).toContain(
    "Confirmed the address of lina@parallel.test",
  );
  await page.reload();
  await invitations.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("region", { name: DEMO }).getByText("Translator")).toBeVisible();
  await context.close();

  await owner.reload();
  await expect(owner.getByRole("row", { name: /Lina Linked/ })).not.toContainText("address not confirmed");
});
