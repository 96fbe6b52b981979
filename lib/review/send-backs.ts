// A send-back: a reviewer rejects a translation and says why; the reason is a note (decision
// "rejected") addressed to the translation's last translator. It stays open until the translation is
// confirmed again (translated, reviewed or approved), which resolves it; the history keeps it.
import { requireDocument } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import { assertTarget } from "../projects/languages";
import { DONE_STATUSES, type TranslationStatus } from "../segments/status";

/** Send-backs not yet answered, on one translation: what a confirming save must close. */
export const openSendBacks = (segmentId: string, lang: string) =>
  ({ segmentId, lang, parentId: null, decision: "rejected", resolvedAt: null }) as const;

/** Whether a translation in `status` is confirmed (a send-back on it is answered). */
export const confirms = (status: TranslationStatus) => DONE_STATUSES.includes(status);

/** Resolves the open send-backs of a translation that was just confirmed, by whoever confirmed it. */
export async function closeSendBacks(tx: Tx, segmentId: string, lang: string, userId: string, now: Date) {
  await tx.note.updateMany({ where: openSendBacks(segmentId, lang), data: { resolvedAt: now, resolvedById: userId } });
}

/**
 * The paragraphs of a document sent back to the asker — to them only, as the translator the reviewer
 * addressed — with the reason, the reviewer and whether they have opened it. For the editor's "Sent
 * back to you" and the top bar's count.
 */
export async function sentBackTo(db: Db, actor: Actor, documentId: string, lang?: string) {
  const { access } = await requireDocument(db, actor, documentId, "project.read");
  if (lang) assertTarget(access.targetLangs, lang);
  const notes = await db.note.findMany({
    where: {
      documentId,
      addressedToId: actor.userId,
      decision: "rejected",
      parentId: null,
      resolvedAt: null,
      ...(lang ? { lang } : { lang: { in: access.targetLangs } }),
    },
    include: {
      author: { select: { id: true, name: true } },
      segment: { select: { position: true } },
      reads: { where: { userId: actor.userId }, select: { readAt: true } },
    },
    orderBy: [{ segment: { position: "asc" } }, { createdAt: "desc" }],
  });
  return notes.map((n) => ({
    noteId: n.id,
    segmentId: n.segmentId,
    position: n.segment.position,
    lang: n.lang ?? "",
    reason: n.body,
    reviewer: n.author,
    createdAt: n.createdAt.toISOString(),
    read: n.reads.length > 0,
  }));
}
