// What a document event (DocumentEvent) records, as JSON in its `data`: enough for the history to say
// what happened and for an undo to put things back exactly when nothing changed since.
import { z } from "zod";
import type { Tx } from "../db/client";
import { TranslationStatus } from "./status";

export const eventKinds = [
  "source.edit",
  "segment.split",
  "segment.merge",
  "source.update",
  "segment.restore",
  "undo",
] as const;
export type EventKind = (typeof eventKinds)[number];

/** A translation before a change, and its version right after it (to tell whether it changed since). */
const TranslationStep = z.object({
  lang: z.string(),
  before: z.object({ text: z.string(), status: TranslationStatus, version: z.number() }),
  after: z.number(),
  /** The version of the other part's translation (a split's second part), when there is one. */
  other: z.number().optional(),
  /** Whether the translation carried a "source changed" mark before, and with which old text. */
  mark: z.string().nullable().optional(),
});

/** A note moved between paragraphs, with its place before and after. */
export const NoteMove = z.object({
  id: z.string(),
  from: z.object({ segmentId: z.string(), start: z.number().nullable(), end: z.number().nullable() }),
  to: z.object({ segmentId: z.string(), start: z.number().nullable(), end: z.number().nullable() }),
});
export type NoteMove = z.infer<typeof NoteMove>;

export const SourceEditData = z.object({ before: z.string(), after: z.string(), version: z.number() });

export const SplitData = z.object({
  newSegmentId: z.string(),
  offset: z.number(),
  before: z.string(),
  head: z.string(),
  tail: z.string(),
  /** Versions of the first part's and the new part's source right after the split. */
  version: z.number(),
  translations: z.array(TranslationStep),
  notes: z.array(NoteMove),
});

export const MergeData = z.object({
  removedSegmentId: z.string(),
  first: z.string(),
  second: z.string(),
  joined: z.string(),
  version: z.number(),
  translations: z.array(TranslationStep),
  notes: z.array(NoteMove),
});

export const UpdateData = z.object({
  fileId: z.string().nullable(),
  fileName: z.string(),
  kept: z.number(),
  changed: z.number(),
  added: z.number(),
  removed: z.number(),
});

export const RestoreData = z.object({ position: z.number(), reason: z.string() });
export const UndoData = z.object({ of: z.string(), kind: z.string() });

export async function recordEventIn(
  tx: Tx,
  e: {
    documentId: string;
    kind: EventKind;
    segmentId: string | null;
    data: object;
    authorId: string | null;
    now: Date;
  },
) {
  const event = await tx.documentEvent.create({
    data: {
      documentId: e.documentId,
      kind: e.kind,
      segmentId: e.segmentId,
      data: JSON.stringify(e.data),
      authorId: e.authorId,
      createdAt: e.now,
    },
    select: { id: true },
  });
  return event.id;
}

/**
 * Claims the document's paragraph structure for one change: compare-and-set on structureVersion,
 * written first in the transaction so the rest is read under the write lock. False when another
 * split, merge, update or undo got there since the caller read the document.
 */
export async function claimStructureIn(tx: Tx, documentId: string, readVersion: number): Promise<boolean> {
  const updated = await tx.$executeRaw`
    UPDATE "Document" SET "structureVersion" = "structureVersion" + 1, "updatedAt" = ${new Date()}
     WHERE "id" = ${documentId} AND "structureVersion" = ${readVersion}`;
  return updated === 1;
}
