// Group commit (group-commit.ts) on a real SQLite file: saves that reach the writer together are
// committed by one COMMIT (one fsync), yet each succeeds or fails on its own; and when that COMMIT
// fails, none of them is answered as saved. How many commits a batch took is read from the WAL file
// itself: each commit ends with a frame that carries the database's size (a commit frame).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmallDocument } from "../../tests/small-document";
import { type TestDatabase, testDatabase, testProvider } from "../../tests/temp-db";
import { type Db, openDb } from "./client";
import { isStorageUnavailable } from "./errors";

const onSqlite = testProvider() === "sqlite";

/** Commit frames in the WAL's current generation (frames whose salts match the WAL header's). */
function walCommits(file: string): number {
  let wal: Buffer;
  try {
    wal = readFileSync(`${file}-wal`);
  } catch {
    return 0;
  }
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  const salts = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salts[0] || wal.readUInt32BE(at + 12) !== salts[1]) break;
    if (wal.readUInt32BE(at + 4) !== 0) commits++;
  }
  return commits;
}

interface World {
  db: Db;
  file: string;
  userId: string;
  documentId: string;
  segmentIds: string[];
  translationIds: string[];
}

async function buildWorld(db: Db, file: string, paragraphs: number): Promise<World> {
  const { userId, documentId, segmentIds } = await createSmallDocument(db, paragraphs);
  const translationIds: string[] = [];
  for (const segmentId of segmentIds) {
    const t = await db.translation.create({ data: { segmentId, documentId, lang: "en" } });
    translationIds.push(t.id);
  }
  return { db, file, userId, documentId, segmentIds, translationIds };
}

/** A save as the editor's fast path writes it: compare-and-set on the version (0 rows: a conflict). */
function save(world: World, i: number, text: string, baseVersion: number, userId = world.userId) {
  return world.db.$executeRaw`
    UPDATE "Translation" SET "text" = ${text}, "status" = 'draft', "version" = "version" + 1,
           "updatedById" = ${userId}, "updatedAt" = ${new Date()}
     WHERE "id" = ${world.translationIds[i]} AND "version" = ${baseVersion}`;
}

