// "Source changed": a translation written for an older source text. Its status becomes draft, the
// old source is kept beside it (SourceChange) and the editor shows a word diff of old and new source
// until someone confirms the translation again; the database drops the mark then (a trigger, see
// prisma/models/document.prisma).
import { type Db, Prisma, type Tx } from "../db/client";

/**
 * Marks the non-empty translations of a paragraph whose source was `oldSource`: draft, a new version
 * (the revision trigger records it) and the mark. A mark already there keeps its older text: the
 * translation was written for that one.
 */
export async function markSourceChangedIn(
  tx: Tx,
  segmentIds: readonly string[],
  oldSources: ReadonlyMap<string, string>,
  actorId: string | null,
  now: Date,
  langs?: readonly string[],
) {
  if (segmentIds.length === 0) return 0;
  const ids = Prisma.join(segmentIds);
  const only = langs ? Prisma.sql`AND "lang" IN (${Prisma.join(langs.length ? langs : [""])})` : Prisma.empty;
  const marked = await tx.$queryRaw<{ id: string; segmentId: string }[]>`
    UPDATE "Translation" SET "status" = 'draft', "version" = "version" + 1, "updatedById" = ${actorId}, "updatedAt" = ${now}
     WHERE "segmentId" IN (${ids}) AND "text" <> '' ${only}
    RETURNING "id", "segmentId"`;
  for (const row of marked) {
    const oldSource = oldSources.get(row.segmentId);
    if (oldSource === undefined) continue;
    await tx.$executeRaw`
      INSERT INTO "SourceChange" ("translationId", "oldSource", "createdAt") VALUES (${row.id}, ${oldSource}, ${now})
      ON CONFLICT ("translationId") DO NOTHING`;
  }
  return marked.length;
}

/** The marks of a document's translations into `langs`: segment id → language → the old source. */
export async function sourceChangesFor(db: Db, documentId: string, langs: readonly string[]) {
  const out = new Map<string, Record<string, string>>();
  if (langs.length === 0) return out;
  // From the marks to their translations (CROSS JOIN keeps that order in SQLite): marks are few, they go
  // when the translation is confirmed again, while the document has a translation per paragraph and
  // language, which the planner otherwise read all of (the editor page waited for it).
  const rows = await db.$queryRaw<{ segmentId: string; lang: string; oldSource: string }[]>`
    SELECT t."segmentId" AS "segmentId", t."lang" AS "lang", c."oldSource" AS "oldSource"
      FROM "SourceChange" c CROSS JOIN "Translation" t
     WHERE t."id" = c."translationId" AND t."documentId" = ${documentId} AND t."lang" IN (${Prisma.join(langs)})`;
  for (const row of rows) out.set(row.segmentId, { ...out.get(row.segmentId), [row.lang]: row.oldSource });
  return out;
}
