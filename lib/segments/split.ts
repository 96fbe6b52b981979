// Splitting a paragraph at the caret: the first part keeps the paragraph (its id, history and
// notes before the cut), the second is a new paragraph right after it. Each translation is cut where
// the caller says (targetOffsets), or by default stays whole with the first part, marked "source
// changed" for someone to redistribute. Positions after it move down by one; undoable (undo.ts).

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { requireSegment } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { assertTarget } from "../projects/languages";
import type { NoteMove } from "./events";
import { cutText, isCharacterBoundary } from "./join-split";
import { publishParagraphs } from "./paragraphs-live";
import { openGapIn } from "./positions";
import { markSourceChangedIn } from "./source-changes";
import { firstSourceIn } from "./source-history";
import type { TranslationStatus } from "./status";
import { changedMeanwhile, openStructureChangeIn } from "./structure-change";
import { countWords } from "./word-count";

export const SplitInput = z.object({
  offset: z
    .number({ message: "split_outside" })
    .int({ message: "split_outside" })
    .describe("Where to cut the source, in UTF-16 code units from its start (the caret)"),
  targetOffsets: z
    .record(z.string(), z.number({ message: "split_outside" }).int({ message: "split_outside" }))
    .optional()
    .describe(
      "Per target language, where to cut its translation. A language left out keeps its whole translation " +
        'with the first part, marked "source changed".',
    ),
});

function assertCut(text: string, offset: number, field: string, inside: boolean) {
  const low = inside ? 1 : 0;
  const high = inside ? text.length - 1 : text.length;
  if (offset < low || offset > high) throw new AppError("invalid_input", { field, reason: "split_outside" });
  if (!isCharacterBoundary(text, offset))
    throw new AppError("invalid_input", { field, reason: "split_inside_character" });
}

export async function splitSegment(db: Db, actor: Actor, segmentId: string, raw: unknown) {
  const { segment, document, access } = await requireSegment(db, actor, segmentId, "source.edit");
  const input = parseInput(SplitInput, raw);
  assertCut(segment.source, input.offset, "offset", true);
  const cut = cutText(segment.source, input.offset);
  if (!cut.head || !cut.tail) throw new AppError("invalid_input", { field: "offset", reason: "split_outside" });
  const checked = await translationsOf(db, segmentId);
  const targetOffsets = input.targetOffsets ?? {};
  for (const [lang, offset] of Object.entries(targetOffsets)) {
    assertTarget(access.targetLangs, lang, `targetOffsets.${lang}`);
    assertCut(checked.find((t) => t.lang === lang)?.text ?? "", offset, `targetOffsets.${lang}`, false);
  }
  const now = new Date();
  const newId = randomUUID();
  await db.$transaction(async (tx) => {
    // The translations as they are now, not as checked above: a save in between (or the one that
    // made PostgreSQL run this again) would otherwise be overwritten by the text read before. A
    // translation cut where the caller said must still be the one the cut was checked on.
    const translations = await translationsOf(tx, segmentId);
    for (const lang of Object.keys(targetOffsets)) {
      const [was, is] = [checked, translations].map((list) => list.find((t) => t.lang === lang)?.version);
      if (was !== is) throw changedMeanwhile();
    }
    const eventId = await openStructureChangeIn(tx, {
      document,
      segment,
      event: "segment.split",
      source: cut.head,
      sourceKind: "split",
      authorId: actor.userId,
      now,
    });
    await openGapIn(tx, document.id, segment.position);
    await tx.segment.create({
      data: {
        id: newId,
        documentId: document.id,
        position: segment.position + 1,
        kind: segment.kind,
        source: cut.tail,
        wordCount: countWords(cut.tail, document.sourceLang),
      },
    });
    await firstSourceIn(tx, newId, cut.tail, "split", { authorId: actor.userId, eventId, now });
    const steps = await splitTranslationsIn(tx, {
      segmentId,
      newId,
      documentId: document.id,
      translations,
      targetOffsets,
      actorId: actor.userId,
      now,
    });
    const whole = translations.filter((t) => targetOffsets[t.lang] === undefined).map((t) => t.lang);
    await markSourceChangedIn(tx, [segmentId], new Map([[segmentId, segment.source]]), actor.userId, now, whole);
    const notes = await moveNotesAfterCutIn(
      tx,
      segmentId,
      newId,
      input.offset,
      cut.tailShift,
      targetOffsets,
      translations,
    );
    const data = {
      newSegmentId: newId,
      offset: input.offset,
      before: segment.source,
      head: cut.head,
      tail: cut.tail,
      version: segment.version + 1,
      translations: steps,
      notes,
    };
    await tx.documentEvent.update({ where: { id: eventId }, data: { data: JSON.stringify(data) } });
  });
  const structureVersion = document.structureVersion + 1;
  await publishParagraphs(db, actor.userId, document.id, "split", { segmentId, inserted: newId, structureVersion });
  return { segmentId, newSegmentId: newId, position: segment.position, structureVersion };
}

