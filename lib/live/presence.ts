// Presence (table Presence): the editor tabs that have a document open, and the paragraph each is
// in. Kept in the database, not in one process, so every instance behind a load balancer sees every
// tab. A tab's row is made by its first ping (PUT …/presence, naming the stream it got in `hello`),
// refreshed by each ping, deleted when its stream closes, and dropped by any instance's sweep once
// unseen for PRESENCE_TTL_MS: a closed or silent tab leaves nothing behind, and nothing is a lock.

import type { PresentPerson } from "./events";
import { Prisma, type SqlRunner, timestamp, toNumber } from "./sql";

/** A tab unseen this long is gone; with a ping every PING_EVERY_MS and a sweep every SWEEP_EVERY_MS, ≤ 30 s. */
export const PRESENCE_TTL_MS = 25_000;
export const PING_EVERY_MS = 8_000;
export const SWEEP_EVERY_MS = 5_000;

export interface Ping {
  connection: string;
  documentId: string;
  userId: string;
  segmentId: string | null;
  lang: string | null;
}

/**
 * Refreshes a tab's row, making it on the first ping. Answers whether others should be told
 * (a new row, or another paragraph). Someone else's connection id changes nothing.
 */
export async function pingPresence(sql: SqlRunner, ping: Ping, now = new Date()): Promise<{ changed: boolean }> {
  const at = timestamp(sql.dialect, now);
  // The common ping: same paragraph as before, one statement.
  const refreshed = await sql.execute(Prisma.sql`
    UPDATE "Presence" SET "seenAt" = ${at}
     WHERE "id" = ${ping.connection} AND "userId" = ${ping.userId} AND "documentId" = ${ping.documentId}
       AND "segmentId" IS NOT DISTINCT FROM ${ping.segmentId} AND "lang" IS NOT DISTINCT FROM ${ping.lang}`);
  if (refreshed > 0) return { changed: false };
  const written = await sql.execute(Prisma.sql`
    INSERT INTO "Presence" ("id", "documentId", "userId", "segmentId", "lang", "seenAt")
    VALUES (${ping.connection}, ${ping.documentId}, ${ping.userId}, ${ping.segmentId}, ${ping.lang}, ${at})
    ON CONFLICT ("id") DO UPDATE SET "segmentId" = excluded."segmentId", "lang" = excluded."lang", "seenAt" = excluded."seenAt"
     WHERE "Presence"."userId" = excluded."userId" AND "Presence"."documentId" = excluded."documentId"`);
  return { changed: written > 0 };
}

/** A stream closed: its tab is gone at once. Answers the document it was in, if it had pinged. */
export async function leavePresence(sql: SqlRunner, connection: string): Promise<string | null> {
  const rows = await sql.query<{ documentId: string }>(
    Prisma.sql`DELETE FROM "Presence" WHERE "id" = ${connection} RETURNING "documentId"`,
  );
  return rows[0]?.documentId ?? null;
}

/** Drops tabs unseen for the TTL; answers the documents whose presence changed. */
export async function sweepPresence(sql: SqlRunner, now = new Date()): Promise<string[]> {
  const cutoff = timestamp(sql.dialect, new Date(now.getTime() - PRESENCE_TTL_MS));
  const rows = await sql.query<{ documentId: string }>(
    Prisma.sql`DELETE FROM "Presence" WHERE "seenAt" < ${cutoff} RETURNING "documentId"`,
  );
  return [...new Set(rows.map((r) => r.documentId))];
}

/** Who has the document open now, with the paragraph each tab is in, in a stable order. */
export async function presenceOf(sql: SqlRunner, documentId: string, now = new Date()): Promise<PresentPerson[]> {
  const cutoff = timestamp(sql.dialect, new Date(now.getTime() - PRESENCE_TTL_MS));
  const rows = await sql.query<{
    id: string;
    userId: string;
    name: string;
    segmentId: string | null;
    lang: string | null;
  }>(
    Prisma.sql`
      SELECT p."id", p."userId", u."name", p."segmentId", p."lang"
        FROM "Presence" p JOIN "User" u ON u."id" = p."userId"
       WHERE p."documentId" = ${documentId} AND p."seenAt" >= ${cutoff}
       ORDER BY p."userId", p."id"`,
  );
  return rows.map((r) => ({ userId: r.userId, name: r.name, connection: r.id, segmentId: r.segmentId, lang: r.lang }));
}

/** For tests and diagnostics: how many tabs are present anywhere. */
export async function presenceCount(sql: SqlRunner): Promise<number> {
  const [row] = await sql.query<{ n: unknown }>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "Presence"`);
  return toNumber(row?.n);
}

/** The documents of these projects someone has open now (who to tell of a change to their memories). */
export async function openDocumentsOf(sql: SqlRunner, projectIds: string[], now = new Date()): Promise<string[]> {
  if (projectIds.length === 0) return [];
  const cutoff = timestamp(sql.dialect, new Date(now.getTime() - PRESENCE_TTL_MS));
  const rows = await sql.query<{ documentId: string }>(
    Prisma.sql`
      SELECT DISTINCT p."documentId" FROM "Presence" p JOIN "Document" d ON d."id" = p."documentId"
       WHERE d."projectId" IN (${Prisma.join(projectIds)}) AND p."seenAt" >= ${cutoff}`,
  );
  return rows.map((r) => r.documentId);
}
