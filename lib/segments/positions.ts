// Positions of a document's paragraphs stay 1…n with no gaps: a split opens a gap, a merge or a
// removal closes one. ("documentId", "position") is unique and SQLite (like PostgreSQL) checks it row
// by row during an UPDATE, so the rows to move are parked at negative positions first.
import { Prisma, providerOf, type Tx } from "../db/client";

/** Moves every paragraph after `after` down by `count`, leaving positions after+1 … after+count free. */
export async function openGapIn(tx: Tx, documentId: string, after: number, count = 1) {
  await tx.$executeRaw`UPDATE "Segment" SET "position" = -"position" WHERE "documentId" = ${documentId} AND "position" > ${after}`;
  await tx.$executeRaw`UPDATE "Segment" SET "position" = -"position" + ${count} WHERE "documentId" = ${documentId} AND "position" < 0`;
}

/** Moves every paragraph after `at` (a position just vacated) up by one. */
export async function closeGapIn(tx: Tx, documentId: string, at: number) {
  await tx.$executeRaw`UPDATE "Segment" SET "position" = -"position" WHERE "documentId" = ${documentId} AND "position" > ${at}`;
  await tx.$executeRaw`UPDATE "Segment" SET "position" = -"position" - 1 WHERE "documentId" = ${documentId} AND "position" < 0`;
}

/** The next free position at the end of a document. */
export async function nextPositionIn(tx: Tx, documentId: string): Promise<number> {
  const last = await tx.segment.aggregate({ where: { documentId }, _max: { position: true } });
  return (last._max.position ?? 0) + 1;
}

/** Gives `ids` the positions 1…n in this order, parking them at negative positions first. */
export async function renumberIn(tx: Tx, documentId: string, ids: readonly string[]) {
  await tx.$executeRaw`UPDATE "Segment" SET "position" = -1 - "position" WHERE "documentId" = ${documentId} AND "position" >= 0`;
  const CHUNK = 400;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const list = listTable(tx, ids.slice(i, i + CHUNK));
    // One statement per chunk: "position" = i + 1 by the id's place in the list.
    await tx.$executeRaw`
      UPDATE "Segment" SET "position" = (SELECT l."n" + 1 + ${i} FROM ${list} WHERE l."id" = "Segment"."id")
       WHERE "documentId" = ${documentId} AND "id" IN (SELECT l."id" FROM ${list})`;
  }
}

/** A JSON list of ids as a table l("id", "n"), n counting from 0: json_each on SQLite, its PostgreSQL form. */
function listTable(tx: Tx, ids: readonly string[]): Prisma.Sql {
  const json = JSON.stringify(ids);
  return providerOf(tx) === "sqlite"
    ? Prisma.sql`(SELECT j."value" AS "id", j."key" AS "n" FROM json_each(${json}) j) l`
    : Prisma.sql`(SELECT j."id", j."n" - 1 AS "n" FROM json_array_elements_text(${json}::json) WITH ORDINALITY j("id", "n")) l`;
}
