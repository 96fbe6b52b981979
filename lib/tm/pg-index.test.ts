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
import { checkMemoryIndex } from "./memory-index";
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
