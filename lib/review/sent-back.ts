// "Sent back to you": a rejected translation goes back to the person who last translated it, the
// author of its last draft or translated version (a reviewer's decisions and an owner's unlock are
// not translating). The editor shows the list to that person only.
import { type Db, Prisma } from "../db/client";

/** The segments of `documentId` whose translation into `lang` was sent back to `userId`. */
export async function sentBackTo(db: Db, documentId: string, lang: string, userId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ segmentId: string }[]>(Prisma.sql`
    SELECT t."segmentId" AS "segmentId"
      FROM "Translation" t
     WHERE t."documentId" = ${documentId} AND t."lang" = ${lang} AND t."status" = 'rejected'
       AND (SELECT r."authorId" FROM "Revision" r
             WHERE r."translationId" = t."id" AND r."status" IN ('draft', 'translated')
             ORDER BY r."version" DESC LIMIT 1) = ${userId}`);
  return rows.map((r) => r.segmentId);
}
