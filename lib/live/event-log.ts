// The event log (table LiveEvent): what the live stream sends, in order, and what a client that
// reconnects with Last-Event-ID is sent again. Appended after each change commits (publish.ts).
//
// Ids are one more than the newest, given inside the appending statement while it holds the writer
// (SQLite: the write gate and SQLite's own lock; PostgreSQL: an advisory lock taken by the
// transaction's first statement, so the second one's snapshot sees every earlier append). So ids
// follow commit order and have no gaps: a reader that has seen id N has seen everything up to N,
// and "nothing pruned after N" is exactly "the oldest row is at most N + 1".
//
// Bounds (docs/live.md): a row lives for LOG_MAX_AGE_MS and the log keeps at most LOG_MAX_ROWS; the
// newest row is never pruned, so ids never start again.

import type { LiveEvent, LiveEventType, NewLiveEvent } from "./events";
import { Prisma, type SqlRunner, timestamp, toNumber } from "./sql";

export const LOG_MAX_AGE_MS = 24 * 60 * 60 * 1000;
export const LOG_MAX_ROWS = 100_000;
/** A reconnecting client missing more than this is told to re-sync instead. */
export const MAX_CATCH_UP = 1_000;
const PRUNE_CHUNK = 2_000;

/** The channel every instance LISTENs on (PostgreSQL). */
export const NOTIFY_CHANNEL = "parallel_live";
/** Any constant that is ours: the advisory lock that orders appends. */
const APPEND_LOCK = 1_717_000_017;

interface Row {
  id: bigint | number | string;
  documentId: string;
  type: string;
  actorId: string | null;
  data: string;
  createdAt: Date | string;
  actorName: string | null;
}

function toEvent(row: Row): LiveEvent {
  return {
    ...(JSON.parse(row.data) as object),
    id: toNumber(row.id),
    type: row.type as LiveEventType,
    documentId: row.documentId,
    at: new Date(row.createdAt).toISOString(),
    by: row.actorId ? { id: row.actorId, name: row.actorName ?? "" } : null,
  } as LiveEvent;
}

/**
 * Appends events in one statement (SQLite) or one short transaction (PostgreSQL, which also
 * notifies every instance on commit). Answers the new ids, in order.
 */
export async function appendEvents(sql: SqlRunner, events: NewLiveEvent[], now = new Date()): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = JSON.stringify(
    events.map((e) => ({ d: e.documentId, t: e.type, a: e.actorId, j: JSON.stringify(e.data) })),
  );
  if (sql.dialect === "sqlite") {
    // SQLite's own functions (json_each's "key" is text on PostgreSQL): the runner's dialect must be
    // its database's (runtime.ts takes it from the client).
    const out = await sql.query<{ id: bigint }>(Prisma.sql`
      INSERT INTO "LiveEvent" ("id", "documentId", "type", "actorId", "data", "createdAt")
      SELECT (SELECT COALESCE(MAX("id"), 0) FROM "LiveEvent") + r."key" + 1,
             json_extract(r."value", '$.d'), json_extract(r."value", '$.t'), json_extract(r."value", '$.a'),
             json_extract(r."value", '$.j'), ${timestamp(sql.dialect, now)}
        FROM json_each(${rows}) r
       ORDER BY r."key"
      RETURNING "id"`);
    return out.map((r) => toNumber(r.id)).sort((a, b) => a - b);
  }
  const out = await sql.transaction<{ id: string }>([
    // Neither function's void answer may reach Prisma, which cannot read a void column.
    // Every value typed where it is used: parameters arrive untyped, and one PostgreSQL must infer
    // (as text, in a select list) would make the id arithmetic bigint + text.
    Prisma.sql`SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock(${APPEND_LOCK}::bigint)) l`,
    Prisma.sql`
      WITH base AS (SELECT COALESCE(MAX("id"), 0)::bigint AS "m" FROM "LiveEvent"),
           added AS (
             INSERT INTO "LiveEvent" ("id", "documentId", "type", "actorId", "data", "createdAt")
             SELECT base."m" + r."n"::bigint, r."d", r."t", r."a", r."j", ${timestamp(sql.dialect, now)}
               FROM base,
                    ROWS FROM (json_to_recordset(${rows}::json) AS ("d" text, "t" text, "a" text, "j" text))
                      WITH ORDINALITY AS r("d", "t", "a", "j", "n")
             RETURNING "id")
      SELECT a."id"::text AS "id"
        FROM added a
        CROSS JOIN (SELECT pg_notify(${NOTIFY_CHANNEL}::text, 'e ' || (SELECT MAX("id") FROM added)::text)) n`,
  ]);
  return out.map((r) => toNumber(r.id)).sort((a, b) => a - b);
}

