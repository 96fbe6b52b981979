// The memory's text index on PostgreSQL (migration memory_fts's twin, lib/tm/pg-index.ts) is raw SQL
// that Prisma does not model: these tests fail when a migration loses it, when the triggers stop
// keeping the words table in step, when it makes other words than lib/tm/tokens.ts, or when the next
// migration the models produce would drop it. (SQLite's FTS5 form: lib/tm/fts.test.ts.)
import { describe, expect, it } from "vitest";
import {
  expectIndexFollowsWrites,
  expectRankingByWords,
  memoryIndexSuite,
} from "../../tests/fixtures/memory-index-suite";
import { triggersOn } from "../../tests/schema-objects";
import { pendingModelChanges } from "../db/migrate";
import { afterBulkMemoryWrite, checkMemoryIndex } from "./memory-index";
import { postgresMemoryIndex } from "./pg-index";
import { indexWords, tokenize } from "./tokens";

const TRIGGERS = ["MemoryUnit_fts_after_insert", "MemoryUnit_fts_after_update_source"];

const t = memoryIndexSuite();
const { unit, filter, page } = t;

const wordsOf = async (id: number) =>
  (
    await t.db.$queryRaw<{ word: string }[]>`SELECT "word" FROM "MemoryUnitWords" WHERE "unitId" = ${id} ORDER BY 1`
  ).map((r) => r.word);

