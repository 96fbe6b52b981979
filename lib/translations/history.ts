import { requireSegment } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import type { TranslationStatus } from "../segments/status";
import { bulkEditsOf } from "./bulk-edits";

/**
 * Every saved state of one translation, newest first, with who saved it and the bulk edit that wrote
 * it; a review decision's version carries the note given with it (a send-back's reason stays here
 * after it is closed).
 */
export async function listRevisions(db: Db, actor: Actor, segmentId: string, lang: string) {
  const { access } = await requireSegment(db, actor, segmentId, "project.read");
  const translation = await db.translation.findUnique({ where: { segmentId_lang: { segmentId, lang } } });
  if (!translation) return [];
  const [revisions, reasons, bulkEdits] = await Promise.all([
    db.revision.findMany({
      where: { translationId: translation.id },
      orderBy: { version: "desc" },
      include: { author: { select: { id: true, name: true } } },
    }),
    db.note.findMany({
      where: { segmentId, lang, parentId: null, decisionVersion: { not: null } },
      select: { id: true, body: true, decisionVersion: true, resolvedAt: true },
    }),
    bulkEditsOf(db, translation.id, access, actor.userId),
  ]);
  const reasonAt = new Map(reasons.map((n) => [n.decisionVersion, n]));
  return revisions.map((r) => {
    const reason = reasonAt.get(r.version);
    return {
      version: r.version,
      text: r.text,
      status: r.status as TranslationStatus,
      author: r.author ? { id: r.author.id, name: r.author.name } : null,
      createdAt: r.createdAt.toISOString(),
      reason: reason ? { noteId: reason.id, body: reason.body, resolved: reason.resolvedAt !== null } : null,
      bulkEdit: bulkEdits.get(r.version) ?? null,
    };
  });
}
