// Issue 18, read-only: the production server (`npm start`'s scripts/start.ts) runs on a SQLite file
// on a filesystem of its own, and that filesystem turns read-only under it while saves and reads go
// on. Saves are answered 503 `unavailable` with a translated reason and Retry-After (never 200 for
// a save that is not on disk, never 500), reads keep working, and a translator typing in the editor
// is told why the edit waits; once the filesystem is repaired and the server started again, every
// save answered 200 is there, the editor's waiting edit arrives by itself, and saving works.
//
// How it turns read-only: ext4 on a loop device mounted errors=remount-ro, told of an error through
// sysfs (tests/reliability/ext4-mount.ts): the kernel turns it read-only at once, open files included,
// as it does when a disk fails, and only an unmount, e2fsck and a fresh mount repair it, so the server
// is stopped and started again, as an administrator would. Needs root and loop devices; skipped,
// saying why, without. Every save answered 200 must be there after the repair, those answered while
// it turned read-only included (one was lost once: fixed in lib/db/fs-check.ts, and
// tests/reliability/flip.test.ts repeats that moment again and again); a save answered 503 may be
// there too (the disk failed during its commit), at most one, after which the server wrote nothing.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { size } from "../tests/reliability/config";
import { Ext4Mount } from "../tests/reliability/ext4-mount";
import { recordResult } from "../tests/reliability/report";
import { prepareServerWorld, ServerProcess } from "../tests/reliability/server-process";
import { anonymousPage } from "./helpers";

const PORT = Number(process.env.CRASH_PORT || Number(process.env.E2E_PORT || 3210) + 352) + 2;
const mount = new Ext4Mount(path.join("/tmp", `parallel-readonly-${process.pid}`));
const MOUNT = mount.dir;
const FILE = path.join(MOUNT, "parallel.db");
const SAVERS = 4;
/** How long saves and reads go on against the read-only filesystem. */
const READ_ONLY_MS = size("READ_ONLY_MS", 3_000, 30_000);

const server = new ServerProcess(PORT, FILE, { PARALLEL_TOKEN_RATE_PER_MINUTE: "0" });

test.afterAll(async () => {
  await server.kill9();
  mount.remove();
});

