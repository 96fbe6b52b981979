// Issue 17, several instances, in real browsers: two production servers (`npm start`'s
// scripts/start.ts) on different ports share one PostgreSQL database (a throwaway cluster started
// here), and two people work on one document, Asel in a browser on instance A, Bohdan in one on B.
// A save typed on A shows in B's editor within 2 s of A's answer, a note added on B shows on A,
// each sees the other's initials in the header and on the paragraph being edited; when B's
// database connections are cut (its LISTEN connection and its pool's, pg_terminate_backend, and no
// new ones let in) B answers 503 "cannot reach its database", and while Asel saves on A none of those
// saves is lost: once B may connect again its editor shows them all. When Bohdan's tab closes, his initials leave A's header.
// Ports: E2E_PORT + 355 (A) and + 356 (B), after the reliability specs' + 352..354. Skipped, saying
// why, where PostgreSQL's server binaries are missing, except under CI (scripts/test.ts's rule).
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { type Browser, expect as baseExpect, type Page, type Response, test } from "@playwright/test";
import pg from "pg";
import { type PgCluster, postgresTestsSkipped, startPgCluster } from "../lib/db/pg-cluster";
import { runWorldScript, ServerProcess } from "../tests/reliability/server-process";
import { anonymousPage, signIn } from "./helpers";

const E2E_PORT = Number(process.env.E2E_PORT || 3210);
const PORT_A = E2E_PORT + 355;
const PORT_B = E2E_PORT + 356;
const DIR = path.resolve(".e2e", "two-instances");
/** Instance B connects as a role of its own, so its connections can be told apart, cut and kept out. */
const ROLE_B = "parallel_b";
const ASEL = { email: "asel@two.test", name: "Asel Nurova", password: "two-instances-a-1" };
const BOHDAN = { email: "bohdan@two.test", name: "Bohdan Koval", password: "two-instances-b-1" };
const PARAGRAPHS = Array.from({ length: 6 }, (_, i) => `Спільний абзац ${i + 1} про реформу [52, с. ${i + 1}].`);
/** The bound: a save on A shows on B within 2 s. */
const LIVE_WITHIN_MS = 2_000;

// Waits on what the page shows, long enough for two servers, a database and a browser on two shared
// cores; the 2 s bound is measured, not waited for (watch()).
const expect = baseExpect.configure({ timeout: 15_000 });

const skipped = postgresTestsSkipped();
test.skip(skipped !== null, `two instances need PostgreSQL: ${skipped}`);
test.describe.configure({ mode: "serial", timeout: 90_000 });

const box = (page: Page, position: number) =>
  page.getByRole("textbox", { name: `Translation of paragraph ${position} into English` });
const row = (page: Page, position: number) => page.locator(`[data-testid="segment"][data-position="${position}"]`);
const boxSelector = (position: number) => `textarea[aria-label="Translation of paragraph ${position} into English"]`;

let cluster: PgCluster | null = null;
let a: ServerProcess;
let b: ServerProcess;
let documentId: string;
let segmentIds: string[];
let pageA: Page;
let pageB: Page;
/** What each check measured, printed at the end (and kept in the report as annotations). */
const measured: string[] = [];

