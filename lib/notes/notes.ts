// Notes on a paragraph or on a span of it: threads, replies, resolve/reopen, @mentions, and MQM
// quality annotations. Bodies are plain text; nothing here is ever treated as HTML.

import { requireSegment } from "../auth/access";
import type { Actor } from "../auth/actor";
import { editorPermissions, mayResolveThread, roleAllows } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { publishLive } from "../live/runtime";
import { parseInput } from "../parse-input";
import { assertTarget } from "../projects/languages";
import { addresseeOf } from "./addressee";
import { anchorAt, type FullAnchor } from "./anchor";
import { findMentions } from "./mentions";
import { NoteInput, NoteUpdate } from "./validation";
import { type NoteView, noteInclude, threads, toView } from "./view";

export type { NoteView };

type NoteEventType = "note.added" | "note.changed" | "note.resolved";

/** The notes of one segment as threads: first notes in order, each with its replies. */
export async function listSegmentNotes(db: Db, actor: Actor, segmentId: string) {
  await requireSegment(db, actor, segmentId, "project.read");
  const notes = await db.note.findMany({
    where: { segmentId },
    include: noteInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return threads(notes.map(toView));
}

/** Every thread of a document (optionally one language's and the paragraph-wide ones), for the notes panel. */
export async function listDocumentNotes(db: Db, documentId: string, lang?: string) {
  const notes = await db.note.findMany({
    where: { documentId, ...(lang ? { OR: [{ lang }, { lang: null }] } : {}) },
    include: { ...noteInclude, segment: { select: { position: true } } },
    orderBy: [{ segment: { position: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
  });
  const positions = new Map(notes.map((n) => [n.id, n.segment.position]));
  return threads(notes.map(toView)).map((t) => ({ ...t, position: positions.get(t.id) ?? 0 }));
}

export async function createNote(db: Db, actor: Actor, segmentId: string, raw: unknown) {
  const { segment, access } = await requireSegment(db, actor, segmentId, "note.create");
  const input = parseInput(NoteInput, raw);
  if (input.lang) assertTarget(access.targetLangs, input.lang);
  if (Boolean(input.category) !== Boolean(input.severity)) {
    throw new AppError("invalid_input", {
      field: input.category ? "severity" : "category",
      reason: "category_needs_severity",
    });
  }

  let parent = null;
  if (input.parentId) {
    parent = await db.note.findUnique({ where: { id: input.parentId } });
    // Replies hang off the first note of a thread on the same paragraph; they carry no anchor or error type.
    if (!parent || parent.segmentId !== segmentId || parent.parentId || input.anchor || input.category) {
      throw new AppError("invalid_input", { field: "parentId", reason: "bad_reply" });
    }
  }

  const lang = input.lang ?? parent?.lang ?? null;
  const translation = lang ? await db.translation.findUnique({ where: { segmentId_lang: { segmentId, lang } } }) : null;
  let anchor: FullAnchor | null = null;
  if (input.anchor) {
    let text = segment.source;
    if (input.anchor.side === "target") {
      if (!input.lang) throw new AppError("invalid_input", { field: "lang", reason: "anchor_outside" });
      text = translation?.text ?? "";
    }
    if (input.anchor.end > text.length)
      throw new AppError("invalid_input", { field: "anchor", reason: "anchor_outside" });
    anchor = anchorAt(text, input.anchor.start, input.anchor.end);
  }

  const mentioned = await mentionedIn(db, access.projectId, input.body, actor.userId);
  // A thread about a translation is addressed to its last translator; replies belong to their thread.
  const addressedToId = parent ? null : await addresseeOf(db, translation?.id ?? null, actor.userId);

  const created = await db.$transaction(async (tx) => {
    const note = await tx.note.create({
      data: {
        segmentId,
        documentId: segment.documentId,
        lang,
        authorId: actor.userId,
        addressedToId,
        body: input.body,
        anchorSide: input.anchor?.side ?? null,
        anchorStart: anchor?.start ?? null,
        anchorEnd: anchor?.end ?? null,
        anchorText: anchor?.text ?? null,
        anchorPrefix: anchor?.prefix ?? null,
        anchorSuffix: anchor?.suffix ?? null,
        category: input.category ?? null,
        severity: input.severity ?? null,
        parentId: parent?.id ?? null,
      },
    });
    await recordMentions(tx, note.id, mentioned);
    return toView(await tx.note.findUniqueOrThrow({ where: { id: note.id }, include: noteInclude }));
  });
  announceNote(db, actor.userId, segment.documentId, "note.added", created, parent?.resolvedAt != null);
  return created;
}

async function isResolved(db: Db, noteId: string): Promise<boolean> {
  return (await db.note.findUnique({ where: { id: noteId }, select: { resolvedAt: true } }))?.resolvedAt != null;
}

/** Tells the document's live viewers, after the commit (lib/live/publish.ts). */
function announceNote(
  db: Db,
  userId: string,
  documentId: string,
  type: NoteEventType,
  note: NoteView,
  resolved: boolean,
) {
  const data = {
    noteId: note.id,
    segmentId: note.segmentId,
    threadId: note.parentId ?? note.id,
    lang: note.lang,
    resolved,
  };
  void publishLive(db, { type, documentId, actorId: userId, data });
}

/** The members a note's @mentions name (not its author), read before the note's transaction. */
async function mentionedIn(db: Db, projectId: string, body: string, authorId: string): Promise<string[]> {
  if (!body.includes("@")) return [];
  const members = await db.membership.findMany({
    where: { projectId },
    include: { user: { select: { id: true, name: true, email: true } } },
  });
  return findMentions(
    body,
    members.map((m) => m.user),
  ).filter((id) => id !== authorId);
}

async function recordMentions(tx: Tx, noteId: string, userIds: string[]) {
  for (const userId of userIds) await tx.noteMention.create({ data: { noteId, userId } });
}

/**
 * Edit one's own note, or resolve / reopen a thread (reviewers and owners any; translators the
 * threads they started and those addressed to them: mayResolveThread).
 */
export async function updateNote(db: Db, actor: Actor, noteId: string, raw: unknown) {
  const note = await db.note.findUnique({ where: { id: noteId } });
  if (!note) throw new AppError("not_found");
  // Every role that may change a note at all may resolve its own threads: the finer rules follow.
  const { access } = await requireSegment(db, actor, note.segmentId, "note.resolve.own");
  const { body, resolved } = parseInput(NoteUpdate, raw);
  if (body !== undefined && note.authorId !== actor.userId) throw new AppError("forbidden", { reason: "not_own_note" });
  if (body !== undefined && !roleAllows(access.role, "note.create", access.policy)) throw new AppError("forbidden");
  if (resolved !== undefined) {
    const rootId = note.parentId ?? note.id;
    const thread = await db.note.findMany({
      where: { OR: [{ id: rootId }, { parentId: rootId }] },
      include: noteInclude,
    });
    const [root] = threads(thread.map(toView));
    if (!root || !mayResolveThread(editorPermissions(access, actor.userId), root))
      throw new AppError("forbidden", { action: "note.resolve" });
  }
  const mentioned = body === undefined ? [] : await mentionedIn(db, access.projectId, body, actor.userId);
  const updated = await db.$transaction(async (tx) => {
    // Resolving acts on the whole thread: its first note carries the state.
    const targetId = resolved !== undefined && note.parentId ? note.parentId : noteId;
    if (resolved !== undefined) {
      await tx.note.update({
        where: { id: targetId },
        data: resolved
          ? { resolvedAt: new Date(), resolvedById: actor.userId }
          : { resolvedAt: null, resolvedById: null },
      });
    }
    if (body !== undefined) {
      await tx.note.update({ where: { id: noteId }, data: { body } });
      await tx.noteMention.deleteMany({ where: { noteId } });
      await recordMentions(tx, noteId, mentioned);
    }
    return toView(await tx.note.findUniqueOrThrow({ where: { id: noteId }, include: noteInclude }));
  });
  // Resolving or reopening speaks for the thread; an edited body for the note.
  const threadResolved = resolved ?? (note.parentId ? await isResolved(db, note.parentId) : updated.resolved);
  const type: NoteEventType = resolved === true ? "note.resolved" : "note.changed";
  announceNote(db, actor.userId, note.documentId, type, updated, threadResolved);
  return updated;
}
