// A document's bin: paragraphs removed from it (by a source update, a merge, an undone split) are
// moved, not deleted, into a hidden document of its own (Document.binOfId), with their translations,
// revisions and notes untouched, and a TrashedSegment row that says where they were and why. Every
// reader goes by document id, so nothing that reads a document sees them; restoring moves them back.
// The purge removes what has stayed longer than PARALLEL_TRASH_DAYS.
import type { Tx } from "../db/client";
import { closeGapIn, nextPositionIn, openGapIn } from "./positions";

/** The document's bin, made on first use. */
export async function binOfIn(tx: Tx, document: { id: string; projectId: string; sourceLang: string }) {
  const existing = await tx.document.findUnique({ where: { binOfId: document.id }, select: { id: true } });
  if (existing) return existing.id;
  const bin = await tx.document.create({
    data: {
      projectId: document.projectId,
      title: "(removed paragraphs)",
      sourceLang: document.sourceLang,
      binOfId: document.id,
    },
    select: { id: true },
  });
  return bin.id;
}

/** Moves a paragraph, with its translations and notes, between a document and its bin. */
async function moveRowsIn(tx: Tx, segmentId: string, toDocumentId: string, position: number) {
  await tx.segment.update({ where: { id: segmentId }, data: { documentId: toDocumentId, position } });
  await tx.translation.updateMany({ where: { segmentId }, data: { documentId: toDocumentId } });
  await tx.note.updateMany({ where: { segmentId }, data: { documentId: toDocumentId } });
}

export interface BinMove {
  segmentId: string;
  /** Its position in the document when removed. */
  position: number;
  reason: "source_update" | "merge" | "split_undo";
  eventId: string | null;
}

/**
 * Moves paragraphs to the bin. Positions in the document are not closed here when `closeGaps` is
 * false (a source update renumbers everything at once).
 */
export async function moveToBinIn(
  tx: Tx,
  document: { id: string; projectId: string; sourceLang: string },
  moves: readonly BinMove[],
  actorId: string | null,
  now: Date,
  closeGaps = true,
) {
  if (moves.length === 0) return;
  const binId = await binOfIn(tx, document);
  let next = await nextPositionIn(tx, binId);
  // From the last to the first, so the positions still to close are not moved by the ones before.
  for (const move of [...moves].sort((a, b) => b.position - a.position)) {
    await moveRowsIn(tx, move.segmentId, binId, next++);
    await tx.trashedSegment.create({
      data: {
        segmentId: move.segmentId,
        documentId: document.id,
        position: move.position,
        reason: move.reason,
        eventId: move.eventId,
        trashedAt: now,
        trashedById: actorId,
      },
    });
    if (closeGaps) await closeGapIn(tx, document.id, move.position);
  }
}

/** Puts a paragraph from the bin back at `position` (clamped to the document's end). */
export async function moveFromBinIn(tx: Tx, documentId: string, segmentId: string, position: number) {
  const end = await nextPositionIn(tx, documentId);
  const at = Math.max(1, Math.min(position, end));
  await openGapIn(tx, documentId, at - 1);
  await moveRowsIn(tx, segmentId, documentId, at);
  await tx.trashedSegment.delete({ where: { segmentId } });
  return at;
}
