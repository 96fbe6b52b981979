// Undoing a split, a merge or a source edit from a paragraph's history. An undo puts back exactly
// what was there when nothing changed since; where translations were edited meanwhile it keeps
// that work (joined by the merge rule, or marked "source changed") rather than lose it. Undo is
// refused (409) once the paragraphs' source texts changed again or the paragraph left the document.
import { requireDocument } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { changeSourceIn } from "./edit-source";
import { claimStructureIn, MergeData, recordEventIn, SourceEditData, SplitData } from "./events";
import { publishParagraphs } from "./paragraphs-live";
import { changedMeanwhile } from "./structure-change";
import { undoMergeIn, undoSplitIn } from "./undo-steps";

const notUndoable = () => new AppError("conflict", { reason: "undo_changed_since" });

export async function undoEvent(db: Db, actor: Actor, eventId: string) {
  const event = await db.documentEvent.findUnique({ where: { id: eventId } });
  if (!event) throw new AppError("not_found");
  const { document } = await requireDocument(db, actor, event.documentId, "source.edit");
  if (event.undoneAt) throw new AppError("conflict", { reason: "undo_done" });
  const segment = event.segmentId ? await db.segment.findUnique({ where: { id: event.segmentId } }) : null;
  if (!segment || segment.documentId !== document.id) throw notUndoable();
  const raw = JSON.parse(event.data) as unknown;
  const now = new Date();
  const ctx = { document, segment, actorId: actor.userId, now };
  // What the undo does to the rows an editor shows: an undone split's second part goes, an undone
  // merge's second paragraph comes back right after the first. Answered by the transaction, not
  // set from inside it: PostgreSQL may run it more than once (lib/db/serializable.ts).
  const { inserted, removed } = await db.$transaction(async (tx): Promise<{ inserted?: string; removed?: string }> => {
    if (!(await claimStructureIn(tx, document.id, document.structureVersion))) throw changedMeanwhile();
    const undoId = await recordEventIn(tx, {
      documentId: document.id,
      kind: "undo",
      segmentId: segment.id,
      data: { of: event.id, kind: event.kind },
      authorId: actor.userId,
      now,
    });
    const done = await tx.documentEvent.updateMany({
      where: { id: event.id, undoneAt: null },
      data: { undoneAt: now, undoneById: actor.userId },
    });
    if (done.count !== 1) throw new AppError("conflict", { reason: "undo_done" });
    if (event.kind === "segment.split") {
      const data = SplitData.parse(raw);
      if (!(await undoSplitIn(tx, ctx, data, undoId))) throw notUndoable();
      return { removed: data.newSegmentId };
    }
    if (event.kind === "segment.merge") {
      const data = MergeData.parse(raw);
      if (!(await undoMergeIn(tx, ctx, data, event.id, undoId))) throw notUndoable();
      return { inserted: data.removedSegmentId };
    }
    if (event.kind === "source.edit") {
      const data = SourceEditData.parse(raw);
      if (segment.version !== data.version) throw notUndoable();
      const ok = await changeSourceIn(tx, { ...ctx, source: data.before, kind: "undo", event: false, eventId: undoId });
      if (!ok) throw notUndoable();
      // Translations written for the text now back need no "source changed" mark.
      await tx.sourceChange.deleteMany({ where: { oldSource: data.before, translation: { segmentId: segment.id } } });
      return {};
    }
    throw new AppError("invalid_input", { field: "eventId", reason: "not_undoable" });
  });
  const paragraphs = { segmentId: segment.id, inserted, removed, structureVersion: document.structureVersion + 1 };
  await publishParagraphs(db, actor.userId, document.id, "undo", paragraphs);
  return { eventId: event.id, ...paragraphs };
}
