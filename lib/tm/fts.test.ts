// The memory's full-text indexes are raw SQL (migration memory_fts) that Prisma does not model: these
// tests fail when a migration loses them, when the triggers stop keeping them in step, or when the
// next migration the models produce would drop them.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  expectIndexFollowsWrites,
  expectRankingByWords,
  memoryIndexSuite,
} from "../../tests/fixtures/memory-index-suite";
import { testDatabase } from "../../tests/temp-db";
import { pendingModelChanges } from "../db/migrate";
import { EXTERNAL_TABLES } from "../db/migrations-dir";
import { checkMemoryIndexes, rebuildMemoryIndexes, sqliteMemoryIndex } from "./fts5";

const TRIGGERS = [
  "MemoryUnit_fts_after_delete",
  "MemoryUnit_fts_after_insert",
  "MemoryUnit_fts_after_update_source",
  "MemoryUnit_fts_after_update_target",
];

function objects(file: string) {
  const raw = new Database(file, { readonly: true });
  const triggers = raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'MemoryUnit' ORDER BY name")
    .pluck()
    .all();
  const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  raw.close();
  return { triggers, tables };
}

const t = memoryIndexSuite();
const { unit } = t;

describe("the memory's full-text indexes", () => {
  it("are in a migrated database, with the triggers that keep them", () => {
    const { triggers, tables } = objects(t.target.url);
    expect(triggers).toEqual(TRIGGERS);
    for (const table of EXTERNAL_TABLES) expect(tables).toContain(table);
  });

  it("follow every insert, update and delete", () =>
    expectIndexFollowsWrites(t, sqliteMemoryIndex(t.db), () => checkMemoryIndexes(t.db)));

  it("rank units by how many of the words they have, then the newest", () =>
    expectRankingByWords(t, sqliteMemoryIndex(t.db)));

  it("can be rebuilt from the units (after a migration that copied the table)", async () => {
    const created = await t.db.memoryUnit.create({ data: unit("Прозорість рішень.", "Transparency of decisions.") });
    // Text changed behind the triggers' back, as a table copy would leave it.
    const raw = new Database(t.target.url);
    raw.exec("DROP TRIGGER MemoryUnit_fts_after_update_source");
    raw.prepare("UPDATE MemoryUnit SET source = 'Відкритість рішень.' WHERE id = ?").run(created.id);
    raw.close();
    await expect(checkMemoryIndexes(t.db)).rejects.toThrow();
    await rebuildMemoryIndexes(t.db);
    await checkMemoryIndexes(t.db);
    expect(await sqliteMemoryIndex(t.db).rankByWords([["відкритість"]], 10, 10)).toEqual([[created.id]]);
  });

  it("are not dropped or doubled by the next migration the models produce", async () => {
    // A fresh database (the test above dropped a trigger of this one). The models as they are:
    // nothing to migrate, so no script that could touch the indexes.
    const fresh = await testDatabase({ provider: "sqlite" });
    try {
      expect(await pendingModelChanges(fresh.target)).toBeNull();
      const { triggers, tables } = objects(fresh.target.url);
      expect(triggers).toEqual(TRIGGERS);
      for (const table of EXTERNAL_TABLES) expect(tables).toContain(table);
    } finally {
      await fresh.cleanup();
    }
  });
});
