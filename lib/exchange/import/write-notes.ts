// Imported notes keep their text, language, anchor, MQM labels, date, replies and whether they were
// resolved. The author is the project member with that name or email, else the name as written
// (authorName). In an update, a note already on the paragraph (same language, text and date) is not
// added again.
import { randomUUID } from "node:crypto";
import { insertRows } from "../../db/bulk-write";
import type { Tx } from "../../db/client";
import type { ExchangeNote, ExchangeUnit } from "../types";

export interface WriteNotes {
  projectId: string;
  documentId: string;
  segmentIds: Map<number, string>;
  units: ExchangeUnit[];
}

type NoteRow = {
  id: string;
  segmentId: string;
  documentId: string;
  lang: string | null;
  authorId: string | null;
  authorName: string | null;
  body: string;
  anchorSide: string | null;
  anchorStart: number | null;
  anchorEnd: number | null;
  anchorText: string | null;
  category: string | null;
  severity: string | null;
  parentId: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const NOTE_COLUMNS = [
  "id",
  "segmentId",
  "documentId",
  "lang",
  "authorId",
  "authorName",
  "body",
  "anchorSide",
  "anchorStart",
  "anchorEnd",
  "anchorText",
  "category",
  "severity",
  "parentId",
  "resolvedAt",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof NoteRow)[];

function dateOf(value: string | null | undefined, fallback: Date): Date {
  const d = value ? new Date(value) : null;
  return d && !Number.isNaN(d.getTime()) ? d : fallback;
}

async function authorMatcher(tx: Tx, projectId: string) {
  const members = await tx.membership.findMany({
    where: { projectId },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  const key = (s: string) => s.trim().normalize("NFC").toLocaleLowerCase();
  const byKey = new Map<string, string>();
  for (const { user } of members) {
    for (const k of [key(user.email), key(user.name)]) if (!byKey.has(k)) byKey.set(k, user.id);
  }
  return (author: string | null) => {
    if (!author?.trim()) return { authorId: null, authorName: null };
    const id = byKey.get(key(author));
    return id ? { authorId: id, authorName: null } : { authorId: null, authorName: author.trim() };
  };
}

const noteKey = (segmentId: string, parentId: string | null, lang: string | null, body: string, createdAt: Date) =>
  [segmentId, parentId ?? "", lang ?? "", body, createdAt.toISOString()].join("\u0000");

export async function writeNotes(tx: Tx, input: WriteNotes): Promise<number> {
  const author = await authorMatcher(tx, input.projectId);
  const existing = await tx.note.findMany({
    where: { documentId: input.documentId },
    select: { id: true, segmentId: true, parentId: true, lang: true, body: true, createdAt: true },
  });
  const known = new Map(existing.map((n) => [noteKey(n.segmentId, n.parentId, n.lang, n.body, n.createdAt), n.id]));
  const now = new Date();
  const threads: NoteRow[] = [];
  const replies: NoteRow[] = [];
  const row = (
    segmentId: string,
    note: Partial<ExchangeNote> & Pick<ExchangeNote, "body" | "author" | "createdAt" | "resolved">,
    parentId: string | null,
    lang: string | null,
  ): NoteRow => {
    const createdAt = dateOf(note.createdAt, now);
    return {
      id: randomUUID(),
      segmentId,
      documentId: input.documentId,
      lang,
      ...author(note.author),
      body: note.body,
      anchorSide: note.anchor?.side ?? null,
      anchorStart: note.anchor?.start ?? null,
      anchorEnd: note.anchor?.end ?? null,
      anchorText: note.anchor?.text ?? null,
      category: note.category ?? null,
      severity: note.severity ?? null,
      parentId,
      resolvedAt: note.resolved ? now : null,
      createdAt,
      updatedAt: createdAt,
    };
  };
  for (const unit of input.units) {
    const segmentId = input.segmentIds.get(unit.position);
    if (!segmentId) continue;
    for (const note of unit.notes) {
      const thread = row(segmentId, note, null, note.lang);
      const threadKey = noteKey(segmentId, null, thread.lang, thread.body, thread.createdAt);
      const threadId = known.get(threadKey) ?? thread.id;
      if (threadId === thread.id) {
        threads.push(thread);
        known.set(threadKey, thread.id);
      }
      for (const reply of note.replies) {
        const r = row(segmentId, reply, threadId, thread.lang);
        const replyKey = noteKey(segmentId, threadId, r.lang, r.body, r.createdAt);
        if (known.has(replyKey)) continue;
        known.set(replyKey, r.id);
        replies.push(r);
      }
    }
  }
  // Threads first: a reply's parent must exist when it is written.
  for (const rows of [threads, replies]) {
    await insertRows(
      tx,
      "Note",
      NOTE_COLUMNS,
      rows.map((r) => NOTE_COLUMNS.map((c) => r[c])),
    );
  }
  return threads.length + replies.length;
}
