// Which documents people see and work on: not in the trash, not a bin of removed paragraphs, in a
// project that is not in the trash. Every listing of documents and every write path asks here, in
// Prisma (openDocument) or in SQL (writableSql), so a trashed thing cannot leak into one of them.
import { Prisma } from "../db/client";

/** Put into a Prisma `where` of a Document: the documents listed and opened. */
export const openDocument = { deletedAt: null, binOfId: null } as const;

/** Put into a Prisma `where` of a Project: the projects listed (archived ones included). */
export const liveProject = { deletedAt: null } as const;

/**
 * SQL: document `d`, joined to its project `p`, may be written to (open, in a project neither in
 * the trash nor archived). The one-statement save re-checks it at write time.
 */
export const writableSql = Prisma.sql`d."deletedAt" IS NULL AND d."binOfId" IS NULL AND p."archivedAt" IS NULL AND p."deletedAt" IS NULL`;
