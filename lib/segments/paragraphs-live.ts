// Telling the others with a document open that its paragraphs changed (document.changed, change
// "paragraphs"), after the change committed. A split, a merge, their undo and a source edit name the
// rows concerned (`paragraphs`), so an open editor reads just those and applies the change in place;
// a change of many paragraphs (a source update, a restore from the bin) names none, and editors
// offer a reload instead. What the stream carries and why: docs/live.md.
import type { Db } from "../db/client";
import type { ParagraphEdit } from "../live/events";
import { listedSegments } from "../live/publish";
import { publishLive } from "../live/runtime";

export type ParagraphsReason = "split" | "merge" | "undo" | "source-edit" | "source-update" | "restore";

export function publishParagraphs(
  db: Db,
  actorId: string | null,
  documentId: string,
  reason: ParagraphsReason,
  paragraphs?: ParagraphEdit,
): Promise<void> {
  const ids = paragraphs ? [paragraphs.segmentId, paragraphs.inserted, paragraphs.removed] : [];
  const data = {
    change: "paragraphs" as const,
    lang: null,
    reason,
    segmentIds: listedSegments(ids.filter((id): id is string => Boolean(id))),
    ...(paragraphs ? { paragraphs } : {}),
  };
  return publishLive(db, { type: "document.changed", documentId, actorId, data });
}
