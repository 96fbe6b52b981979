// Issue 18: a commit SQLite reported done but the filesystem could not confirm afterwards
// (lib/db/fs-check.ts; in life, ext4 turning read-only in the middle of a commit, which
// tests/reliability/flip.test.ts catches by repetition). Here the check is made to fail on purpose
// and for as long as the test says: its file is made immutable (chattr +i), which refuses the
// change the check makes while SQLite's own files go on working. The save is answered 503, the
// writer writes nothing more while it cannot confirm, no save is answered 200 from what that commit
// left in the database, reads go on, and everything works again by itself once the check passes.
// Needs root and a filesystem with the immutable attribute (ext4, the machine's /tmp): skipped without.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { World } from "../world";
import type { Answer, ApiServer } from "./api-server";

let world: World;
let api: ApiServer;
let send: typeof import("./api-server").send;
let checkFile = "";
let cannot: string | null = process.getuid?.() === 0 ? null : "needs root (chattr)";

const chattr = (flag: "+i" | "-i") => execFileSync("chattr", [flag, checkFile], { stdio: "pipe" });

beforeAll(async () => {
  if (cannot) return;
  // The per-token request count is a write (lib/auth/token-rate.ts): off, as in the read-only spec,
  // so that the reads below are only reads.
  process.env.PARALLEL_TOKEN_RATE_PER_MINUTE = "0";
  const { createWorld } = await import("../world");
  world = await createWorld();
  if (world.database.target.provider !== "sqlite") {
    cannot = "SQLite's own machinery";
    return;
  }
  checkFile = `${world.database.target.url}-fs-check`;
  const server = await import("./api-server");
  send = server.send;
  api = await server.startApiServer();
  // The first write creates the check's file; then it must take the attribute.
  await world.db.project.update({ where: { id: world.project.id }, data: { description: "check file made" } });
  try {
    chattr("+i");
    chattr("-i");
  } catch (error) {
    cannot = `no immutable attribute here: ${(error as Error).message.split("\n")[0]}`;
  }
}, 60_000);
afterAll(async () => {
  if (checkFile && existsSync(checkFile)) chattr("-i");
  await api?.close();
  await world?.cleanup();
});

function save(token: string, text: string, baseVersion: number): Promise<Answer> {
  const path = `/api/v1/segments/${world.segments[0].id}/translations/en`;
  return send(api.base, "PUT", path, token, { text, baseVersion }, { "accept-language": "uk" });
}

function expectUnavailable(answer: Answer) {
  expect(answer.status, answer.text).toBe(503);
  expect(answer.json.error.code).toBe("unavailable");
  expect(answer.json.error.message).toMatch(/диск|запис/i);
  expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
}

describe("a commit the filesystem cannot confirm", () => {
  it("is answered 503, nothing more is written or vouched for until the check passes, then saving goes on", async (context) => {
    if (cannot) context.skip(cannot);
    const { translator, owner } = world.tokens;
    const path = `/api/v1/segments/${world.segments[0].id}/translations/en`;
    const before = (await send(api.base, "GET", path, owner)).json.translation.version;
    const first = await save(translator, "Before the disk's trouble.", before);
    expect(first.status, first.text).toBe(200);
    const v1 = first.json.translation.version;

    chattr("+i");
    try {
      // SQLite commits it, the check refuses: not acknowledged.
      expectUnavailable(await save(translator, "Committed, never confirmed.", v1));
      const wal = `${world.database.target.url}-wal`;
      const walSize = statSync(wal).size;
      // Reads go on (and show that commit: what the database holds, confirmed or not).
      const read = await send(api.base, "GET", path, owner);
      expect(read.status, read.text).toBe(200);
      const shown = read.json.translation;
      expect(shown.text).toBe("Committed, never confirmed.");
      // Someone sending that very text changes nothing, and is not told it is saved.
      expectUnavailable(await save(owner, "Committed, never confirmed.", shown.version));
      // Other writes are refused without writing anything.
      expectUnavailable(await save(translator, "Typed meanwhile.", shown.version));
      expect(statSync(wal).size).toBe(walSize);
    } finally {
      chattr("-i");
    }

    // The check passes again: the commit is synced and confirmed, and saving works by itself.
    const confirmed = await save(owner, "Committed, never confirmed.", v1 + 1);
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.json.translation.version).toBe(v1 + 1);
    const next = await save(translator, "After the trouble.", v1 + 1);
    expect(next.status, next.text).toBe(200);
    expect(next.json.translation.version).toBe(v1 + 2);
    const history = await world.db.revision.findMany({
      where: { translation: { segmentId: world.segments[0].id, lang: "en" } },
      orderBy: { version: "asc" },
      select: { version: true, text: true },
    });
    expect(history.slice(-3)).toEqual([
      { version: v1, text: "Before the disk's trouble." },
      { version: v1 + 1, text: "Committed, never confirmed." },
      { version: v1 + 2, text: "After the trouble." },
    ]);
  });
});