/** Work as the cluster's superuser, on the app's database (or another). */
async function admin<T>(work: (client: pg.Client) => Promise<T>, database = "parallel"): Promise<T> {
  const client = new pg.Client({ connectionString: cluster?.urlOf(database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A browser context of its own on `base`, signed in as `person`, with the document open and live. */
async function openOn(browser: Browser, base: string, person: { email: string; password: string }) {
  const { page } = await anonymousPage(browser, { baseURL: base });
  await signIn(page, person.email, person.password);
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible({ timeout: 30_000 });
  await page.goto(`/en/documents/${documentId}`);
  await expect(page.getByTestId("segment")).toHaveCount(PARAGRAPHS.length, { timeout: 30_000 });
  await expect(page.getByTestId("live-status").getByRole("status")).toHaveText("Live", { timeout: 15_000 });
  return page;
}

/**
 * Starts watching `page` for the element at `selector` to read `expected` (its value, or its text);
 * the returned function answers when it first did (ms since the epoch, this machine's clock; NaN when
 * it did not within `timeoutMs`). Watched in the page itself, so the time is the page's, not when a
 * test assertion happened to poll.
 */
async function watch(page: Page, selector: string, expected: string, timeoutMs = 30_000) {
  const key = `${selector}=${expected}`;
  await page.evaluate(
    ({ key, selector, expected, timeoutMs }) => {
      const w = window as unknown as { __shownAt?: Record<string, Promise<number>> };
      w.__shownAt ??= {};
      w.__shownAt[key] = new Promise<number>((resolve) => {
        const read = () => {
          const el = document.querySelector(selector);
          if (!el) return null;
          return el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? "").trim();
        };
        const done = (at: number) => {
          observer.disconnect();
          clearInterval(timer);
          clearTimeout(giveUp);
          resolve(at);
        };
        const check = () => {
          if (read() === expected) done(Date.now());
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const timer = setInterval(check, 10);
        const giveUp = setTimeout(() => done(Number.NaN), timeoutMs);
        check();
      });
    },
    { key, selector, expected, timeoutMs },
  );
  return () =>
    page.evaluate((key) => (window as unknown as { __shownAt: Record<string, Promise<number>> }).__shownAt[key], key);
}

/** When the browser had the whole answer (ms since the epoch), from the request's own timing. */
async function answeredAt(response: Response): Promise<number> {
  await response.finished();
  const timing = response.request().timing();
  return timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : Date.now();
}

/** The next answer on `page` to a request of `method` whose URL ends with `urlEnd`, answered `status`. */
const answerTo = (page: Page, method: string, urlEnd: string, status: number) =>
  page.waitForResponse(
    (r) => r.request().method() === method && new URL(r.url()).pathname.endsWith(urlEnd) && r.status() === status,
    { timeout: 30_000 },
  );

/** Types `text` into paragraph `position` on `page` and confirms it; answers when the server acknowledged it. */
async function saveInBrowser(page: Page, position: number, text: string) {
  const saved = page.waitForResponse(
    (r) =>
      r.request().method() === "PUT" &&
      new URL(r.url()).pathname.endsWith(`/segments/${segmentIds[position - 1]}/translations/en`) &&
      // The confirm's own save (Control+Enter asks the quality check first; the autosave may go before it).
      r.request().postDataJSON()?.text === text &&
      r.request().postDataJSON()?.status === "translated" &&
      r.status() === 200,
    { timeout: 30_000 },
  );
  await box(page, position).fill(text);
  await box(page, position).press("Control+Enter");
  const at = await answeredAt(await saved);
  await expect(row(page, position).getByTestId("save-state")).toHaveText("Saved");
  return at;
}

const inMs = (ms: number) => (Number.isNaN(ms) ? "never (30 s)" : `${Math.round(ms)} ms`);

function record(line: string) {
  measured.push(line);
  test.info().annotations.push({ type: "measured", description: line });
  console.log(`two-instances: ${line}`);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  cluster = await startPgCluster();
  const superuser = cluster.urlOf("parallel");
  await admin(async (client) => {
    await client.query("CREATE DATABASE parallel");
    await client.query(`CREATE ROLE ${ROLE_B} LOGIN SUPERUSER`);
  }, "postgres");
  ({ documentId, segmentIds } = runWorldScript<{ documentId: string; segmentIds: string[] }>(
    "tests/two-instances-world.ts",
    superuser,
    [JSON.stringify({ people: [ASEL, BOHDAN], paragraphs: PARAGRAPHS })],
  ));
  a = new ServerProcess(PORT_A, superuser, {}, path.join(DIR, "a.log"));
  b = new ServerProcess(PORT_B, superuser.replace("postgres@", `${ROLE_B}@`), {}, path.join(DIR, "b.log"));
  await Promise.all([a.start(), b.start()]);
  pageA = await openOn(browser, a.base, ASEL);
  pageB = await openOn(browser, b.base, BOHDAN);
});

test.afterAll(async () => {
  await pageA?.context().close();
  await pageB?.context().close();
  await a?.kill9();
  await b?.kill9();
  cluster?.stop();
  if (measured.length) console.log(`two-instances measured:\n  ${measured.join("\n  ")}`);
});

test("each sees the other in the header and on the paragraph being edited", async () => {
  await expect(pageA.getByTestId("present-people").getByRole("listitem")).toHaveText([`BK${BOHDAN.name}`]);
  await expect(pageB.getByTestId("present-people").getByRole("listitem")).toHaveText([`AN${ASEL.name}`]);
  await box(pageB, 3).click();
  await expect(row(pageA, 3).getByTestId("row-presence")).toContainText(
    `${BOHDAN.name} is in this paragraph (English)`,
  );
  await box(pageA, 1).click();
  await expect(row(pageB, 1).getByTestId("row-presence")).toContainText(`${ASEL.name} is in this paragraph (English)`);
});

test("a save typed on instance A shows in the editor on instance B within 2 s of its answer", async () => {
  const text = "Shared paragraph 2 about the reform [52, p. 2].";
  const shown = await watch(pageB, boxSelector(2), text);
  const ackAt = await saveInBrowser(pageA, 2, text);
  const latency = (await shown()) - ackAt;
  record(`save answered on A → text in B's editor: ${inMs(latency)}`);
  expect(latency, "ms from A's answer to the text in B's row").toBeLessThanOrEqual(LIVE_WITHIN_MS);
  await expect(box(pageB, 2)).toHaveValue(text);
  await expect(row(pageB, 2).getByTestId("status")).toHaveText("Translated");
});

test("a note added on instance B shows on instance A within 2 s of its answer", async () => {
  const shown = await watch(pageA, `[data-testid="segment"][data-position="4"] [data-testid="notes-button"]`, "1");
  const added = answerTo(pageB, "POST", `/segments/${segmentIds[3]}/notes`, 201);
  await row(pageB, 4).getByTestId("notes-button").click();
  const panel = pageB.getByRole("complementary", { name: "Notes on paragraph 4" });
  await panel.getByLabel("Note", { exact: true }).fill("Written on instance B: check the citation.");
  await panel.getByRole("button", { name: "Add note" }).click();
  const ackAt = await answeredAt(await added);
  const latency = (await shown()) - ackAt;
  record(`note answered on B → count on A's row: ${inMs(latency)}`);
  expect(latency, "ms from B's answer to the note on A's row").toBeLessThanOrEqual(LIVE_WITHIN_MS);
  await row(pageA, 4).getByTestId("notes-button").click();
  await expect(
    pageA.getByRole("complementary", { name: "Notes on paragraph 4" }).getByText("Written on instance B"),
  ).toBeVisible();
});

test("saves made on A while B's database connections are cut all reach B once it may connect again", async () => {
  test.setTimeout(180_000);
  const cut = await admin(async (client) => {
    await client.query(`ALTER ROLE ${ROLE_B} NOLOGIN`);
    const { rows } = await client.query<{ application_name: string; killed: boolean }>(
      "SELECT application_name, pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE usename = $1",
      [ROLE_B],
    );
    return rows.filter((r) => r.killed).map((r) => r.application_name);
  });
  // B's LISTEN connection and at least one of its pool's.
  expect(cut).toContain("parallel-live");
  expect(cut).toContain("parallel");
  // B really cannot reach its database now: a read through it is answered 503, to be sent again, and says why.
  const during = await pageB.request.get(`/api/v1/documents/${documentId}/segments?target=en`);
  expect(during.status(), await during.text()).toBe(503);
  expect(await during.json()).toEqual({
    error: {
      code: "unavailable",
      message:
        "The server cannot reach its database right now. Nothing was lost; your edits stay in this browser and are sent again by themselves.",
    },
  });
  expect(Number(during.headers()["retry-after"])).toBeGreaterThan(0);
  record(`B's answer to a read while its database is cut off: ${during.status()}`);

  const texts = [5, 6].map((p) => `Paragraph ${p}, saved on A while B was cut off [52, p. ${p}].`);
  for (const [i, text] of texts.entries()) await saveInBrowser(pageA, 5 + i, text);

  const restoredAt = Date.now();
  await admin((client) => client.query(`ALTER ROLE ${ROLE_B} LOGIN`));
  for (const [i, text] of texts.entries()) await expect(box(pageB, 5 + i)).toHaveValue(text, { timeout: 30_000 });
  record(`B's editor caught up ${inMs(Date.now() - restoredAt)} after B's database was let in again`);
  await expect(pageB.getByTestId("live-status").getByRole("status")).toHaveText("Live");
  // B listens again (its listener retries with backoff; until then its hub's poll caught up).
  const connectionsOfB = () =>
    admin(async (client) => {
      const { rows } = await client.query<{ application_name: string }>(
        "SELECT application_name FROM pg_stat_activity WHERE usename = $1",
        [ROLE_B],
      );
      return rows.map((r) => r.application_name);
    });
  await expect.poll(connectionsOfB, { timeout: 30_000 }).toContain("parallel-live");

  // And both directions are live again: a save on A reaches B, one on B reaches A, each within 2 s.
  for (const [from, to, position] of [
    [pageA, pageB, 1],
    [pageB, pageA, 3],
  ] as const) {
    const text = `Paragraph ${position}, saved after the cut [52, p. ${position}].`;
    const shown = await watch(to, boxSelector(position), text);
    const ackAt = await saveInBrowser(from, position, text);
    const latency = (await shown()) - ackAt;
    record(`after the cut, save answered on ${from === pageA ? "A" : "B"} → shown on the other: ${inMs(latency)}`);
    expect(latency).toBeLessThanOrEqual(LIVE_WITHIN_MS);
  }
});

test("Bohdan's initials leave A's header and row when his tab closes", async () => {
  // B moves into paragraph 3 (the confirm of 3 above has taken B on to paragraph 4).
  await box(pageB, 3).click();
  await expect(row(pageA, 3).getByTestId("row-presence")).toBeVisible();
  const context = pageB.context();
  await pageB.close();
  await expect(pageA.getByTestId("present-people")).toBeHidden({ timeout: 10_000 });
  await expect(pageA.getByTestId("row-presence")).toHaveCount(0);
  await context.close();
});
