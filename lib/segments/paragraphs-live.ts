// Telling the others with a document open that its paragraphs changed (document.changed, change
// "paragraphs"), after the change committed. A split, a merge, their undo and a source edit name the
// rows concerned (`paragraphs`), so an open editor reads just those and applies the change in place;
// a source update and a restore from the bin name theirs as `paragraphChanges` (rows to read again,
// rows gone) when they are few (paragraph-changes.ts); a bigger change names none, and editors offer
// a reload instead. What the stream carries and why: docs/live.md.
import type { Db } from "../db/client";
import type { ParagraphChanges, ParagraphEdit } from "../live/events";
import { listedSegments } from "../live/publish";
import { publishLive } from "../live/runtime";

export type ParagraphsReason = "split" | "merge" | "undo" | "source-edit" | "source-update" | "restore";

export function publishParagraphs(
  db: Db,
  actorId: string | null,
  documentId: string,
  reason: ParagraphsReason,
  paragraphs?: ParagraphEdit | ParagraphChanges,
): Promise<void> {
  const many = paragraphs && "read" in paragraphs ? paragraphs : undefined;
  const one = paragraphs && !("read" in paragraphs) ? paragraphs : undefined;
  const ids = one ? [one.segmentId, one.inserted, one.removed] : many ? [...many.read, ...many.removed] : [];
  const data = {
    change: "paragraphs" as const,
    lang: null,
    reason,
    segmentIds: listedSegments(ids.filter((id): id is string => Boolean(id))),
    ...(one ? { paragraphs: one } : {}),
    ...(many ? { paragraphChanges: many } : {}),
  };
  return publishLive(db, { type: "document.changed", documentId, actorId, data });
}
