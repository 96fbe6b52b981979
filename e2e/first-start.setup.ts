import { expect, test } from "@playwright/test";
import { OWNER, SETUP_CODE, watchPolicies } from "./helpers";

test("the first visitor creates the owner account with the setup code, and setup is gone afterwards", async ({
  page,
}) => {
  // The setup page exists only now: this is where its Content-Security-Policy is checked in use.
  const violations = await watchPolicies(page);
  await page.goto("/en");
  await expect(page).toHaveURL(/\/en\/setup$/);
  // Without the code from the server's console, reaching a fresh server first is not enough.
  await page.getByLabel("Setup code").fill("not-the-code");
  await page.getByLabel("Your name").fill(OWNER.name);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password", { exact: true }).fill(OWNER.password);
  await page.getByLabel("Repeat the password").fill(OWNER.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "The setup code is not right. Copy it from the server's console.",
  );
  await expect(page).toHaveURL(/\/en\/setup$/);

  await page.getByLabel("Setup code").fill(SETUP_CODE);
  await page.getByLabel("Your name").fill(OWNER.name);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Repeat the password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  // The browser's own minlength check stops it first; the server check is tested in the API and unit tests.
  await expect(page).toHaveURL(/\/en\/setup$/);

  await page.getByLabel("Password", { exact: true }).fill(OWNER.password);
  await page.getByLabel("Repeat the password").fill(`${OWNER.password}x`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The two passwords differ.");

  // What was typed stays, except the passwords.
  await expect(page.getByLabel("Your name")).toHaveValue(OWNER.name);
  await expect(page.getByLabel("Email")).toHaveValue(OWNER.email);
  await expect(page.getByLabel("Setup code")).toHaveValue(SETUP_CODE);
  await page.getByLabel("Password", { exact: true }).fill(OWNER.password);
  await page.getByLabel("Repeat the password").fill(OWNER.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  // The demo project now belongs to the first owner.
  await expect(page.getByRole("region", { name: "Civil service reform (demo)" }).getByText("Owner")).toBeVisible();

  const response = await page.goto("/en/setup");
  expect(response?.status()).toBe(404);
  expect(violations).toEqual([]);
  await page.context().storageState({ path: ".e2e/owner.json" });
});
