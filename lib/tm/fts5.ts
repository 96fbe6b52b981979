// Every SQLite FTS5 query of the memory, and nothing else SQLite-specific: the indexes are made by
// migration memory_fts. A PostgreSQL build implements the same MemoryIndex with pg_trgm (and a
// words table or tsvector) and leaves the rest of lib/tm as it is.
import type { Db, Tx } from "../db/client";
import { Prisma } from "../db/client";
import { cachedCounts } from "./frequency-cache";
import { foldCase } from "./normalize";

type Client = Db | Tx;

export type Side = "source" | "target";

/** Units filtered as every memory query filters them. */
export interface UnitFilter {
  memoryIds: string[];
  targetLang: string;
}

export interface PhraseHits {
  ids: number[];
  /** How many units have the phrase, counted up to `countLimit` (then "at least"). */
  total: number;
  totalIsExact: boolean;
}

export interface MemoryIndex {
  /** How many units' sources have each word (all memories together: it measures list length). */
  wordFrequencies(words: string[]): Promise<Map<string, number>>;
  /**
   * For each list of words, the ids of the `keep` units (of any memory) that have the most of them,
   * most first, then the newest; each word's list read up to its newest `limit` units.
   */
  rankByWords(wordLists: string[][], limit: number, keep: number): Promise<number[][]>;
  /** Units of the filter whose source or target has the phrase (case folded), newest first. */
  phraseSearch(
    side: Side,
    phrase: string,
    filter: UnitFilter,
    page: { limit: number; offset: number },
    countLimit: number,
  ): Promise<PhraseHits>;
}

/** A word as an FTS5 string (one token for the unicode61 tokenizer with apostrophes as word characters). */
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** м'яких, м’яких and мʼяких are one word to a reader; the index has each as written. */
const apostropheVariants = (word: string) =>
  /['’ʼ]/.test(word) ? ["'", "’", "ʼ"].map((a) => word.replace(/['’ʼ]/g, a)) : [word];

function wordQuery(word: string): string {
  const variants = apostropheVariants(word);
  return variants.length === 1 ? quote(word) : `(${variants.map(quote).join(" OR ")})`;
}

// SQLite's limit on the parts of one compound SELECT is 500.
const POSTINGS_BATCH = 400;
const VOCAB_BATCH = 500;

export function sqliteMemoryIndex(db: Client): MemoryIndex {
  return {
    async wordFrequencies(words) {
      const out = new Map<string, number>();
      for (let i = 0; i < words.length; i += VOCAB_BATCH) {
        const batch = words.slice(i, i + VOCAB_BATCH);
        const terms = [...new Set(batch.flatMap(apostropheVariants))];
        const rows = await db.$queryRaw<{ term: string; doc: bigint | number }[]>`
          SELECT term, doc FROM "MemoryUnitWordsVocab" WHERE term IN (${Prisma.join(terms)})`;
        const byTerm = new Map(rows.map((r) => [r.term, Number(r.doc)]));
        for (const w of batch)
          out.set(
            w,
            apostropheVariants(w).reduce((sum, v) => sum + (byTerm.get(v) ?? 0), 0),
          );
      }
      return out;
    },

    rankByWords(wordLists, limit, keep) {
      // Each word's list as one part of a compound SELECT (SQLite allows no parentheses there).
      return rankWordLists(
        db,
        wordLists,
        keep,
        POSTINGS_BATCH,
        (t, w) =>
          Prisma.sql`SELECT ${Prisma.raw(String(t))} AS t, id FROM (SELECT rowid AS id FROM "MemoryUnitWords" WHERE "MemoryUnitWords" MATCH ${wordQuery(w)} ORDER BY rowid DESC LIMIT ${limit})`,
      );
    },

    async phraseSearch(side, phrase, filter, page, countLimit) {
      const table = side === "source" ? "MemoryUnitSourceText" : "MemoryUnitTargetText";
      const trigrams = trigramsOf(phrase);
      // Trigram counts barely move (a few thousand trigrams, each in many units): kept for an hour.
      const df = await cachedCounts(db, table, trigrams, (missing) => trigramFrequencies(db, table, missing), {
        ttlMs: 60 * 60_000,
      });
      const none = { ids: [], total: 0, totalIsExact: true };
      // A trigram no unit has: no unit has the phrase.
      if (trigrams.length === 0 || trigrams.some((t) => !df.get(t))) return none;
      // The rarest trigrams find the candidates (their lists are the short ones); the text itself
      // then says whether the whole phrase is there.
      const rarest = [...trigrams]
        .sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1))
        .slice(0, PHRASE_TRIGRAMS);
      const match = rarest.map(quote).join(" AND ");
      const column = Prisma.raw(side === "source" ? 'u."source"' : 'u."target"');
      const where = Prisma.sql`u."memoryId" IN (${Prisma.join(filter.memoryIds)}) AND u."targetLang" = ${filter.targetLang}`;
      const wanted = Math.max(page.offset + page.limit, countLimit + 1);
      const needle = foldCase(phrase);
      const found: number[] = [];
      let before = Number.MAX_SAFE_INTEGER;
      let scanned = 0;
      let exhausted = false;
      while (found.length < wanted && scanned < PHRASE_SCAN_LIMIT) {
        const rows = await db.$queryRaw<{ id: bigint | number; text: string }[]>`
          SELECT u."id", ${column} AS text FROM ${Prisma.raw(`"${table}"`)} f CROSS JOIN "MemoryUnit" u ON u."id" = f.rowid
          WHERE ${Prisma.raw(`"${table}"`)} MATCH ${match} AND f.rowid < ${before} AND ${where}
          ORDER BY f.rowid DESC LIMIT ${PHRASE_ROUND}`;
        for (const r of rows) if (foldCase(r.text).includes(needle)) found.push(Number(r.id));
        scanned += rows.length;
        if (rows.length < PHRASE_ROUND) {
          exhausted = true;
          break;
        }
        before = Number(rows[rows.length - 1].id);
      }
      const total = Math.min(found.length, countLimit);
      return {
        ids: found.slice(page.offset, page.offset + page.limit),
        total,
        totalIsExact: exhausted && found.length <= countLimit,
      };
    },
  };
}

