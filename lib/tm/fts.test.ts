// The memory's full-text indexes are raw SQL (migration memory_fts) that Prisma does not model: these
// tests fail when a migration loses them, when the triggers stop keeping them in step, or when the
// next migration the models produce would drop them.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MemoryTestDb, memoryIndexWorld } from "../../tests/fixtures/memory-world";
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

let world: Awaited<ReturnType<typeof memoryIndexWorld>>;
let t: MemoryTestDb;
beforeAll(async () => {
  world = await memoryIndexWorld();
  t = world.t;
});
afterAll(() => t.cleanup());

const unit = (source: string, target: string) => world.unit(source, target);
const filter = () => world.filter();
const page = { limit: 10, offset: 0 };

describe("the memory's full-text indexes", () => {
  it("are in a migrated database, with the triggers that keep them", () => {
    const { triggers, tables } = objects(t.target.url);
    expect(triggers).toEqual(TRIGGERS);
    for (const table of EXTERNAL_TABLES) expect(tables).toContain(table);
  });

  it("follow every insert, update and delete", async () => {
    const index = sqliteMemoryIndex(t.db);
    const created = await t.db.memoryUnit.create({ data: unit("Реформа державної служби.", "Civil service reform.") });
    expect(await index.rankByWords([["реформа"]], 10, 10)).toEqual([[created.id]]);
    expect((await index.phraseSearch("target", "SERVICE REF", filter(), page, 10)).ids).toEqual([created.id]);

    await t.db.memoryUnit.update({ where: { id: created.id }, data: { source: "Модернізація державної служби." } });
    expect(await index.rankByWords([["реформа"], ["модернізація"]], 10, 10)).toEqual([[], [created.id]]);
    expect((await index.wordFrequencies(["модернізація", "реформа"])).get("модернізація")).toBe(1);
    await t.db.memoryUnit.update({ where: { id: created.id }, data: { target: "Modernising the civil service." } });
    expect((await index.phraseSearch("target", "service ref", filter(), page, 10)).ids).toEqual([]);
    expect((await index.phraseSearch("target", "modernising", filter(), page, 10)).ids).toEqual([created.id]);
    await checkMemoryIndexes(t.db);

    await t.db.memoryUnit.delete({ where: { id: created.id } });
    expect((await index.phraseSearch("source", "модернізація", filter(), page, 10)).total).toBe(0);
    await checkMemoryIndexes(t.db);
  });

  it("rank units by how many of the words they have, then the newest", async () => {
    const index = sqliteMemoryIndex(t.db);
    const one = await t.db.memoryUnit.create({ data: unit("Кадрова політика регіону.", "a") });
    const both = await t.db.memoryUnit.create({ data: unit("Кадрова політика і реформа регіону.", "b") });
    const newer = await t.db.memoryUnit.create({ data: unit("Лише політика.", "c") });
    expect(await index.rankByWords([["кадрова", "реформа"], ["політика"]], 100, 10)).toEqual([
      [both.id, one.id],
      [newer.id, both.id, one.id],
    ]);
    expect(await index.rankByWords([["політика"]], 100, 2)).toEqual([[newer.id, both.id]]);
    // Each word's list is read to its newest `limit` units.
    expect(await index.rankByWords([["політика"]], 1, 10)).toEqual([[newer.id]]);
    await t.db.memoryUnit.deleteMany({ where: { id: { in: [one.id, both.id, newer.id] } } });
  });

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
