// A note as the API and the pages show it, from its row and the relations read with it.
import type { Prisma } from "../db/client";
import type { MqmCategory, Severity } from "./mqm";

/** What a note is read with, everywhere it is shown. */
export const noteInclude = {
  author: { select: { id: true, name: true } },
  resolvedBy: { select: { id: true, name: true } },
  addressedTo: { select: { id: true, name: true } },
  mentions: { select: { user: { select: { id: true, name: true } } } },
} as const;

export type NoteView = ReturnType<typeof toView>;

export function toView(note: Prisma.NoteGetPayload<{ include: typeof noteInclude }>) {
  return {
    id: note.id,
    segmentId: note.segmentId,
    lang: note.lang,
    body: note.body,
    author: note.author ? { id: note.author.id, name: note.author.name } : null,
    // An imported note: who and when its file said it was written (the author above imported it).
    fromFile: note.fromFile ? { author: note.fileAuthor, createdAt: note.fileCreatedAt?.toISOString() ?? null } : null,
    anchor:
      note.anchorSide && note.anchorStart !== null && note.anchorEnd !== null
        ? {
            side: note.anchorSide as "source" | "target",
            start: note.anchorStart,
            end: note.anchorEnd,
            text: note.anchorText ?? "",
            prefix: note.anchorPrefix,
            suffix: note.anchorSuffix,
            // The words are gone from the text: start/end are where they were, not words of the text now.
            lost: note.anchorLost,
          }
        : null,
    // The database holds what validation let in.
    category: note.category as MqmCategory | null,
    severity: note.severity as Severity | null,
    parentId: note.parentId,
    /** The review decision this note gives the reason for; "rejected": a send-back. */
    decision: note.decision as "reviewed" | "approved" | "rejected" | null,
    /** The translator it is addressed to (the translation's last translator when it was written). */
    addressedTo: note.addressedTo,
    /** Members named in it with @. */
    mentions: note.mentions.map((m) => m.user),
    resolved: note.resolvedAt !== null,
    resolvedAt: note.resolvedAt?.toISOString() ?? null,
    resolvedBy: note.resolvedBy,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  };
}

/** First notes in order, each with its replies. */
export function threads<T extends NoteView>(notes: T[]) {
  const roots = notes.filter((n) => !n.parentId);
  return roots.map((root) => ({ ...root, replies: notes.filter((n) => n.parentId === root.id) }));
}
