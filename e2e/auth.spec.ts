import { expect, test } from "@playwright/test";
import { anonymousPage, DEMO_DOC, inviteAndJoin, OWNER, signIn } from "./helpers";

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

test("the owner creates an API token (with the current password) that works as a Bearer token and can be revoked", async ({
  page,
  request,
}) => {
  await page.goto("/en/account");
  await page.getByLabel("Token name").fill("e2e script");
  await page.getByLabel("Confirm with your password").fill("not-my-password");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The current password is incorrect.");
  await expect(page.getByTestId("new-token")).toHaveCount(0);

  await page.getByLabel("Token name").fill("e2e script");
  await page.getByLabel("Confirm with your password").fill(OWNER.password);
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

test("pages and server actions take only the session cookie, never a bearer token", async ({ page, browser }) => {
  // A working token, made by the owner's CLI-free path: the account page.
  await page.goto("/en/account");
  await page.getByLabel("Token name").fill("not for the UI");
  await page.getByLabel("Confirm with your password").fill(OWNER.password);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();

  // Catch the browser's own server-action request (create a token), to replay it with the token instead.
  let action: { url: string; headers: Record<string, string>; body: string } | null = null;
  await page.route("**/en/account", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      action = { url: req.url(), headers: req.headers(), body: req.postData() ?? "" };
    }
    await route.continue();
  });
  await page.getByLabel("Token name").fill("made by a bearer");
  await page.getByLabel("Confirm with your password").fill(OWNER.password);
  await page.getByRole("button", { name: "Create token" }).click();
  // The first token's box is still on screen: wait until it shows the second one, so the reload below
  // cannot cut the action short.
  await expect(page.getByTestId("new-token")).not.toHaveText(token);
  expect(action).not.toBeNull();
  const caught = action as unknown as { url: string; headers: Record<string, string>; body: string };

  const { context, page: stranger } = await anonymousPage(browser);
  const { cookie: _cookie, ...withoutCookie } = caught.headers;
  const replay = await stranger.request.post(caught.url, {
    headers: { ...withoutCookie, authorization: `Bearer ${token}` },
    data: caught.body,
  });
  expect(await replay.text()).toContain("unauthenticated");
  // And a page asked with the token alone goes to sign-in.
  const accountPage = await stranger.request.get("/en/account", {
    headers: { authorization: `Bearer ${token}` },
    maxRedirects: 0,
  });
  expect(accountPage.status()).toBe(307);
  expect(accountPage.headers().location).toContain("/en/sign-in");
  await context.close();

  await page.unroute("**/en/account");
  await page.reload();
  // Only the browser's own request made a token; the replay with the bearer token made none.
  await expect(page.getByRole("button", { name: "Revoke made by a bearer" })).toHaveCount(1);
  for (const name of ["not for the UI", "made by a bearer"]) {
    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(page.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
  }
});

test("after sign-in, a 'next' that leads off the site goes to the home page instead", async ({ browser }) => {
  const { context, page } = await anonymousPage(browser);
  for (const next of ["/%09/evil.example", "//evil.example", "/\\evil.example", "https:evil.example"]) {
    await page.goto(`/en/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel("Password").fill(OWNER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/en");
    await context.clearCookies();
  }
  await context.close();
});

test("someone guessing from one address locks only that address out, not the real person elsewhere", async ({
  page: owner,
  browser,
}) => {
  const person = { name: "Guessed At", email: "guessed@parallel.test", password: "guessed-at-password-1" };
  const joined = await inviteAndJoin(owner, browser, person, "viewer");
  await joined.context.close();

  // The e2e server trusts 127.0.0.1 as a proxy, so X-Forwarded-For names the "client" here.
  const guesser = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.66" },
  });
  const page = await guesser.newPage();
  for (let i = 0; i < 5; i++) {
    await signIn(page, person.email, `wrong-guess-${i}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
  }
  await signIn(page, person.email, person.password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Too many failed attempts. Try again in 15 min.");
  await guesser.close();

  const elsewhere = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.23" },
  });
  const real = await elsewhere.newPage();
  await signIn(real, person.email, person.password);
  await expect(real.getByRole("heading", { name: "Projects" })).toBeVisible();
  await elsewhere.close();
});

const CHANGED = "Password changed. Other sessions were signed out and API tokens revoked.";

test("changing one's password: the old one stops working, the new one signs in, other sessions and tokens end", async ({
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
  // A script's token, which the new password will revoke: the page says so before, and lists it.
  await page.goto("/en/account");
  await page.getByLabel("Token name").fill("nightly export");
  await page.getByLabel("Confirm with your password").fill(OWNER.password);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  await page.reload();
  const warning = page.getByRole("region", { name: "Change password" });
  await expect(warning.getByText("Changing the password signs out all your other sessions")).toBeVisible();
  await expect(warning.getByRole("heading", { name: /^Other sessions: \d+$/ })).toBeVisible();
  await expect(warning.getByRole("heading", { name: /^API tokens that will stop working: \d+$/ })).toBeVisible();
  await expect(warning.getByRole("listitem").filter({ hasText: "nightly export" })).toBeVisible();

  await change("not-my-password", "a-brand-new-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The current password is incorrect.");
  await change(OWNER.password, "a-brand-new-password");
  await expect(page.getByText(CHANGED)).toBeVisible();
  const bearer = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(bearer.status()).toBe(401);
  await page.goto("/en/account");
  await expect(
    page.getByText(
      "Changing the password signs out your other sessions and revokes your API tokens; right now you have none.",
    ),
  ).toBeVisible();

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
  await expect(page.getByText(CHANGED)).toBeVisible();
  await context.storageState({ path: ".e2e/owner.json" });
  await context.close();
});
