// What is addressed to a person: notes that @mention them, and paragraphs sent back to them with a
// reason. Each is unread until they open it (NoteRead); the top bar shows how many are unread.
import { z } from "zod";
import type { Actor } from "../auth/actor";
import type { Db, Prisma } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { noteInclude, toView } from "./view";

const place = {
  segment: { select: { position: true } },
  document: { select: { id: true, title: true, projectId: true } },
} as const;

/** Only what stays theirs: a note in a project the person has left is no longer addressed to them. */
const inTheirProjects = (userId: string): Prisma.NoteWhereInput => ({
  document: { project: { memberships: { some: { userId } } } },
});

const sentBackWhere = (userId: string): Prisma.NoteWhereInput => ({
  addressedToId: userId,
  decision: "rejected",
  parentId: null,
  resolvedAt: null,
  ...inTheirProjects(userId),
});

/** Notes that name this user, newest first, with where they are and whether they opened them. */
export async function listMentions(db: Db, userId: string, take = 100) {
  const rows = await db.noteMention.findMany({
    where: { userId, note: inTheirProjects(userId) },
    orderBy: { createdAt: "desc" },
    take,
    include: {
      note: { include: { ...noteInclude, ...place, reads: { where: { userId }, select: { readAt: true } } } },
    },
  });
  return rows.map(({ note }) => ({
    ...toView(note),
    position: note.segment.position,
    document: note.document,
    read: note.reads.length > 0,
  }));
}

/** Paragraphs sent back to this user that they have not confirmed again, newest first. */
export async function listSentBack(db: Db, userId: string, take = 100) {
  const rows = await db.note.findMany({
    where: sentBackWhere(userId),
    orderBy: { createdAt: "desc" },
    take,
    include: { ...noteInclude, ...place, reads: { where: { userId }, select: { readAt: true } } },
  });
  return rows.map((note) => ({
    ...toView(note),
    position: note.segment.position,
    document: note.document,
    read: note.reads.length > 0,
  }));
}

/** How many mentions and send-backs this user has not opened yet (the top bar, on every page). */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [mentions, sentBack] = await Promise.all([
    db.noteMention.count({ where: { userId, note: { ...inTheirProjects(userId), reads: { none: { userId } } } } }),
    db.note.count({ where: { ...sentBackWhere(userId), reads: { none: { userId } } } }),
  ]);
  return mentions + sentBack;
}

export async function listInbox(db: Db, actor: Actor) {
  const [mentions, sentBack] = await Promise.all([listMentions(db, actor.userId), listSentBack(db, actor.userId)]);
  const unread = [...mentions, ...sentBack].filter((item) => !item.read).length;
  return { unread, mentions, sentBack };
}

export const MarkReadInput = z.object({
  noteIds: z
    .array(z.string().min(1).max(100))
    .min(1)
    .max(500)
    .describe("Notes addressed to you (a mention of you, or a send-back to you) that you have opened"),
});

/**
 * Marks notes addressed to the asker as opened. Other notes are passed over (there is nothing of
 * theirs to mark); the answer says which were marked.
 */
export async function markRead(db: Db, actor: Actor, raw: unknown) {
  const { noteIds } = parseInput(MarkReadInput, raw);
  const theirs = await db.note.findMany({
    where: {
      id: { in: noteIds },
      OR: [{ mentions: { some: { userId: actor.userId } } }, { addressedToId: actor.userId, decision: "rejected" }],
      ...inTheirProjects(actor.userId),
    },
    select: { id: true },
  });
  const ids = theirs.map((n) => n.id);
  await db.$transaction(async (tx) => {
    for (const noteId of ids) {
      await tx.noteRead.upsert({
        where: { noteId_userId: { noteId, userId: actor.userId } },
        create: { noteId, userId: actor.userId },
        update: {},
      });
    }
  });
  return { marked: ids, unread: await unreadCount(db, actor.userId) };
}

/** Opening one item: marks it read and says where it is (not_found for a note not addressed to the asker). */
export async function openInboxItem(db: Db, actor: Actor, noteId: string) {
  const { marked } = await markRead(db, actor, { noteIds: [noteId] });
  if (marked.length === 0) throw new AppError("not_found");
  const note = await db.note.findUniqueOrThrow({
    where: { id: noteId },
    select: { documentId: true, lang: true, segment: { select: { position: true } } },
  });
  return { documentId: note.documentId, lang: note.lang, position: note.segment.position };
}
