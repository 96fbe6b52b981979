import { execFileSync } from "node:child_process";
import { type Browser, type BrowserContextOptions, expect, type Page } from "@playwright/test";

export const OWNER = { name: "Olena Owner", email: "owner@parallel.test", password: "owner-password-1" };
export const DEMO_DOC = "Civil service reform in Kazakhstan";
/** What the e2e server is started with (PARALLEL_SETUP_CODE in playwright.config.ts). */
export const SETUP_CODE = "e2e-first-start-code";

export async function signIn(page: Page, email: string, password: string, lng = "en") {
  await page.goto(`/${lng}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The browser's outboxes of unsent edits (lib/editor/outbox.ts): key → number of edits. */
export const outboxes = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith("parallel:outbox:"))
        .map((k) => [k, JSON.parse(localStorage.getItem(k) ?? "[]").length]),
    ),
  );

/** A fresh browser context with nobody signed in (on another server: `{ baseURL }`). */
export async function anonymousPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ ...options, storageState: { cookies: [], origins: [] } });
  return { context, page: await context.newPage() };
}

/**
 * The owner invites `email` with `role` through the members page; the invited person accepts in
 * their own context and is signed in there.
 */
export async function inviteAndJoin(
  ownerPage: Page,
  browser: Browser,
  person: { name: string; email: string; password: string },
  role: string,
) {
  await ownerPage.goto("/en");
  await ownerPage.getByRole("link", { name: "Members" }).first().click();
  await ownerPage.getByLabel("Email").fill(person.email);
  await ownerPage.getByLabel("Role", { exact: true }).selectOption(role);
  await ownerPage.getByRole("button", { name: "Add member" }).click();
  const link = await ownerPage.getByTestId("invitation-link").textContent();
  expect(link).toContain("/en/invite/");
  const { context, page } = await anonymousPage(browser);
  await page.goto(link!);
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByLabel("Repeat the password").fill(person.password);
  await page.getByRole("button", { name: "Join the project" }).click();
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  return { context, page };
}

/**
 * `npm run parallel -- …` against the e2e server's database, as an administrator at its console
 * would run it. PARALLEL_PASSWORD answers the password question.
 */
export function parallelCli(args: string[], password?: string): string {
  return execFileSync(process.execPath, ["--import", "tsx", "scripts/parallel.ts", ...args], {
    env: {
      ...process.env,
      DATABASE_URL: "file:./.e2e/parallel.db",
      ...(password ? { PARALLEL_PASSWORD: password } : {}),
    },
    encoding: "utf8",
  });
}

/**
 * Collects every Content-Security-Policy violation the page reports (the `securitypolicyviolation`
 * event, on every document the page loads) and every console message about the CSP or the
 * Permissions-Policy, for as long as the page lives.
 */
export async function watchPolicies(page: Page) {
  const reports: string[] = [];
  await page.exposeFunction("__reportPolicyViolation", (text: string) => reports.push(`${page.url()}: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportPolicyViolation(text: string): void }).__reportPolicyViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on("console", (message) => {
    if (/Content.Security.Policy|Permissions.Policy|Refused to/i.test(message.text()))
      reports.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
  });
  return reports;
}

/**
 * Imports lines as a text file into the demo project (one paragraph a line) and opens the new
 * document; answers its id (for the spec's clean-up) and its editor's address.
 */
export async function importLines(page: Page, title: string, lines: string[]) {
  await page.goto("/en");
  await page.getByRole("link", { name: "Import a file" }).first().click();
  await page.getByLabel("File").setInputFiles({
    name: `${title}.txt`,
    mimeType: "text/plain",
    buffer: Buffer.from(`${lines.join("\n")}\n`),
  });
  await page.getByLabel("Title (optional)").fill(title);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Import finished.")).toBeVisible();
  await page.getByRole("link", { name: "Open the document" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByTestId("segment")).toHaveCount(lines.length);
  const url = page.url().split("?")[0];
  return { id: /\/documents\/([^/?#]+)/.exec(url)![1], url };
}

/** A mark on the window that a reload would wipe: with stillSamePage, proves a change came in place. */
export const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { __notReloaded: true }));
export const stillSamePage = (page: Page) =>
  page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true);