/**
 * For each list of words, the ids of the `keep` units having the most of them, most first, then the
 * newest: `list(t, word)` selects (t, id) for one word of text t. Texts go together in one statement
 * while their words fit in `batch` parts; the lists are counted and ranked where they are, so only
 * the kept ids travel back. (PostgreSQL's MemoryIndex ranks from arrays instead: pg-index.ts.)
 */
export async function rankWordLists(
  db: Client,
  wordLists: string[][],
  keep: number,
  batch: number,
  list: (t: number, word: string) => Prisma.Sql,
): Promise<number[][]> {
  const out: number[][] = wordLists.map(() => []);
  for (let from = 0; from < wordLists.length; ) {
    const parts: Prisma.Sql[] = [];
    let to = from;
    while (to < wordLists.length && (to === from || parts.length + wordLists[to].length <= batch)) {
      for (const w of wordLists[to]) parts.push(list(to, w));
      to++;
    }
    if (parts.length > 0) {
      const rows = await db.$queryRaw<{ t: bigint | number; id: bigint | number }[]>`
        SELECT t, id FROM (
          SELECT t, id, ROW_NUMBER() OVER (PARTITION BY t ORDER BY COUNT(*) DESC, id DESC) AS rn
          FROM (${Prisma.join(parts, " UNION ALL ")}) AS lists GROUP BY t, id
        ) AS ranked WHERE rn <= ${keep} ORDER BY t, rn`;
      for (const r of rows) out[Number(r.t)].push(Number(r.id));
    }
    from = to;
  }
  return out;
}

/**
 * How many of a phrase's rarest trigrams find its candidates: fewer let through more units that have
 * the letters but not the phrase; more intersect common lists (12 was fastest at a million units,
 * bench/tm.ts).
 */
const PHRASE_TRIGRAMS = 12;
/** Candidates read (and checked) at a time, and at most: beyond that the count is "at least". */
const PHRASE_ROUND = 500;
const PHRASE_SCAN_LIMIT = 4_000;

/** The distinct trigrams (three characters, spaces included) the trigram tokenizer makes of a text. */
export function trigramsOf(text: string): string[] {
  const chars = Array.from(foldCase(text));
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(""));
  return [...out];
}

async function trigramFrequencies(db: Client, table: string, trigrams: string[]): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ term: string; doc: bigint | number }[]>`
    SELECT term, doc FROM ${Prisma.raw(`"${table}Vocab"`)} WHERE term IN (${Prisma.join(trigrams)})`;
  const byTerm = new Map(rows.map((r) => [r.term, Number(r.doc)]));
  return new Map(trigrams.map((t) => [t, byTerm.get(t) ?? 0]));
}

/** Rebuilds the three indexes from MemoryUnit (after a migration that copied the table, or a repair). */
export async function rebuildMemoryIndexes(db: Client): Promise<void> {
  for (const table of ["MemoryUnitWords", "MemoryUnitSourceText", "MemoryUnitTargetText"])
    await db.$executeRawUnsafe(`INSERT INTO "${table}" ("${table}") VALUES ('rebuild')`);
}

/** FTS5's own check that each index matches MemoryUnit; throws (SQLITE_CORRUPT_VTAB) when one does not. */
export async function checkMemoryIndexes(db: Client): Promise<void> {
  for (const table of ["MemoryUnitWords", "MemoryUnitSourceText", "MemoryUnitTargetText"])
    await db.$executeRawUnsafe(`INSERT INTO "${table}" ("${table}", rank) VALUES ('integrity-check', 1)`);
}