describe("the memory's text index on PostgreSQL", () => {
  it("is in a migrated database: the words table, the trigram indexes and the triggers", async () => {
    expect(await triggersOn(t.db, "MemoryUnit")).toEqual(TRIGGERS);
    const indexes = await t.db.$queryRaw<{ name: string }[]>`
      SELECT indexname AS name FROM pg_indexes WHERE tablename = 'MemoryUnit' AND indexname LIKE '%trgm' ORDER BY 1`;
    expect(indexes.map((r) => r.name)).toEqual(["MemoryUnit_source_trgm", "MemoryUnit_target_trgm"]);
  });

  it("keeps the words lib/tm/tokens.ts makes: letters only, lower case, apostrophes as '", async () => {
    const source = "М’якІ мʼякі м'які ҚАЗАҚСТАН, A4 2013 5,5 і «державна» служба—реформа.";
    const created = await t.db.memoryUnit.create({ data: unit(source, "x") });
    expect(await wordsOf(created.id)).toEqual([...new Set(indexWords(tokenize(source)))].sort());
    await t.db.memoryUnit.delete({ where: { id: created.id } });
  });

  it("follows every insert, update and delete", () => {
    const index = postgresMemoryIndex(t.db);
    return expectIndexFollowsWrites(t, index, () => checkMemoryIndex(t.db), {
      // Inside a word too (the trigram indexes).
      created: async (id) =>
        expect((await index.phraseSearch("source", "ЕРЖАВН", filter(), page, 10)).ids).toEqual([id]),
      // LIKE's wild cards are letters like any other.
      updated: async () => expect((await index.phraseSearch("target", "mod%ing", filter(), page, 10)).ids).toEqual([]),
      deleted: async (id) => expect(await wordsOf(id)).toEqual([]),
    });
  });

  it("ranks units by how many of the words they have, then the newest", () =>
    expectRankingByWords(t, postgresMemoryIndex(t.db)));

  it("ranks each text's words on its own, several texts in one call", async () => {
    const index = postgresMemoryIndex(t.db);
    const a = await t.db.memoryUnit.create({ data: unit("Атестація кадрів області.", "a") });
    const b = await t.db.memoryUnit.create({ data: unit("Атестація службовців.", "b") });
    const c = await t.db.memoryUnit.create({ data: unit("Ротація кадрів області.", "c") });
    // A text with no unit's words, a text whose lists overlap, and the same word in two texts.
    expect(
      await index.rankByWords([["небувале"], ["кадрів", "області", "атестація"], ["атестація"], []], 100, 2),
    ).toEqual([[], [a.id, c.id], [b.id, a.id], []]);
    expect(await index.rankByWords([], 100, 2)).toEqual([]);
    await t.db.memoryUnit.deleteMany({ where: { id: { in: [a.id, b.id, c.id] } } });
  });

  it("finds a phrase newest first across its id windows, each hit once, and pages through them", async () => {
    // Windows of a few ids, then four times wider…: eleven units (another language's between them)
    // cross several, and each window's edges fall on other units for each width.
    const ids: number[] = [];
    for (let i = 0; i < 11; i++) {
      ids.push((await t.db.memoryUnit.create({ data: unit(`Кадровий резерв номер ${i}.`, `Reserve ${i}.`) })).id);
      if (i % 3 === 0)
        await t.db.memoryUnit.create({ data: { ...unit(`Кадровий резерв ${i} інший.`, "x"), targetLang: "kk" } });
    }
    const newest = [...ids].reverse();
    for (const phraseWindow of [1, 2, 3, 7, 1_000]) {
      const index = postgresMemoryIndex(t.db, { phraseWindow });
      const all = await index.phraseSearch("source", "кадровий резерв", filter(), { limit: 20, offset: 0 }, 100);
      expect(all, `window ${phraseWindow}`).toEqual({ ids: newest, total: 11, totalIsExact: true });
      const second = await index.phraseSearch("source", "РЕЗЕРВ НОМЕР", filter(), { limit: 4, offset: 4 }, 100);
      expect(second).toEqual({ ids: newest.slice(4, 8), total: 11, totalIsExact: true });
      // Counted up to the limit, then "at least"; the page is still the newest.
      expect(await index.phraseSearch("source", "резерв", filter(), { limit: 3, offset: 0 }, 5)).toEqual({
        ids: newest.slice(0, 3),
        total: 5,
        totalIsExact: false,
      });
      const deeper = await index.phraseSearch("source", "резерв", filter(), { limit: 4, offset: 5 }, 5);
      expect(deeper).toEqual({ ids: newest.slice(5, 9), total: 5, totalIsExact: false });
      const one = await index.phraseSearch("source", "резерв номер 1", filter(), page, 100);
      expect(one.ids).toEqual([ids[10], ids[1]]);
    }
    await t.db.memoryUnit.deleteMany({ where: { source: { startsWith: "Кадровий резерв" } } });
  });

  it("refreshes the planner's statistics and the visibility map after a bulk write", async () => {
    const counts = () =>
      t.db.$queryRaw<{ relname: string; analyzed: number; vacuumed: number }[]>`
        SELECT relname, (analyze_count + autoanalyze_count)::int AS analyzed,
               (vacuum_count + autovacuum_count)::int AS vacuumed
          FROM pg_stat_user_tables WHERE relname IN ('MemoryUnit', 'MemoryUnitWords') ORDER BY relname`;
    const before = await counts();
    await afterBulkMemoryWrite(t.db);
    const done = (rows: typeof before) =>
      rows.every((r, k) => r.analyzed > before[k].analyzed && r.vacuumed > before[k].vacuumed);
    // The statistics collector reports asynchronously: read it once it has.
    let after = await counts();
    for (let i = 0; i < 50 && !done(after); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await counts();
    }
    expect(after.map((r) => r.relname)).toEqual(["MemoryUnit", "MemoryUnitWords"]);
    expect(done(after)).toBe(true);
  });

  it("notices words changed behind the triggers' back", async () => {
    const created = await t.db.memoryUnit.create({ data: unit("Прозорість рішень.", "Transparency.") });
    await t.db.$executeRaw`DELETE FROM "MemoryUnitWords" WHERE "unitId" = ${created.id} AND "word" = 'рішень'`;
    await expect(checkMemoryIndex(t.db)).rejects.toThrow(/1 words missing/);
    await t.db.memoryUnit.delete({ where: { id: created.id } });
  });

  it("is not dropped by the next migration the models produce", async () => {
    expect(await pendingModelChanges(t.target)).toBeNull();
    expect(await triggersOn(t.db, "MemoryUnit")).toEqual(TRIGGERS);
  });
});
