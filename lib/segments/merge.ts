// Merging a paragraph with the next one: the texts are joined with one space (source and each
// translation), each translation takes the lower status of the two, notes of the second paragraph
// move to the first with their offsets shifted, and the second paragraph goes to the document's bin
// with its own translations and history, so an undo (undo.ts) brings it back exactly.
import { requireSegment } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { moveToBinIn } from "./bin";
import type { NoteMove } from "./events";
import { joinTexts, mergedStatus } from "./join-split";
import { publishParagraphs } from "./paragraphs-live";
import type { TranslationStatus } from "./status";
import { changedMeanwhile, openStructureChangeIn } from "./structure-change";

export async function mergeWithNext(db: Db, actor: Actor, segmentId: string) {
  const { segment, document } = await requireSegment(db, actor, segmentId, "source.edit");
  const next = await db.segment.findUnique({
    where: { documentId_position: { documentId: document.id, position: segment.position + 1 } },
  });
  if (!next) throw new AppError("invalid_input", { field: "segmentId", reason: "merge_last" });
  const now = new Date();
  const source = joinTexts(segment.source, next.source);
  await db.$transaction(async (tx) => {
    const eventId = await openStructureChangeIn(tx, {
      document,
      segment,
      event: "segment.merge",
      source: source.text,
      sourceKind: "merge",
      authorId: actor.userId,
      now,
    });
    // The second paragraph's source as read above: edited since (a source edit leaves the structure
    // version alone), the join would drop that edit, so the merge is refused as for a moved paragraph.
    const second = await tx.segment.findUnique({ where: { id: next.id }, select: { version: true } });
    if (second?.version !== next.version) throw changedMeanwhile();
    const sources = [segment.source, next.source] as const;
    const { steps, shifts } = await mergeTranslationsIn(
      tx,
      segmentId,
      next.id,
      document.id,
      sources,
      actor.userId,
      now,
    );
    const notes = await moveNotesIn(tx, next.id, segmentId, source.shift, shifts);
    await moveToBinIn(
      tx,
      document,
      [{ segmentId: next.id, position: next.position, reason: "merge", eventId }],
      actor.userId,
      now,
    );
    const data = {
      removedSegmentId: next.id,
      first: segment.source,
      second: next.source,
      joined: source.text,
      version: segment.version + 1,
      translations: steps,
      notes,
    };
    await tx.documentEvent.update({ where: { id: eventId }, data: { data: JSON.stringify(data) } });
  });
  const structureVersion = document.structureVersion + 1;
  await publishParagraphs(db, actor.userId, document.id, "merge", { segmentId, removed: next.id, structureVersion });
  return { segmentId, removedSegmentId: next.id, position: segment.position, structureVersion };
}

/** The first paragraph's translations become the joined ones; the second's stay as they were (in the bin). */
async function mergeTranslationsIn(
  tx: Tx,
  firstId: string,
  secondId: string,
  documentId: string,
  sources: readonly [string, string],
  actorId: string,
  now: Date,
) {
  const [first, second] = await Promise.all([
    tx.translation.findMany({ where: { segmentId: firstId }, include: { sourceChange: true } }),
    tx.translation.findMany({ where: { segmentId: secondId }, include: { sourceChange: true } }),
  ]);
  const steps = [];
  const shifts: Record<string, number> = {};
  for (const lang of new Set([...first.map((t) => t.lang), ...second.map((t) => t.lang)])) {
    const a = first.find((t) => t.lang === lang);
    const b = second.find((t) => t.lang === lang);
    const aText = { text: a?.text ?? "", status: (a?.status ?? "new") as TranslationStatus };
    const bText = { text: b?.text ?? "", status: (b?.status ?? "new") as TranslationStatus };
    const joined = joinTexts(aText.text, bText.text);
    shifts[lang] = joined.shift;
    const status = mergedStatus(aText, bText);
    let after = a?.version ?? 0;
    if (!a) {
      after = joined.text ? 1 : 0;
      await tx.translation.create({
        data: {
          segmentId: firstId,
          documentId,
          lang,
          text: joined.text,
          status,
          version: after,
          updatedById: actorId,
          createdAt: now,
          updatedAt: now,
        },
      });
    } else if (joined.text !== a.text || status !== a.status) {
      after = a.version + 1;
      await tx.translation.update({
        where: { id: a.id },
        data: { text: joined.text, status, version: after, updatedById: actorId, updatedAt: now },
      });
    }
    // A "source changed" mark on either side stays on the merged translation (its old text joined).
    const marks = [a?.sourceChange?.oldSource, b?.sourceChange?.oldSource];
    if (marks.some((m) => m !== undefined) && joined.text) {
      const created = await tx.translation.findUniqueOrThrow({
        where: { segmentId_lang: { segmentId: firstId, lang } },
      });
      const oldSource = joinTexts(marks[0] ?? sources[0], marks[1] ?? sources[1]).text;
      await tx.sourceChange.upsert({
        where: { translationId: created.id },
        create: { translationId: created.id, oldSource, createdAt: now },
        update: { oldSource },
      });
    }
    steps.push({
      lang,
      before: { text: aText.text, status: aText.status, version: a?.version ?? 0 },
      after,
      mark: a?.sourceChange?.oldSource ?? null,
    });
  }
  return { steps, shifts };
}

/** The second paragraph's notes (threads with their replies) move to the first, anchors shifted. */
async function moveNotesIn(tx: Tx, fromId: string, toId: string, sourceShift: number, shifts: Record<string, number>) {
  const notes = await tx.note.findMany({ where: { segmentId: fromId } });
  const moves: NoteMove[] = [];
  for (const note of notes) {
    const shift = note.anchorSide === "source" ? sourceShift : note.lang ? (shifts[note.lang] ?? 0) : 0;
    const anchored = note.anchorStart !== null;
    const to = {
      segmentId: toId,
      start: anchored ? (note.anchorStart ?? 0) + shift : null,
      end: anchored ? (note.anchorEnd ?? 0) + shift : null,
    };
    await tx.note.update({
      where: { id: note.id },
      data: { segmentId: toId, anchorStart: to.start, anchorEnd: to.end },
    });
    moves.push({ id: note.id, from: { segmentId: fromId, start: note.anchorStart, end: note.anchorEnd }, to });
  }
  return moves;
}
