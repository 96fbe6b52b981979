// When something last happened in each project: a translation saved, a note written, a document
// added or changed, a setting changed. The home page sorts by it.
import { type Db, Prisma } from "../db/client";

type When = Date | string | null;
const asDate = (value: When) => (value === null ? null : value instanceof Date ? value : new Date(value));

export async function lastActivity(db: Db, projectIds: string[]): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  if (projectIds.length === 0) return out;
  const ids = Prisma.join(projectIds);
  // Dates are stored in one ISO format, so MAX over them is the latest. The subquery is named:
  // PostgreSQL before 16 refuses one without a name.
  const rows = await db.$queryRaw<{ projectId: string; at: When }[]>`
    SELECT "projectId", MAX("at") AS "at" FROM (
      SELECT p."id" AS "projectId", p."updatedAt" AS "at" FROM "Project" p WHERE p."id" IN (${ids})
      UNION ALL
      SELECT d."projectId", MAX(d."updatedAt") FROM "Document" d WHERE d."projectId" IN (${ids}) GROUP BY d."projectId"
      UNION ALL
      SELECT d."projectId", MAX(t."updatedAt") FROM "Translation" t JOIN "Document" d ON d."id" = t."documentId"
       WHERE d."projectId" IN (${ids}) AND t."version" > 0 GROUP BY d."projectId"
      UNION ALL
      SELECT d."projectId", MAX(n."updatedAt") FROM "Note" n JOIN "Document" d ON d."id" = n."documentId"
       WHERE d."projectId" IN (${ids}) GROUP BY d."projectId"
    ) AS "activity" GROUP BY "projectId"`;
  for (const row of rows) {
    const at = asDate(row.at);
    if (at) out.set(row.projectId, at);
  }
  return out;
}
