// The memory's MemoryIndex on PostgreSQL (fts5.ts is SQLite's): every query that reads the words
// table and the pg_trgm indexes made by prisma/postgres/migrations/…_memory_fts, and nothing else
// PostgreSQL-specific. The answers are the ones the FTS5 form gives: the same words (the table keeps
// them as lib/tm/tokens.ts makes them), the same phrase search (case folded, anywhere in a word,
// newest first), so the rest of lib/tm does not know which database it reads.
import type { Db, Tx } from "../db/client";
import { Prisma } from "../db/client";
import { type MemoryIndex, trigramsOf } from "./fts5";
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

/**
 * A phrase with more hits than concordance counts has its page found among the newest units, in
 * windows of ids this wide (then four times wider each time).
 */
export const PHRASE_WINDOW = 20_000;

export interface PostgresIndexOptions {
  /** The first window of a common phrase (tests make it small, to cross windows with a few units). */
  phraseWindow?: number;
}

export function postgresMemoryIndex(db: Client, options: PostgresIndexOptions = {}): MemoryIndex {
  const firstWindow = options.phraseWindow ?? PHRASE_WINDOW;
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

    async rankByWords(wordLists, limit, keep) {
      // The texts and their words as two arrays (one statement, one small plan: a UNION ALL of a
      // list per word took PostgreSQL longer to plan than to run, bench/tm.ts), each text ranked
      // on its own (a top-N, not a sort of every list entry).
      const texts: number[] = [];
      const words: string[] = [];
      wordLists.forEach((list, t) => {
        for (const w of list) {
          texts.push(t);
          words.push(unified(w));
        }
      });
      const out: number[][] = wordLists.map(() => []);
      if (texts.length === 0) return out;
      const rows = await db.$queryRaw<{ t: number; id: number }[]>`
        SELECT x.t, r.id FROM (
          SELECT t, array_agg(word) AS words FROM unnest(${texts}::int[], ${words}::text[]) AS l(t, word) GROUP BY t
        ) x CROSS JOIN LATERAL (
          SELECT w."unitId" AS id, COUNT(*) AS n FROM unnest(x.words) AS v(word) CROSS JOIN LATERAL (
            SELECT "unitId" FROM "MemoryUnitWords" WHERE "word" = v.word ORDER BY "unitId" DESC LIMIT ${limit}
          ) w GROUP BY w."unitId" ORDER BY n DESC, w."unitId" DESC LIMIT ${keep}
        ) r ORDER BY x.t, r.n DESC, r.id DESC`;
      for (const r of rows) out[Number(r.t)].push(Number(r.id));
      return out;
    },

    async phraseSearch(side, phrase, filter, page, countLimit) {
      const none = { ids: [], total: 0, totalIsExact: true };
      // As on SQLite: a phrase shorter than a trigram finds nothing, and neither does one with a
      // trigram no unit has (counted once an hour, as SQLite's vocabulary is).
      const trigrams = trigramsOf(phrase);
      if (trigrams.length === 0) return none;
      const column = Prisma.raw(side === "source" ? `lower("source")` : `lower("target")`);
      const pattern = `%${likeEscaped(foldCase(phrase))}%`;
      const where = Prisma.sql`${column} LIKE ${pattern}
        AND "memoryId" IN (${Prisma.join(filter.memoryIds)}) AND "targetLang" = ${filter.targetLang}`;
      // First the trigram index, stopping at one hit more than is counted: a phrase with no more
      // hits than that comes back whole, to be sorted here (newest first) and counted exactly.
      // Asked for every hit in order, a common phrase ("акон", in 14 % of units) had PostgreSQL
      // recheck them all, the whole table, to keep the newest thousand (bench/tm.ts).
      const capped = await withScans<{ id: number }>(
        db,
        TRIGRAM_INDEX_ONLY,
        Prisma.sql`SELECT "id" FROM "MemoryUnit" WHERE ${where} LIMIT ${countLimit + 1}`,
      );
      if (capped.length <= countLimit) {
        const ids = capped.map((r) => Number(r.id)).sort((a, b) => b - a);
        return { ids: ids.slice(page.offset, page.offset + page.limit), total: ids.length, totalIsExact: true };
      }
      // A common phrase: "at least countLimit", and the page from the newest units, a window of ids
      // at a time, in which PostgreSQL walks the units and stops at the page's last hit.
      const wanted = page.offset + page.limit;
      const found: number[] = [];
      const [{ top }] = await db.$queryRaw<{ top: number | null }[]>`SELECT MAX("id") AS top FROM "MemoryUnit"`;
      let below = top === null ? 0 : Number(top) + 1;
      for (let width = firstWindow; below > 0 && found.length < wanted; width *= 4) {
        const from = Math.max(0, below - width);
        const rows = await withScans<{ id: number }>(
          db,
          PRIMARY_KEY_WALK,
          Prisma.sql`SELECT "id" FROM "MemoryUnit" WHERE "id" >= ${from} AND "id" < ${below} AND ${where}
           ORDER BY "id" DESC LIMIT ${wanted - found.length}`,
        );
        for (const r of rows) found.push(Number(r.id));
        below = from;
      }
      return { ids: found.slice(page.offset, page.offset + page.limit), total: countLimit, totalIsExact: false };
    },
  };
}

/**
 * Concordance tells the planner which scan to use, for it cannot know. Given a LIMIT, it would rather
 * read the table from its start, lower-casing each row, than use the trigram index for a phrase it
 * guessed common: it prices lower() as nothing, so a phrase that was not ("ромадянам", 877 hits at
 * 100,000 units) read the whole table, 1.4 s instead of 60 ms. In a window of the newest ids, it
 * would rather use the trigram index, which rechecks the candidates of the whole table before it
 * looks at their ids ("в державам": 24,610 candidates, 713 ms, for the 20 newest of a 20,000-id
 * walk). EXPLAIN ANALYZE, bench/tm.ts.
 */
const TRIGRAM_INDEX_ONLY = ["enable_seqscan", "enable_indexscan"];
const PRIMARY_KEY_WALK = ["enable_seqscan", "enable_bitmapscan"];

/**
 * The query with the given scans turned off for it alone (SET LOCAL, in a transaction of its own).
 * Inside a caller's transaction it runs as planned: settings there would outlast the statement.
 */
async function withScans<T>(db: Client, off: string[], query: Prisma.Sql): Promise<T[]> {
  if (typeof (db as { $transaction?: unknown }).$transaction !== "function") return db.$queryRaw<T[]>(query);
  const results = await (db as Db).$transaction([
    ...off.map((setting) => db.$executeRaw`SELECT set_config(${setting}, 'off', true)`),
    db.$queryRaw<T[]>(query),
  ]);
  return results[results.length - 1] as T[];
}

/**
 * After a bulk write (a large TMX import): VACUUM (ANALYZE) of the units and the words table, which
 * autovacuum would do a minute or more later. Until then PostgreSQL plans on the empty tables'
 * guesses (an exact match read every unit of the memory instead of its hash) and, with no visibility
 * map, counts a word's units by visiting each row: the first lookup after a 1,000,000-unit import
 * waited 36 s for its word counts (bench/tm.ts). Not inside a transaction (VACUUM cannot be).
 */
export async function analyzePostgresMemoryIndex(db: Client): Promise<void> {
  await db.$executeRaw`VACUUM (ANALYZE) "MemoryUnit", "MemoryUnitWords"`;
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
