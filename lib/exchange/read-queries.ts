// The SQL behind the export reader: one statement per page for paragraphs with their translations,
// one for their notes. Raw SQL because the typed client costs several times more per row, which is
// the whole time of a 100,000-paragraph export (bench/export-tmx.ts). Quoted identifiers and a CTE:
// the same text runs on SQLite and PostgreSQL.
import { type Db, Prisma } from "../db/client";

export interface PageRow {
  id: string;
  position: number;
  kind: string;
  source: string;
  /** null when the paragraph has no translation row in any requested language. */
  lang: string | null;
  text: string | null;
  status: string | null;
  version: number | null;
  updatedAt: Date | string | null;
  updatedBy: string | null;
  origin: string | null;
  originScore: number | null;
  originName: string | null;
  originSegmentId: string | null;
  originEdited: boolean | number | bigint | null;
}

export interface NoteRow {
  id: string;
  segmentId: string;
  lang: string | null;
  fromFile: boolean | number | bigint;
  fileAuthor: string | null;
  fileCreatedAt: Date | string | null;
  authorAccount: string | null;
  body: string;
  anchorSide: string | null;
  anchorStart: number | null;
  anchorEnd: number | null;
  anchorText: string | null;
  /** The anchored words are gone from the text (lib/notes/reanchor.ts): the offsets are stale. */
  anchorLost: boolean | number | bigint;
  category: string | null;
  severity: string | null;
  parentId: string | null;
  resolvedAt: Date | string | null;
  createdAt: Date | string;
}

/** Up to `take` paragraphs after position `after`, one row per paragraph and requested language. */
export function readPage(db: Db, documentId: string, langs: string[], after: number, take: number) {
  return db.$queryRaw<PageRow[]>`
    WITH page AS (
      SELECT "id", "position", "kind", "source" FROM "Segment"
      WHERE "documentId" = ${documentId} AND "position" > ${after}
      ORDER BY "position" LIMIT ${take}
    )
    SELECT page."id", page."position", page."kind", page."source",
           t."lang", t."text", t."status", t."version", t."updatedAt", u."name" AS "updatedBy",
           t."origin", t."originScore", t."originName", t."originSegmentId", t."originEdited"
    FROM page
    LEFT JOIN "Translation" t ON t."segmentId" = page."id" AND t."lang" IN (${Prisma.join(langs)})
    LEFT JOIN "User" u ON u."id" = t."updatedById"
    ORDER BY page."position"`;
}

/** Whether the document has any note: if not, no page needs to ask. */
export async function hasNotes(db: Db, documentId: string): Promise<boolean> {
  return (await db.note.findFirst({ where: { documentId }, select: { id: true } })) !== null;
}

/** The notes (threads and replies, oldest first) of the paragraphs with positions in (after, last]. */
export function readPageNotes(db: Db, documentId: string, after: number, last: number) {
  return db.$queryRaw<NoteRow[]>`
    SELECT n."id", n."segmentId", n."lang", n."fromFile", n."fileAuthor", n."fileCreatedAt",
           a."name" AS "authorAccount", n."body",
           n."anchorSide", n."anchorStart", n."anchorEnd", n."anchorText", n."anchorLost", n."category", n."severity",
           n."parentId", n."resolvedAt", n."createdAt"
    FROM "Note" n
    LEFT JOIN "User" a ON a."id" = n."authorId"
    WHERE n."segmentId" IN (
      SELECT "id" FROM "Segment"
      WHERE "documentId" = ${documentId} AND "position" > ${after} AND "position" <= ${last}
    )
    ORDER BY n."createdAt", n."id"`;
}

/** ISO 8601 from whatever the driver returned for a DateTime column. */
export function isoDate(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
