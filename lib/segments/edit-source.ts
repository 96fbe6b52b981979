// Editing a source paragraph in place (owners, and translators when the project allows it): the
// edit names the version it started from, so two people never overwrite each other silently (409
// with the text as it is now, as for translations). Translations of the paragraph become "source
// changed" drafts, notes anchored in the source follow their words, and the old text stays in the
// paragraph's source history.
import { z } from "zod";
import { requireSegment } from "../auth/access";
import type { Actor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { reanchor } from "../notes/anchor";
import { INT_MAX, parseInput } from "../parse-input";
import { recordEventIn } from "./events";
import { publishParagraphs } from "./paragraphs-live";
import { markSourceChangedIn } from "./source-changes";
import { type SourceChangeKind, writeSourceIn } from "./source-history";
import { SourceText } from "./source-input";

export const EditSourceInput = z.object({
  source: SourceText.describe("The paragraph's new text: one paragraph, 1 to 20,000 characters"),
  baseVersion: z
    .number()
    .int()
    .min(0)
    .max(INT_MAX)
    .describe("The source version the edit started from (0: as imported)"),
});

/** 409 with the source as it is now. */
export async function sourceConflict(db: Pick<Tx, "segment" | "sourceRevision">, segmentId: string) {
  const segment = await db.segment.findUnique({ where: { id: segmentId } });
  const last = await db.sourceRevision.findFirst({
    where: { segmentId },
    orderBy: { version: "desc" },
    include: { author: { select: { id: true, name: true } } },
  });
  return new AppError("conflict", {
    reason: "source_changed_since",
    current: segment
      ? {
          text: segment.source,
          version: segment.version,
          updatedBy: last?.author ?? null,
          updatedAt: (last?.createdAt ?? new Date(0)).toISOString(),
        }
      : null,
  });
}

export async function editSource(db: Db, actor: Actor, segmentId: string, raw: unknown) {
  const { segment, document } = await requireSegment(db, actor, segmentId, "source.edit");
  const input = parseInput(EditSourceInput, raw);
  if (input.baseVersion !== segment.version) throw await sourceConflict(db, segmentId);
  if (input.source === segment.source) return { segmentId, source: segment.source, version: segment.version };
  const now = new Date();
  await db.$transaction(async (tx) => {
    const ok = await changeSourceIn(tx, {
      document,
      segment,
      source: input.source,
      kind: "edit",
      actorId: actor.userId,
      now,
      event: true,
    });
    if (!ok) throw await sourceConflict(tx, segmentId);
  });
  // A source edit leaves the paragraphs' order alone: the structure version stays.
  const structureVersion = document.structureVersion;
  await publishParagraphs(db, actor.userId, document.id, "source-edit", { segmentId, structureVersion });
  return { segmentId, source: input.source, version: segment.version + 1 };
}

export interface SourceChange {
  document: { id: string; sourceLang: string };
  segment: { id: string; source: string; version: number };
  source: string;
  kind: SourceChangeKind;
  actorId: string | null;
  now: Date;
  /** Record a "source.edit" event (an undo records its own). */
  event: boolean;
  eventId?: string | null;
}

/** The new text, its history, the translations marked and the source notes moved; false on a stale version. */
export async function changeSourceIn(tx: Tx, c: SourceChange): Promise<boolean> {
  const eventId = c.event
    ? await recordEventIn(tx, {
        documentId: c.document.id,
        kind: "source.edit",
        segmentId: c.segment.id,
        data: { before: c.segment.source, after: c.source, version: c.segment.version + 1 },
        authorId: c.actorId,
        now: c.now,
      })
    : (c.eventId ?? null);
  const written = await writeSourceIn(tx, {
    segmentId: c.segment.id,
    fromVersion: c.segment.version,
    fromSource: c.segment.source,
    source: c.source,
    kind: c.kind,
    lang: c.document.sourceLang,
    authorId: c.actorId,
    eventId,
    now: c.now,
  });
  if (!written) return false;
  await markSourceChangedIn(tx, [c.segment.id], new Map([[c.segment.id, c.segment.source]]), c.actorId, c.now);
  await reanchorSourceNotesIn(tx, c.segment.id, c.source);
  return true;
}

/** Notes anchored in the source follow their words into the new text (or say "text changed"). */
export async function reanchorSourceNotesIn(tx: Tx, segmentId: string, source: string) {
  const anchored = await tx.note.findMany({ where: { segmentId, anchorSide: "source", anchorStart: { not: null } } });
  for (const note of anchored) {
    const at = reanchor(source, {
      start: note.anchorStart ?? 0,
      end: note.anchorEnd ?? 0,
      text: note.anchorText ?? "",
    });
    if (at && (at.start !== note.anchorStart || at.end !== note.anchorEnd)) {
      await tx.note.update({ where: { id: note.id }, data: { anchorStart: at.start, anchorEnd: at.end } });
    }
  }
}