async function stateOf(world: World) {
  const rows = await world.db.translation.findMany({
    where: { id: { in: world.translationIds } },
    include: { revisions: { orderBy: { version: "asc" } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return world.translationIds.map((id) => {
    const r = byId.get(id);
    if (!r) throw new Error(`translation ${id} is gone`);
    return { text: r.text, version: r.version, revisions: r.revisions.map((v) => [v.version, v.text]) };
  });
}

describe.skipIf(!onSqlite)("group commit of the SQLite writer", () => {
  let database: TestDatabase;
  let world: World;

  beforeAll(async () => {
    database = await testDatabase();
    world = await buildWorld(openDb(database.url), database.target.url, 6);
  });
  afterAll(async () => {
    await world?.db.$disconnect();
    await database?.cleanup();
  });

  it("commits saves that arrive together once, and refuses only the one that breaks a constraint", async () => {
    const before = walCommits(world.file);
    // Paragraph 3's save names an author who does not exist: its foreign key refuses it.
    const answers = await Promise.allSettled(
      world.translationIds.map((_, i) => save(world, i, `saved ${i}`, 0, i === 3 ? "no-such-user" : world.userId)),
    );
    expect(walCommits(world.file) - before).toBe(1);
    expect(answers.map((a) => a.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
      "fulfilled",
    ]);
    expect(String((answers[3] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY constraint failed/);
    expect(answers.filter((a) => a.status === "fulfilled").map((a) => a.value)).toEqual([1, 1, 1, 1, 1]);

    const state = await stateOf(world);
    for (const [i, row] of state.entries()) {
      // The refused save left nothing, not even the revision its trigger wrote inside the statement.
      if (i === 3) expect(row).toEqual({ text: "", version: 0, revisions: [] });
      else expect(row).toEqual({ text: `saved ${i}`, version: 1, revisions: [[1, `saved ${i}`]] });
    }
  });

  it("decides each save of a batch on what the saves before it in the batch wrote", async () => {
    const before = walCommits(world.file);
    // Two saves from version 1 of paragraph 0: the first wins, the second is a conflict (0 rows);
    // a third from version 2 builds on the first.
    const answers = await Promise.all([
      save(world, 0, "first", 1),
      save(world, 0, "second", 1),
      save(world, 0, "third", 2),
    ]);
    expect(walCommits(world.file) - before).toBe(1);
    expect(answers).toEqual([1, 0, 1]);
    const [row] = await stateOf(world);
    expect(row).toEqual({
      text: "third",
      version: 3,
      revisions: [
        [1, "saved 0"],
        [2, "first"],
        [3, "third"],
      ],
    });
  });

  it("undoes the whole of a failed statement, even the rows it wrote before it failed", async () => {
    const before = walCommits(world.file);
    // OR FAIL keeps what a statement wrote before its failing row: alone, that half would commit.
    const halfway = world.db.$executeRaw`
      INSERT OR FAIL INTO "Translation" ("id", "segmentId", "documentId", "lang", "updatedAt")
      VALUES ('kk-first', ${world.segmentIds[4]}, ${world.documentId}, 'kk', ${new Date()}),
             ('kk-again', ${world.segmentIds[4]}, ${world.documentId}, 'kk', ${new Date()})`;
    const answers = await Promise.allSettled([save(world, 4, "next", 1), halfway, save(world, 5, "next", 1)]);
    expect(walCommits(world.file) - before).toBe(1);
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((answers[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint failed/);
    expect(await world.db.translation.count({ where: { segmentId: world.segmentIds[4], lang: "kk" } })).toBe(0);
    expect((await stateOf(world)).slice(4).map((row) => row.text)).toEqual(["next", "next"]);
  });

  it("commits a save that arrives alone on its own", async () => {
    const before = walCommits(world.file);
    expect(await save(world, 1, "alone", 1)).toBe(1);
    expect(walCommits(world.file) - before).toBe(1);
  });
});

// A COMMIT that fails for real: the database on a small tmpfs of its own that is then filled up
// (root only, as tests/reliability/disk.test.ts). The saves' statements succeed in SQLite's page
// cache; writing their WAL frames at COMMIT finds no space.
const MOUNT = path.join("/tmp", `parallel-group-commit-${process.pid}`);
const mounted =
  onSqlite &&
  (() => {
    if (process.getuid?.() !== 0) return false;
    try {
      mkdirSync(MOUNT, { recursive: true });
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", MOUNT]);
      return true;
    } catch {
      return false;
    }
  })();

describe.skipIf(!mounted)("group commit when the COMMIT fails (disk full)", () => {
  let database: TestDatabase;
  let world: World;
  const filler = path.join(MOUNT, "filler");

  beforeAll(async () => {
    database = await testDatabase();
    const file = path.join(MOUNT, "parallel.db");
    cpSync(database.target.url, file);
    world = await buildWorld(openDb(`file:${file}`), file, 5);
    // The WAL and its index exist and hold a commit before the disk fills.
    await Promise.all(world.translationIds.map((_, i) => save(world, i, `before ${i}`, 0)));
  }, 60_000);
  afterAll(async () => {
    await world?.db.$disconnect();
    execFileSync("umount", ["-l", MOUNT]);
    rmSync(MOUNT, { recursive: true, force: true });
    await database?.cleanup();
  });

  function fillDisk() {
    const chunk = Buffer.alloc(16 * 1024, 1);
    try {
      for (;;) writeFileSync(filler, chunk, { flag: "a" });
    } catch {
      // ENOSPC: full
    }
  }

  it("fails every save of the batch, writes none of them, and saves again once space returns", async () => {
    const before = walCommits(world.file);
    fillDisk();
    const big = "ж".repeat(20_000);
    const answers = await Promise.allSettled(world.translationIds.map((_, i) => save(world, i, `${big} ${i}`, 1)));
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill("rejected"));
    for (const answer of answers) expect(isStorageUnavailable((answer as PromiseRejectedResult).reason)).toBe(true);
    expect(walCommits(world.file)).toBe(before);

    rmSync(filler);
    const state = await stateOf(world);
    expect(state).toEqual(
      world.translationIds.map((_, i) => ({ text: `before ${i}`, version: 1, revisions: [[1, `before ${i}`]] })),
    );
    // Nothing stuck: the writer is out of the failed transaction, and the same saves now commit.
    expect(await Promise.all(world.translationIds.map((_, i) => save(world, i, `after ${i}`, 1)))).toEqual(
      Array(5).fill(1),
    );
    expect((await stateOf(world)).map((row) => row.text)).toEqual(world.translationIds.map((_, i) => `after ${i}`));
  });

  it("refuses the whole batch when a statement in it runs out of space before the COMMIT", async () => {
    // A page cache of two pages: the big save spills to the WAL in the middle of the batch.
    await world.db.$executeRawUnsafe("PRAGMA cache_size = 2");
    fillDisk();
    const big = "ж".repeat(200_000);
    const texts = ["small 0", `${big} 1`, "small 2", "small 3", "small 4"];
    const answers = await Promise.allSettled(world.translationIds.map((_, i) => save(world, i, texts[i], 2)));
    rmSync(filler);
    await world.db.$executeRawUnsafe("PRAGMA cache_size = -2000");
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill("rejected"));
    for (const answer of answers) expect(isStorageUnavailable((answer as PromiseRejectedResult).reason)).toBe(true);
    expect((await stateOf(world)).map((row) => [row.text, row.version])).toEqual(
      world.translationIds.map((_, i) => [`after ${i}`, 2]),
    );
  });
});