const SELECT_EVENTS = Prisma.sql`
  SELECT e."id", e."documentId", e."type", e."actorId", e."data", e."createdAt", u."name" AS "actorName"
    FROM "LiveEvent" e LEFT JOIN "User" u ON u."id" = e."actorId"`;

/** Every document's events after `afterId`, oldest first (an instance's fan-out). */
export async function eventsAfter(sql: SqlRunner, afterId: number, limit = 500): Promise<LiveEvent[]> {
  const rows = await sql.query<Row>(
    Prisma.sql`${SELECT_EVENTS} WHERE e."id" > ${afterId} ORDER BY e."id" LIMIT ${limit}`,
  );
  return rows.map(toEvent);
}

/** One document's events after `afterId`, oldest first (a reconnecting client's catch-up). */
export async function documentEventsAfter(
  sql: SqlRunner,
  documentId: string,
  afterId: number,
  limit = MAX_CATCH_UP + 1,
): Promise<LiveEvent[]> {
  const rows = await sql.query<Row>(
    Prisma.sql`${SELECT_EVENTS} WHERE e."documentId" = ${documentId} AND e."id" > ${afterId} ORDER BY e."id" LIMIT ${limit}`,
  );
  return rows.map(toEvent);
}

export interface LogBounds {
  /** The oldest event kept, or null when nothing was ever logged. */
  oldest: number | null;
  newest: number;
}

export async function logBounds(sql: SqlRunner): Promise<LogBounds> {
  const [row] = await sql.query<{ oldest: unknown; newest: unknown }>(
    Prisma.sql`SELECT MIN("id") AS "oldest", MAX("id") AS "newest" FROM "LiveEvent"`,
  );
  return {
    oldest: row?.oldest === null || row?.oldest === undefined ? null : toNumber(row.oldest),
    newest: toNumber(row?.newest),
  };
}

/** The id a page rendered now starts its stream after: every later event is news to it. */
export async function newestEventId(sql: SqlRunner): Promise<number> {
  const [row] = await sql.query<{ newest: unknown }>(Prisma.sql`SELECT MAX("id") AS "newest" FROM "LiveEvent"`);
  return toNumber(row?.newest);
}

/** The newest event of one document (0 for none kept): a client behind it missed something. */
export async function newestDocumentEventId(sql: SqlRunner, documentId: string): Promise<number> {
  const [row] = await sql.query<{ newest: unknown }>(
    Prisma.sql`SELECT MAX("id") AS "newest" FROM "LiveEvent" WHERE "documentId" = ${documentId}`,
  );
  return toNumber(row?.newest);
}

/**
 * Whether every event after `afterId` is still in the log: nothing after it was pruned, and it is
 * not an id this log never gave (another database's, or one made up).
 */
export function isComplete(bounds: LogBounds, afterId: number): boolean {
  if (afterId > bounds.newest) return false;
  return bounds.oldest === null || afterId >= bounds.oldest - 1;
}

/**
 * Drops events past the bounds, oldest first, a chunk per statement so a writer never waits long
 * behind it. Looks only at the oldest chunk each time: ids and times grow together.
 */
export async function pruneLog(
  sql: SqlRunner,
  now = new Date(),
  bounds = { maxAgeMs: LOG_MAX_AGE_MS, maxRows: LOG_MAX_ROWS },
): Promise<number> {
  const cutoff = new Date(now.getTime() - bounds.maxAgeMs);
  let removed = 0;
  for (;;) {
    const newest = await newestEventId(sql);
    const keepFrom = newest - bounds.maxRows + 1;
    const count = await sql.execute(Prisma.sql`
      DELETE FROM "LiveEvent" WHERE "id" IN (
        SELECT "id" FROM (SELECT "id", "createdAt" FROM "LiveEvent" ORDER BY "id" LIMIT ${PRUNE_CHUNK}) oldest
         WHERE "id" < ${newest} AND ("createdAt" < ${timestamp(sql.dialect, cutoff)} OR "id" < ${keepFrom}))`);
    removed += count;
    if (count < PRUNE_CHUNK) return removed;
  }
}
