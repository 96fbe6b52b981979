// The history of a source paragraph, kept like a translation's: every version of its text with who
// made it, when and how (an edit, a split, a merge, a source update, an undo). Version 0 is the text
// the document was imported with; its row is written when the first change is, so untouched
// paragraphs cost nothing.
import { z } from "zod";
import { requireSegment } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import { countWords } from "./word-count";

export const sourceChangeKinds = ["import", "edit", "split", "merge", "update", "undo", "restore"] as const;
export const SourceChangeKind = z.enum(sourceChangeKinds);
export type SourceChangeKind = z.infer<typeof SourceChangeKind>;

export interface SourceWrite {
  segmentId: string;
  /** The version the text is replacing (what the caller read). */
  fromVersion: number;
  fromSource: string;
  source: string;
  kind: SourceChangeKind;
  lang: string;
  authorId: string | null;
  eventId?: string | null;
  now: Date;
}

/**
 * Writes a paragraph's new source text at version fromVersion + 1, compare-and-set on the version
 * (false, nothing written, when someone changed it since), and its history row.
 */
export async function writeSourceIn(tx: Tx, w: SourceWrite): Promise<boolean> {
  const updated = await tx.$executeRaw`
    UPDATE "Segment" SET "source" = ${w.source}, "wordCount" = ${countWords(w.source, w.lang)}, "version" = "version" + 1
     WHERE "id" = ${w.segmentId} AND "version" = ${w.fromVersion}`;
  if (updated !== 1) return false;
  if (w.fromVersion === 0) {
    await tx.sourceRevision.upsert({
      where: { segmentId_version: { segmentId: w.segmentId, version: 0 } },
      create: { segmentId: w.segmentId, version: 0, source: w.fromSource, kind: "import", createdAt: w.now },
      update: {},
    });
  }
  await tx.sourceRevision.create({
    data: {
      segmentId: w.segmentId,
      version: w.fromVersion + 1,
      source: w.source,
      kind: w.kind,
      eventId: w.eventId ?? null,
      authorId: w.authorId,
      createdAt: w.now,
    },
  });
  return true;
}

/** Version 0 of a paragraph that did not come from an import (a split's second part). */
export function firstSourceIn(
  tx: Tx,
  segmentId: string,
  source: string,
  kind: SourceChangeKind,
  w: Pick<SourceWrite, "authorId" | "eventId" | "now">,
) {
  return tx.sourceRevision.create({
    data: { segmentId, version: 0, source, kind, eventId: w.eventId ?? null, authorId: w.authorId, createdAt: w.now },
  });
}

/** A paragraph's source versions, newest first, and the structural events about it (with undo state). */
export async function sourceHistory(db: Db, actor: Actor, segmentId: string) {
  const { segment } = await requireSegment(db, actor, segmentId, "project.read");
  const revisions = await db.sourceRevision.findMany({
    where: { segmentId },
    orderBy: { version: "desc" },
    include: { author: { select: { id: true, name: true } } },
  });
  const versions = revisions.map((r) => ({
    version: r.version,
    source: r.source,
    kind: SourceChangeKind.catch("edit").parse(r.kind),
    eventId: r.eventId,
    author: r.author,
    createdAt: r.createdAt.toISOString(),
  }));
  // Imported and never changed: the text itself is version 0.
  if (versions.length === 0) {
    versions.push({
      version: 0,
      source: segment.source,
      kind: "import",
      eventId: null,
      author: null,
      createdAt: segment.document.createdAt.toISOString(),
    });
  }
  const eventIds = revisions.map((r) => r.eventId).filter((id): id is string => id !== null);
  const events = await db.documentEvent.findMany({
    where: { documentId: segment.documentId, OR: [{ segmentId }, { id: { in: eventIds } }], kind: { not: "undo" } },
    orderBy: { createdAt: "desc" },
    take: 50,
    include: { author: { select: { id: true, name: true } } },
  });
  return {
    segmentId,
    version: segment.version,
    source: segment.source,
    versions,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      author: e.author,
      createdAt: e.createdAt.toISOString(),
      undone: e.undoneAt !== null,
      undoable: e.undoneAt === null && (undoableKinds as readonly string[]).includes(e.kind),
    })),
  };
}

/** Kinds of events a person may undo from a paragraph's history (undo.ts). */
export const undoableKinds = ["segment.split", "segment.merge", "source.edit"] as const;
