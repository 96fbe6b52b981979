// The opening every split and merge shares, inside its transaction: claim the document's paragraph
// structure as it was read (someone else's split, merge, update or undo first: structure_changed),
// record the change's event, and rewrite the first paragraph's source (compare-and-set on its version).
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { claimStructureIn, type EventKind, recordEventIn } from "./events";
import { type SourceChangeKind, writeSourceIn } from "./source-history";

/** The refusal when the document's paragraphs or this paragraph changed since the caller read them. */
export const changedMeanwhile = () => new AppError("conflict", { reason: "structure_changed" });

interface Opening {
  document: { id: string; structureVersion: number; sourceLang: string };
  segment: { id: string; version: number; source: string };
  event: EventKind;
  /** The first paragraph's new source, and the kind of change its history shows. */
  source: string;
  sourceKind: SourceChangeKind;
  authorId: string | null;
  now: Date;
}

/** Returns the event's id, which the change's other rows point to. */
export async function openStructureChangeIn(tx: Tx, o: Opening): Promise<string> {
  if (!(await claimStructureIn(tx, o.document.id, o.document.structureVersion))) throw changedMeanwhile();
  const eventId = await recordEventIn(tx, {
    documentId: o.document.id,
    kind: o.event,
    segmentId: o.segment.id,
    data: {},
    authorId: o.authorId,
    now: o.now,
  });
  const written = await writeSourceIn(tx, {
    segmentId: o.segment.id,
    fromVersion: o.segment.version,
    fromSource: o.segment.source,
    source: o.source,
    kind: o.sourceKind,
    lang: o.document.sourceLang,
    authorId: o.authorId,
    eventId,
    now: o.now,
  });
  if (!written) throw changedMeanwhile();
  return eventId;
}
