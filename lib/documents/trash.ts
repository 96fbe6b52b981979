// A document's trash: its owners move it there and restore it in one step; "delete forever" needs
// its title typed; otherwise the purge removes it PARALLEL_TRASH_DAYS after it was trashed.

import { auditIn } from "../audit/record";
import { check, projectAccess, requireDocument } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { assertNameTyped } from "../projects/trash";
import { purgeDate } from "../trash/retention";

const fact = (action: string, document: { id: string; projectId: string }, data: object = {}) =>
  ({ action, projectId: document.projectId, entityType: "document", entityId: document.id, data }) as const;

export async function trashDocument(db: Db, actor: Actor, documentId: string) {
  const { document } = await requireDocument(db, actor, documentId, "document.manage");
  return db.$transaction((tx) => trashDocumentIn(tx, actor.userId, document));
}

/** Returns when it goes for good. */
export async function trashDocumentIn(tx: Tx, actorId: string | null, document: { id: string; projectId: string }) {
  const deletedAt = new Date();
  await tx.document.update({ where: { id: document.id }, data: { deletedAt, deletedById: actorId } });
  await auditIn(tx, actorId, fact("document.delete", document));
  return purgeDate(deletedAt);
}

/** A document in the trash of a project the asker owns (archived projects refuse: read-only). */
export async function requireTrashedDocument(db: Db, actor: Actor, documentId: string) {
  const document = await db.document.findUnique({ where: { id: documentId } });
  if (!document?.deletedAt || document.binOfId) throw new AppError("not_found");
  check(await projectAccess(db, actor, document.projectId), "document.manage");
  return document;
}

export async function restoreDocument(db: Db, actor: Actor, documentId: string) {
  const document = await requireTrashedDocument(db, actor, documentId);
  await db.$transaction((tx) => restoreDocumentIn(tx, actor.userId, document));
}

export async function restoreDocumentIn(tx: Tx, actorId: string | null, document: { id: string; projectId: string }) {
  await tx.document.update({ where: { id: document.id }, data: { deletedAt: null, deletedById: null } });
  await auditIn(tx, actorId, fact("document.restore", document));
}

/** Deletes a trashed document for good; `confirmTitle` must be its title exactly. */
export async function purgeDocument(db: Db, actor: Actor, documentId: string, confirmTitle: unknown) {
  const document = await requireTrashedDocument(db, actor, documentId);
  assertNameTyped(document.title, confirmTitle);
  await db.$transaction(async (tx) => {
    // Its bin, paragraphs, translations, history and notes go with it (the database cascades).
    await tx.document.delete({ where: { id: document.id } });
    await auditIn(tx, actor.userId, fact("document.purge", document, { title: document.title }));
  });
}

/** A project's documents in the trash, newest first, with when each goes for good. */
export async function listTrashedDocuments(db: Db, projectId: string) {
  const documents = await db.document.findMany({
    where: { projectId, binOfId: null, deletedAt: { not: null } },
    orderBy: { deletedAt: "desc" },
    select: {
      id: true,
      title: true,
      deletedAt: true,
      deletedBy: { select: { id: true, name: true } },
      _count: { select: { segments: true } },
    },
  });
  return documents.map((d) => ({
    id: d.id,
    title: d.title,
    deletedAt: d.deletedAt as Date,
    deletedBy: d.deletedBy,
    purgeAt: purgeDate(d.deletedAt as Date),
    paragraphs: d._count.segments,
  }));
}
