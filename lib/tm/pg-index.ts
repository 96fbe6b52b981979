// The memory's MemoryIndex on PostgreSQL (fts5.ts is SQLite's): every query that reads the words
// table and the pg_trgm indexes made by prisma/postgres/migrations/…_memory_fts, and nothing else
// PostgreSQL-specific. The answers are the ones the FTS5 form gives: the same words (the table keeps
// them as lib/tm/tokens.ts makes them), the same phrase search (case folded, anywhere in a word,
// newest first), so the rest of lib/tm does not know which database it reads.
import type { Db, Tx } from "../db/client";
import { Prisma } from "../db/client";
import { type MemoryIndex, rankWordLists, trigramsOf } from "./fts5";
import { foldCase } from "./normalize";

type Client = Db | Tx;

/** The table keeps ’ and ʼ as ' (memory_words()); a word asked for is written the same way. */
const unified = (word: string) => word.replace(/[’ʼ]/g, "'");

/** LIKE's wild cards taken literally. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A word's count is read off the primary key up to this many units: past it a word is common
 * whatever its exact count, and counting it would walk its whole list.
 */
const COUNT_CAP = 100_000;
const BATCH = 400;

export function postgresMemoryIndex(db: Client): MemoryIndex {
  return {
    async wordFrequencies(words) {
      const out = new Map<string, number>();
      for (let i = 0; i < words.length; i += BATCH) {
        const batch = words.slice(i, i + BATCH);
        const terms = [...new Set(batch.map(unified))];
        const rows = await db.$queryRaw<{ word: string; doc: number }[]>`
          SELECT w.word, (SELECT COUNT(*) FROM (SELECT 1 FROM "MemoryUnitWords" x WHERE x."word" = w.word
                                                LIMIT ${COUNT_CAP}) s)::int AS doc
            FROM (VALUES ${Prisma.join(terms.map((t) => Prisma.sql`(${t}::text)`))}) AS w(word)`;
        const byWord = new Map(rows.map((r) => [r.word, Number(r.doc)]));
        for (const w of batch) out.set(w, byWord.get(unified(w)) ?? 0);
      }
      return out;
    },

    rankByWords(wordLists, limit, keep) {
      // PostgreSQL wants a compound SELECT's parts with a LIMIT in parentheses.
      return rankWordLists(
        db,
        wordLists,
        keep,
        BATCH,
        (t, w) =>
          Prisma.sql`(SELECT ${Prisma.raw(String(t))} AS t, "unitId" AS id FROM "MemoryUnitWords"
                     WHERE "word" = ${unified(w)} ORDER BY "unitId" DESC LIMIT ${limit})`,
      );
    },

    async phraseSearch(side, phrase, filter, page, countLimit) {
      const none = { ids: [], total: 0, totalIsExact: true };
      // As on SQLite: a phrase shorter than a trigram finds nothing, and neither does one with a
      // trigram no unit has (counted once an hour, as SQLite's vocabulary is).
      const trigrams = trigramsOf(phrase);
      if (trigrams.length === 0) return none;
      const column = Prisma.raw(side === "source" ? `lower("source")` : `lower("target")`);
      const pattern = `%${likeEscaped(foldCase(phrase))}%`;
      const wanted = Math.max(page.offset + page.limit, countLimit + 1);
      // The trigram index finds the units with the phrase (all memories); the few of the filter are
      // then read newest first. MATERIALIZED keeps the planner from walking the primary key
      // backwards instead, checking every unit's text.
      const rows = await db.$queryRaw<{ id: number }[]>`
        WITH hits AS MATERIALIZED (SELECT "id" FROM "MemoryUnit" WHERE ${column} LIKE ${pattern})
        SELECT u."id" FROM hits JOIN "MemoryUnit" u ON u."id" = hits."id"
         WHERE u."memoryId" IN (${Prisma.join(filter.memoryIds)}) AND u."targetLang" = ${filter.targetLang}
         ORDER BY u."id" DESC LIMIT ${wanted}`;
      const found = rows.map((r) => Number(r.id));
      return {
        ids: found.slice(page.offset, page.offset + page.limit),
        total: Math.min(found.length, countLimit),
        totalIsExact: found.length <= countLimit,
      };
    },
  };
}

/** Throws when the words table differs from what memory_words() makes of every unit's source. */
export async function checkPostgresMemoryIndex(db: Client): Promise<void> {
  const [row] = await db.$queryRaw<{ missing: number; extra: number }[]>`
    WITH expected AS (SELECT w AS word, u."id" AS "unitId" FROM "MemoryUnit" u CROSS JOIN LATERAL memory_words(u."source") AS w)
    SELECT (SELECT COUNT(*) FROM (SELECT * FROM expected EXCEPT SELECT "word", "unitId" FROM "MemoryUnitWords") a)::int AS missing,
           (SELECT COUNT(*) FROM (SELECT "word", "unitId" FROM "MemoryUnitWords" EXCEPT SELECT * FROM expected) b)::int AS extra`;
  if (row.missing > 0 || row.extra > 0)
    throw new Error(`The memory's words table is out of step: ${row.missing} words missing, ${row.extra} extra.`);
}