async function call(method: string, url: string, token: string, body?: unknown) {
  const res = await fetch(`${server.base}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      "accept-language": "uk",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), json: await res.json().catch(() => null) };
}

test("the database's filesystem turns read-only under the server: 503 for saves, reads go on, nothing acknowledged lost", async ({
  browser,
}) => {
  test.setTimeout(READ_ONLY_MS + 240_000);
  const cannot = mount.create();
  if (cannot) console.log(`read-only test skipped: ${cannot}`);
  test.skip(cannot !== null, cannot ?? "");

  const world = prepareServerWorld(FILE);
  await server.start();
  // A translator (the owner here) has the document open in the editor.
  const { context, page } = await anonymousPage(browser);
  await page.goto(`${server.base}/en/sign-in`);
  await page.getByLabel("Email").fill("owner@crash.test");
  await page.getByLabel("Password").fill("crash-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await page.goto(`${server.base}/en/documents/${world.documentId}`);
  const box = page.getByRole("textbox", { name: "Translation of paragraph 31 into English" });
  const row = page.locator('[data-testid="segment"][data-position="31"]');
  await expect(box).toBeVisible();
  const versions = new Map<string, number>();
  /** Saves answered 200, and whether the answer came after the filesystem turned read-only. */
  const acked = new Map<string, { version: number; text: string; afterFlip: boolean }[]>();
  /** Saves answered 503, with the version each was based on. */
  const refused = new Map<string, { baseVersion: number; text: string }[]>();
  const answers: Record<string, number> = {};
  const wrong: string[] = [];
  let readOnly = false;
  let running = true;
  const tally = (what: string) => {
    answers[what] = (answers[what] ?? 0) + 1;
  };

  const saver = async (n: number) => {
    for (let k = 0; running; k++) {
      const segmentId = world.segmentIds[n + SAVERS * (k % 3)];
      const text = `saver ${n} edit ${k}`;
      const baseVersion = versions.get(segmentId) ?? 0;
      const answer = await call("PUT", `/api/v1/segments/${segmentId}/translations/en`, world.translator, {
        text,
        baseVersion,
      });
      tally(`save ${answer.status}${readOnly ? " (read-only)" : ""}`);
      if (answer.status === 200) {
        const { version } = answer.json.translation;
        versions.set(segmentId, version);
        acked.set(segmentId, [...(acked.get(segmentId) ?? []), { version, text, afterFlip: readOnly }]);
      } else if (answer.status === 503) {
        // Not acknowledged: the next edit builds on the same version, as the outbox does.
        refused.set(segmentId, [...(refused.get(segmentId) ?? []), { baseVersion, text }]);
        const { code, message } = answer.json?.error ?? {};
        if (code !== "unavailable" || !/диск|запис/i.test(message ?? "") || !(Number(answer.retryAfter) > 0))
          wrong.push(`503 without the translated reason or Retry-After: ${JSON.stringify(answer)}`);
        await new Promise((r) => setTimeout(r, 50));
      } else wrong.push(`save answered ${answer.status}: ${JSON.stringify(answer.json)}`);
    }
  };
  const reader = async () => {
    while (running) {
      const [segmentId, list] = [...acked].at(-1) ?? [world.segmentIds[0], []];
      const last = list.at(-1);
      const answer = await call("GET", `/api/v1/segments/${segmentId}/translations/en`, world.translator);
      tally(`read ${answer.status}${readOnly ? " (read-only)" : ""}`);
      if (answer.status !== 200) wrong.push(`read answered ${answer.status}: ${JSON.stringify(answer.json)}`);
      else if (last && answer.json.translation.version < last.version)
        wrong.push(`read ${answer.json.translation.version}, below the acknowledged ${last.version}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const burst = Promise.all([...Array.from({ length: SAVERS }, (_, n) => saver(n)), reader()]);

  await expect.poll(() => answers["save 200"] ?? 0).toBeGreaterThanOrEqual(20);
  mount.fail();
  readOnly = true;
  expect(() => writeFileSync(path.join(MOUNT, "probe"), "x")).toThrow(/read-only/i);
  await box.fill("Typed while the disk was read-only");
  // A ceiling, not a speed check: the save is sent after the editor's pause, and at a load of 23 on
  // the shared machine it was still "Saving…" after Playwright's default 5 s once.
  await expect(page.getByTestId("offline-banner")).toHaveText(
    "The server cannot save right now: its disk is full or read-only. Nothing was lost; your edits stay in this browser and are sent again by themselves. 1 edits waiting to be sent",
    { timeout: 20_000 },
  );
  await new Promise((r) => setTimeout(r, READ_ONLY_MS));
  running = false;
  await burst;
  expect(wrong).toEqual([]);
  expect(answers["save 503 (read-only)"] ?? 0).toBeGreaterThan(0);
  expect(answers["read 200 (read-only)"] ?? 0).toBeGreaterThan(0);

  // Repaired as an administrator would: the server stopped, the filesystem checked and mounted again.
  await server.kill9();
  mount.repair();
  /** Saves answered 503 that are there all the same. */
  const keptThoughRefused: string[] = [];
  const raw = new Database(FILE, { readonly: true });
  try {
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    const revision = raw.prepare(
      "SELECT r.text FROM Revision r JOIN Translation t ON t.id = r.translationId WHERE t.segmentId = ? AND t.lang = 'en' AND r.version = ?",
    );
    const current = raw.prepare("SELECT text, version FROM Translation WHERE segmentId = ? AND lang = 'en'");
    for (const [segmentId, list] of acked) {
      // Every save answered 200, before, during or after the switch.
      for (const { version, text } of list) {
        expect(
          (revision.get(segmentId, version) as { text: string } | undefined)?.text,
          `${segmentId} v${version}`,
        ).toBe(text);
      }
      const last = list.at(-1);
      const now = current.get(segmentId) as { text: string; version: number };
      if (now.version !== last?.version) {
        // Only a save refused on the last acknowledged version, the next one.
        const tried = (refused.get(segmentId) ?? []).filter((r) => r.baseVersion === last?.version).map((r) => r.text);
        expect(now.version, `${segmentId}: ${JSON.stringify(now)}`).toBe((last?.version ?? 0) + 1);
        expect(tried).toContain(now.text);
        keptThoughRefused.push(`${now.text} (v${now.version})`);
      } else expect(now.text).toBe(last?.text);
    }
  } finally {
    raw.close();
  }
  // The server wrote nothing more once a commit failed under it: what is there though refused is the
  // one commit the filesystem check refused, which group commit (lib/db/group-commit.ts) may have
  // shared among the savers' saves in flight, one each at most (each paragraph checked above).
  expect(keptThoughRefused.length).toBeLessThanOrEqual(SAVERS);

  await server.start();
  const [segmentId] = [...acked.keys()];
  const now = await call("GET", `/api/v1/segments/${segmentId}/translations/en`, world.translator);
  const again = await call("PUT", `/api/v1/segments/${segmentId}/translations/en`, world.translator, {
    text: "saved again after the repair",
    baseVersion: now.json.translation.version,
  });
  expect(again.status, JSON.stringify(again.json)).toBe(200);
  // The editor's edit, kept meanwhile, arrived by itself.
  await expect(row.getByTestId("save-state")).toHaveText("Saved", { timeout: 30_000 });
  await expect(page.getByTestId("offline-banner")).toBeHidden();
  const typed = await call("GET", `/api/v1/segments/${world.segmentIds[30]}/translations/en`, world.owner);
  expect(typed.json.translation.text).toBe("Typed while the disk was read-only");
  await context.close();
  const acknowledged = [...acked.values()].reduce((n, list) => n + list.length, 0);
  const duringFlip = [...acked.values()].flat().filter((a) => a.afterFlip).length;
  console.log(
    `read-only: ${JSON.stringify(answers)}; ${acknowledged} acknowledged saves (${duringFlip} answered as it turned ` +
      `read-only), all there after the repair; refused yet kept: ${keptThoughRefused.join(", ") || "none"}`,
  );
  recordResult({
    property:
      "Read-only filesystem: saves answered 503 with a translated reason, reads go on, nothing acknowledged lost",
    test: "e2e/reliability-readonly.spec.ts",
    figures: {
      readOnlySeconds: READ_ONLY_MS / 1000,
      answers,
      acknowledged,
      answeredDuringFlip: duringFlip,
      lost: 0,
      keptThoughRefused: keptThoughRefused.length,
      errors500: 0,
    },
  });
});