const translationsOf = (db: Pick<Tx, "translation">, segmentId: string) =>
  db.translation.findMany({ where: { segmentId }, include: { sourceChange: true } });

interface TranslationRow {
  id: string;
  lang: string;
  text: string;
  status: string;
  version: number;
  sourceChange: { oldSource: string } | null;
}

/** The second part's translations, and the first part's cut ones; returns what undo needs. */
async function splitTranslationsIn(
  tx: Tx,
  s: {
    segmentId: string;
    newId: string;
    documentId: string;
    translations: TranslationRow[];
    targetOffsets: Record<string, number>;
    actorId: string;
    now: Date;
  },
) {
  const steps = [];
  for (const t of s.translations) {
    const at = s.targetOffsets[t.lang];
    const status = t.status as TranslationStatus;
    const parts = at === undefined ? { head: t.text, tail: "" } : cutText(t.text, at);
    const headStatus = parts.head.trim() ? status : "new";
    const tailStatus = parts.tail.trim() ? status : "new";
    let after = t.version;
    if (parts.head !== t.text || headStatus !== status) {
      after = t.version + 1;
      await tx.translation.update({
        where: { id: t.id },
        data: { text: parts.head, status: headStatus, version: after, updatedById: s.actorId, updatedAt: s.now },
      });
    }
    const other = parts.tail ? 1 : 0;
    await tx.translation.create({
      data: {
        segmentId: s.newId,
        documentId: s.documentId,
        lang: t.lang,
        text: parts.tail,
        status: tailStatus,
        version: other,
        updatedById: parts.tail ? s.actorId : null,
        createdAt: s.now,
        updatedAt: s.now,
      },
    });
    // A whole translation kept with the first part is marked after this, as a new version.
    const marked = at === undefined && t.text.trim() !== "";
    steps.push({
      lang: t.lang,
      before: { text: t.text, status, version: t.version },
      after: marked ? after + 1 : after,
      other,
      mark: t.sourceChange?.oldSource ?? null,
    });
  }
  return steps;
}

/** Notes anchored after the cut go with the second part, their offsets moved; the rest stay. */
async function moveNotesAfterCutIn(
  tx: Tx,
  segmentId: string,
  newId: string,
  offset: number,
  tailShift: number,
  targetOffsets: Record<string, number>,
  translations: TranslationRow[],
): Promise<NoteMove[]> {
  const notes = await tx.note.findMany({ where: { segmentId, parentId: null, anchorStart: { not: null } } });
  const moves: NoteMove[] = [];
  for (const note of notes) {
    const start = note.anchorStart ?? 0;
    const end = note.anchorEnd ?? 0;
    let cutAt: number | undefined;
    let shift = 0;
    if (note.anchorSide === "source") [cutAt, shift] = [offset, tailShift];
    else if (note.lang && targetOffsets[note.lang] !== undefined) {
      const text = translations.find((t) => t.lang === note.lang)?.text ?? "";
      cutAt = targetOffsets[note.lang];
      shift = cutText(text, cutAt).tailShift;
    }
    if (cutAt === undefined || start < cutAt) continue;
    const to = { segmentId: newId, start: Math.max(0, start - shift), end: Math.max(0, end - shift) };
    // The thread moves whole: its replies follow the first note.
    await tx.note.update({
      where: { id: note.id },
      data: { segmentId: newId, anchorStart: to.start, anchorEnd: to.end },
    });
    await tx.note.updateMany({ where: { parentId: note.id }, data: { segmentId: newId } });
    moves.push({ id: note.id, from: { segmentId, start, end }, to });
  }
  return moves;
}
