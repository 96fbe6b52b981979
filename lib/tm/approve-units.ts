// Approve all, in the working memory: the units each approved paragraph wrote when it was confirmed
// take the approved status and the reviewer, as a single approval rewrites them (write-units.ts
// keeps the status and who set it). One read, then one short transaction with one bulk statement
// (lib/db/bulk-write.ts); a paragraph with no unit yet (confirmed before the memory, or its write
// failed) is queued to be written whole, like a confirm. Runs after approve-all was answered.
import { selectFromRows, updateRows } from "../db/bulk-write";
import { type Db, Prisma } from "../db/client";
import { afterConfirm } from "./after-confirm";

export interface ApproveUnitsResult {
  /** Units that now say approved. */
  updated: number;
  /** Approved paragraphs without units, queued to be written. */
  queued: number;
}

export async function approveUnits(
  db: Db,
  documentId: string,
  lang: string,
  segmentIds: string[],
  reviewerId: string,
): Promise<ApproveUnitsResult> {
  if (segmentIds.length === 0) return { updated: 0, queued: 0 };
  const document = await db.document.findUnique({ where: { id: documentId }, select: { projectId: true } });
  const memory = document && (await db.memory.findUnique({ where: { workingOf: document.projectId } }));
  const units = memory
    ? await selectFromRows<{ id: number | bigint; originSegmentId: string }>(
        db,
        segmentIds.map((id) => [id]),
        (rows) => Prisma.sql`
          SELECT u."id", u."originSegmentId" FROM ${rows.table}
            JOIN "MemoryUnit" u ON u."originSegmentId" = ${rows.text(0)}
           WHERE u."memoryId" = ${memory.id} AND u."targetLang" = ${lang}`,
      )
    : [];
  const withUnits = new Set(units.map((u) => u.originSegmentId));
  const missing = segmentIds.filter((id) => !withUnits.has(id));
  for (const id of missing) afterConfirm(db, id, lang, "approved");
  if (units.length > 0) {
    const now = new Date();
    await db.$transaction((tx) =>
      updateRows(
        tx,
        "MemoryUnit",
        ["status", "authorId", "updatedAt"],
        units.map((u) => [Number(u.id), "approved", reviewerId, now]),
      ),
    );
  }
  return { updated: units.length, queued: missing.length };
}
