import { ProjectRole } from "../auth/roles";
import { type Db, Prisma } from "../db/client";
import type { TranslationStatus } from "../segments/status";

export interface SaveContext {
  segmentId: string;
  lang: string;
  documentId: string;
  projectId: string;
  /** Null when the asker is not a member of the project. */
  role: ProjectRole | null;
  reviewersMayEdit: boolean;
  translatorsMayChangeApproved: boolean;
  /** Whether `lang` is a target language of the project. */
  langIsTarget: boolean;
  translation: { id: string; text: string; status: TranslationStatus; version: number } | null;
  /** Notes anchored in this translation (they follow their words when the text changes). */
  anchoredNotes: number;
  /** When the translation was last saved; for one never stored, when its document was created. */
  updatedAt: Date;
  /** Open send-backs on this translation (a confirming save closes them: lib/review/send-backs.ts). */
  openSendBacks: number;
  /** The document or its project is in the trash, or the paragraph was removed to the document's bin. */
  hidden: boolean;
  /** The project is archived: read-only. */
  archived: boolean;
}

/**
 * Everything a save needs to decide, in one query: the segment's project, the asker's role in it,
 * whether the language belongs to the project, the translation as saved now, and whether notes are
 * anchored in it. A save is the hottest path of the app; five separate lookups cost ~2 ms here.
 */
export async function loadSaveContext(
  db: Db,
  userId: string,
  segmentId: string,
  lang: string,
): Promise<SaveContext | null> {
  const rows = await db.$queryRaw<
    {
      documentId: string;
      projectId: string;
      role: string | null;
      reviewersMayEdit: boolean | number | bigint;
      translatorsMayChangeApproved: boolean | number | bigint;
      langIsTarget: number | bigint;
      tId: string | null;
      tText: string | null;
      tStatus: string | null;
      tVersion: number | bigint | null;
      anchored: number | bigint;
      updatedAt: Date | string;
      sentBack: number | bigint;
      hidden: number | bigint;
      archived: number | bigint;
    }[]
  >(Prisma.sql`
    SELECT s."documentId" AS "documentId", d."projectId" AS "projectId", m."role" AS "role",
           p."reviewersMayEdit" AS "reviewersMayEdit",
           p."translatorsMayChangeApproved" AS "translatorsMayChangeApproved",
           (SELECT COUNT(*) FROM "ProjectLanguage" pl WHERE pl."projectId" = d."projectId" AND pl."lang" = ${lang}) AS "langIsTarget",
           t."id" AS "tId", t."text" AS "tText", t."status" AS "tStatus", t."version" AS "tVersion",
           (SELECT COUNT(*) FROM "Note" n
             WHERE n."segmentId" = s."id" AND n."lang" = ${lang} AND n."anchorSide" = 'target') AS "anchored",
           COALESCE(t."updatedAt", d."createdAt") AS "updatedAt",
           (SELECT COUNT(*) FROM "Note" n
             WHERE n."segmentId" = s."id" AND n."lang" = ${lang} AND n."decision" = 'rejected'
               AND n."parentId" IS NULL AND n."resolvedAt" IS NULL) AS "sentBack",
           (p."deletedAt" IS NOT NULL OR d."deletedAt" IS NOT NULL OR d."binOfId" IS NOT NULL) AS "hidden",
           (p."archivedAt" IS NOT NULL) AS "archived"
      FROM "Segment" s
      JOIN "Document" d ON d."id" = s."documentId"
      JOIN "Project" p ON p."id" = d."projectId"
      LEFT JOIN "Membership" m ON m."projectId" = d."projectId" AND m."userId" = ${userId}
      LEFT JOIN "Translation" t ON t."segmentId" = s."id" AND t."lang" = ${lang}
     WHERE s."id" = ${segmentId}`);
  const row = rows[0];
  if (!row) return null;
  const role = row.role ? ProjectRole.safeParse(row.role) : null;
  return {
    segmentId,
    lang,
    documentId: row.documentId,
    projectId: row.projectId,
    role: role?.success ? role.data : null,
    reviewersMayEdit: Boolean(Number(row.reviewersMayEdit)),
    translatorsMayChangeApproved: Boolean(Number(row.translatorsMayChangeApproved)),
    langIsTarget: Number(row.langIsTarget) > 0,
    translation: row.tId
      ? {
          id: row.tId,
          text: row.tText ?? "",
          status: (row.tStatus ?? "new") as TranslationStatus,
          version: Number(row.tVersion ?? 0),
        }
      : null,
    anchoredNotes: Number(row.anchored),
    updatedAt: row.updatedAt instanceof Date ? row.updatedAt : new Date(row.updatedAt),
    openSendBacks: Number(row.sentBack),
    hidden: Number(row.hidden) > 0,
    archived: Number(row.archived) > 0,
  };
}
