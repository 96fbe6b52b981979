// The two structural undos, inside undoEvent's transaction (undo.ts): a split joined back, a merge
// cut apart again, each returning false when the paragraphs are no longer as the event left them.
import type { z } from "zod";
import type { Tx } from "../db/client";
import { moveFromBinIn, moveToBinIn } from "./bin";
import type { MergeData, NoteMove, SplitData } from "./events";
import { joinTexts, mergedStatus } from "./join-split";
import { markSourceChangedIn } from "./source-changes";
import { writeSourceIn } from "./source-history";
import type { TranslationStatus } from "./status";

interface UndoContext {
  document: { id: string; projectId: string; sourceLang: string };
  segment: { id: string; source: string; version: number; position: number };
  actorId: string;
  now: Date;
}

type Step = z.infer<typeof SplitData>["translations"][number];

async function restoreTranslationIn(tx: Tx, id: string, version: number, step: Step, ctx: UndoContext) {
  await tx.translation.update({
    where: { id },
    data: {
      text: step.before.text,
      status: step.before.status,
      version: version + 1,
      updatedById: ctx.actorId,
      updatedAt: ctx.now,
    },
  });
  await tx.sourceChange.deleteMany({ where: { translationId: id } });
  if (step.mark)
    await tx.sourceChange.create({ data: { translationId: id, oldSource: step.mark, createdAt: ctx.now } });
}

async function putNotesBackIn(tx: Tx, moves: readonly NoteMove[], from: string) {
  const back = new Set<string>();
  for (const move of moves) {
    const { count } = await tx.note.updateMany({
      where: { id: move.id, segmentId: from },
      data: { segmentId: move.from.segmentId, anchorStart: move.from.start, anchorEnd: move.from.end },
    });
    if (count) {
      await tx.note.updateMany({ where: { parentId: move.id }, data: { segmentId: move.from.segmentId } });
      back.add(move.id);
    }
  }
  return back;
}

export async function undoSplitIn(tx: Tx, ctx: UndoContext, data: z.infer<typeof SplitData>, undoId: string) {
  const { segment, document } = ctx;
  const second = await tx.segment.findUnique({ where: { id: data.newSegmentId } });
  if (segment.version !== data.version || !second || second.documentId !== document.id) return false;
  if (second.position !== segment.position + 1 || second.version !== 0) return false;
  const written = await writeSourceIn(tx, {
    segmentId: segment.id,
    fromVersion: segment.version,
    fromSource: segment.source,
    source: data.before,
    kind: "undo",
    lang: document.sourceLang,
    authorId: ctx.actorId,
    eventId: undoId,
    now: ctx.now,
  });
  if (!written) return false;
  const [firsts, seconds] = await Promise.all([
    tx.translation.findMany({ where: { segmentId: segment.id } }),
    tx.translation.findMany({ where: { segmentId: second.id } }),
  ]);
  const targetShift: Record<string, number> = {};
  for (const a of firsts) {
    const b = seconds.find((t) => t.lang === a.lang);
    const step = data.translations.find((s) => s.lang === a.lang);
    if (step && a.version === step.after && (b?.version ?? 0) === (step.other ?? 0)) {
      await restoreTranslationIn(tx, a.id, a.version, step, ctx);
      targetShift[a.lang] = step.before.text.length - (b?.text.length ?? 0);
      continue;
    }
    // Edited since the split: both parts' work is kept, joined as a merge joins.
    const bText = { text: b?.text ?? "", status: (b?.status ?? "new") as TranslationStatus };
    const joined = joinTexts(a.text, bText.text);
    targetShift[a.lang] = joined.shift;
    const status = mergedStatus({ text: a.text, status: a.status as TranslationStatus }, bText);
    await tx.translation.update({
      where: { id: a.id },
      data: { text: joined.text, status, version: a.version + 1, updatedById: ctx.actorId, updatedAt: ctx.now },
    });
  }
  const back = await putNotesBackIn(tx, data.notes, second.id);
  // Notes written on the second part since the split move to the paragraph too, anchors shifted.
  const sourceShift = data.before.length - data.tail.length;
  for (const note of await tx.note.findMany({ where: { segmentId: second.id } })) {
    if (back.has(note.parentId ?? "")) continue;
    const shift = note.anchorSide === "source" ? sourceShift : note.lang ? (targetShift[note.lang] ?? 0) : 0;
    const anchored = note.anchorStart !== null;
    await tx.note.update({
      where: { id: note.id },
      data: {
        segmentId: segment.id,
        anchorStart: anchored ? (note.anchorStart ?? 0) + shift : null,
        anchorEnd: anchored ? (note.anchorEnd ?? 0) + shift : null,
      },
    });
  }
  await moveToBinIn(
    tx,
    document,
    [{ segmentId: second.id, position: second.position, reason: "split_undo", eventId: undoId }],
    ctx.actorId,
    ctx.now,
  );
  return true;
}

export async function undoMergeIn(
  tx: Tx,
  ctx: UndoContext,
  data: z.infer<typeof MergeData>,
  eventId: string,
  undoId: string,
) {
  const { segment, document } = ctx;
  const trashed = await tx.trashedSegment.findUnique({ where: { segmentId: data.removedSegmentId } });
  if (segment.version !== data.version || trashed?.eventId !== eventId || trashed.documentId !== document.id)
    return false;
  const written = await writeSourceIn(tx, {
    segmentId: segment.id,
    fromVersion: segment.version,
    fromSource: segment.source,
    source: data.first,
    kind: "undo",
    lang: document.sourceLang,
    authorId: ctx.actorId,
    eventId: undoId,
    now: ctx.now,
  });
  if (!written) return false;
  await moveFromBinIn(tx, document.id, data.removedSegmentId, segment.position + 1);
  const edited: string[] = [];
  for (const a of await tx.translation.findMany({ where: { segmentId: segment.id } })) {
    const step = data.translations.find((s) => s.lang === a.lang);
    if (step && a.version === step.after) await restoreTranslationIn(tx, a.id, a.version, step, ctx);
    else edited.push(a.lang);
  }
  // Edited since the merge: the text stays, marked for someone to share it out again.
  await markSourceChangedIn(tx, [segment.id], new Map([[segment.id, data.joined]]), ctx.actorId, ctx.now, edited);
  await putNotesBackIn(tx, data.notes, segment.id);
  return true;
}
