// The memory's text index of the database a client talks to: FTS5 on SQLite (fts5.ts), a words
// table and pg_trgm on PostgreSQL (pg-index.ts). Same interface, same answers.
import { type Db, providerOf, type Tx } from "../db/client";
import { checkMemoryIndexes, type MemoryIndex, sqliteMemoryIndex } from "./fts5";
import { analyzePostgresMemoryIndex, checkPostgresMemoryIndex, postgresMemoryIndex } from "./pg-index";

export function memoryIndexFor(db: Db | Tx): MemoryIndex {
  return providerOf(db) === "postgres" ? postgresMemoryIndex(db) : sqliteMemoryIndex(db);
}

/** Throws when the index no longer matches MemoryUnit (a repair or a test checks this). */
export function checkMemoryIndex(db: Db | Tx): Promise<void> {
  return providerOf(db) === "postgres" ? checkPostgresMemoryIndex(db) : checkMemoryIndexes(db);
}

/**
 * After a bulk write of units (a large TMX import), outside any transaction: on PostgreSQL the
 * planner's statistics and the visibility map made fresh (VACUUM ANALYZE), so that the next lookups
 * are planned and run on the tables as they now are. SQLite's FTS5 queries need none.
 */
export async function afterBulkMemoryWrite(db: Db): Promise<void> {
  if (providerOf(db) === "postgres") await analyzePostgresMemoryIndex(db);
}
