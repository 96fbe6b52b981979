import { expect, test } from "@playwright/test";
import { anonymousPage, DEMO_DOC, OWNER, signIn } from "./helpers";

test("signing in through the form, with the same message for a wrong password and an unknown email", async ({
  browser,
}) => {
  const { context, page } = await anonymousPage(browser);
  await page.goto("/en");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fen$/);

  await signIn(page, OWNER.email, "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await signIn(page, "nobody@parallel.test", "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");

  // A session cookie planted before sign-in is not the one used after it (no fixation).
  const host = new URL(page.url()).hostname;
  await context.addCookies([{ name: "parallel.session_token", value: "planted.value", domain: host, path: "/" }]);
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  const sessions = (await context.cookies()).filter((c) => c.name === "parallel.session_token");
  expect(sessions).toHaveLength(1);
  const session = sessions[0];
  expect(session?.value).toBeTruthy();
  expect(session?.value).not.toBe("planted.value");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in/);
  const response = await page.goto("/en/account");
  expect(response?.url()).toContain("/en/sign-in");
  await context.close();
});

test("after sign-in the person returns to the page they asked for", async ({ browser }) => {
  const { context, page } = await anonymousPage(browser);
  await page.goto("/kk");
  await expect(page).toHaveURL(/\/kk\/sign-in/);
  await page.getByLabel("Электрондық пошта").fill(OWNER.email);
  await page.getByLabel("Құпиясөз").fill(OWNER.password);
  await page.getByRole("button", { name: "Кіру" }).click();
  await expect(page.getByRole("heading", { name: "Жобалар" })).toBeVisible();
  await context.close();
});

test("the owner creates an API token that works as a Bearer token and can be revoked", async ({ page, request }) => {
  await page.goto("/en/account");
  await page.getByLabel("Token name").fill("e2e script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^pl_/);

  const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).user.email).toBe(OWNER.email);
  const docs = await request.get("/api/v1/documents", { headers: { Authorization: `Bearer ${token}` } });
  expect((await docs.json()).documents.map((d: { title: string }) => d.title)).toContain(DEMO_DOC);

  await page.reload();
  await page.getByRole("button", { name: "Revoke e2e script" }).click();
  await expect(page.getByRole("button", { name: "Revoke e2e script" })).toHaveCount(0);
  const after = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});

test("changing one's password: the old one stops working, the new one signs in, other sessions end", async ({
  browser,
  page: elsewhere,
}) => {
  // `elsewhere` is the owner signed in in another browser (the shared e2e session).
  await elsewhere.goto("/en/account");
  await expect(elsewhere.getByRole("heading", { name: "Your account" })).toBeVisible();

  const { context, page } = await anonymousPage(browser);
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  const change = async (from: string, to: string) => {
    await page.goto("/en/account");
    await page.getByLabel("Current password").fill(from);
    await page.getByLabel("New password").fill(to);
    await page.getByLabel("Repeat the password").fill(to);
    await page.getByRole("button", { name: "Change password" }).click();
  };
  await change("not-my-password", "a-brand-new-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The current password is incorrect.");
  await change(OWNER.password, "a-brand-new-password");
  await expect(page.getByText("Password changed. Other sessions were signed out.")).toBeVisible();

  // The other session is over; this one goes on.
  await elsewhere.goto("/en/account");
  await expect(elsewhere).toHaveURL(/\/en\/sign-in/);
  await page.goto("/en/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  const other = await anonymousPage(browser);
  await signIn(other.page, OWNER.email, OWNER.password);
  await expect(other.page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await signIn(other.page, OWNER.email, "a-brand-new-password");
  await expect(other.page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await other.context.close();

  // Back to the password the other specs use, and hand them this session instead of the ended one.
  await change("a-brand-new-password", OWNER.password);
  await expect(page.getByText("Password changed. Other sessions were signed out.")).toBeVisible();
  await context.storageState({ path: ".e2e/owner.json" });
  await context.close();
});
