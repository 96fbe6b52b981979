import { requireSegment } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import type { TranslationStatus } from "../segments/status";

/** Every saved state of one translation, newest first, with who saved it. */
export async function listRevisions(db: Db, actor: Actor, segmentId: string, lang: string) {
  await requireSegment(db, actor, segmentId, "project.read");
  const translation = await db.translation.findUnique({ where: { segmentId_lang: { segmentId, lang } } });
  if (!translation) return [];
  const revisions = await db.revision.findMany({
    where: { translationId: translation.id },
    orderBy: { version: "desc" },
    include: { author: { select: { id: true, name: true } } },
  });
  return revisions.map((r) => ({
    version: r.version,
    text: r.text,
    status: r.status as TranslationStatus,
    author: r.author ? { id: r.author.id, name: r.author.name } : null,
    createdAt: r.createdAt.toISOString(),
  }));
}
