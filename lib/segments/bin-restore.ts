// What a document's bin holds, and putting one paragraph back near where it was.
import { requireDocument } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { purgeDate } from "../trash/retention";
import { moveFromBinIn } from "./bin";
import { claimStructureIn, recordEventIn } from "./events";
import { publishParagraphs } from "./paragraphs-live";
import { changedMeanwhile } from "./structure-change";

/** The paragraphs removed from a document, newest first, with their translations into `langs`. */
export async function listBin(db: Db, actor: Actor, documentId: string) {
  const { access } = await requireDocument(db, actor, documentId, "project.read");
  const trashed = await db.trashedSegment.findMany({
    where: { documentId },
    orderBy: [{ trashedAt: "desc" }, { position: "asc" }],
    include: {
      segment: {
        select: {
          id: true,
          kind: true,
          source: true,
          translations: {
            where: { lang: { in: access.targetLangs } },
            select: { lang: true, text: true, status: true },
          },
          _count: { select: { notes: true } },
        },
      },
    },
  });
  return trashed.map((t) => ({
    segmentId: t.segmentId,
    position: t.position,
    reason: t.reason,
    trashedAt: t.trashedAt,
    purgeAt: purgeDate(t.trashedAt),
    kind: t.segment.kind,
    source: t.segment.source,
    translations: t.segment.translations,
    notes: t.segment._count.notes,
  }));
}

export async function restoreFromBin(db: Db, actor: Actor, segmentId: string) {
  const trashed = await db.trashedSegment.findUnique({ where: { segmentId } });
  if (!trashed) throw new AppError("not_found");
  const { document } = await requireDocument(db, actor, trashed.documentId, "source.edit");
  const now = new Date();
  const restored = await db.$transaction(async (tx) => {
    if (!(await claimStructureIn(tx, document.id, document.structureVersion))) throw changedMeanwhile();
    const position = await moveFromBinIn(tx, document.id, segmentId, trashed.position);
    await recordEventIn(tx, {
      documentId: document.id,
      kind: "segment.restore",
      segmentId,
      data: { position, reason: trashed.reason },
      authorId: actor.userId,
      now,
    });
    return { segmentId, position };
  });
  // The paragraph is back at its place; every other row keeps its order: open editors read just it.
  const changes = { read: [segmentId], removed: [], structureVersion: document.structureVersion + 1 };
  await publishParagraphs(db, actor.userId, document.id, "restore", changes);
  return restored;
}
