// Imported notes keep their text, language, anchor, MQM labels, replies and whether they were
// resolved. They are written by the importer: the author and date the file gives are kept beside
// them (fromFile, fileAuthor, fileCreatedAt) and shown as "from file: …", never taken for a
// member's own note, whatever name the file puts on them. In an update, a note already on the
// paragraph (same language, text and file date) is not added again.
import { insertRows } from "../../db/bulk-write";
import type { Db, Tx } from "../../db/client";
import { orderedId } from "../../db/ordered-id";
import type { ExchangeNote, ExchangeUnit } from "../types";

export interface NotesInput {
  documentId: string;
  /** The importer; null when the command line runs with no account. */
  userId: string | null;
  segmentIds: Map<number, string>;
  units: ExchangeUnit[];
  now: Date;
}

const NOTE_COLUMNS = [
  "id",
  "segmentId",
  "documentId",
  "lang",
  "authorId",
  "fromFile",
  "fileAuthor",
  "fileCreatedAt",
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
] as const;

type NoteRow = Record<(typeof NOTE_COLUMNS)[number], string | number | boolean | Date | null>;

/** Threads first: a reply's parent must exist when it is written. */
export type NotesPlan = { threads: NoteRow[]; replies: NoteRow[] };

function dateOf(value: string | null | undefined): Date | null {
  const d = value ? new Date(value) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

const noteKey = (segmentId: string, parentId: string | null, lang: string | null, body: string, date: Date | null) =>
  [segmentId, parentId ?? "", lang ?? "", body, date?.toISOString() ?? ""].join("\u0000");

/** The notes already on the document, by what an imported one would have to match. */
export async function knownNotes(db: Db, documentId: string): Promise<Map<string, string>> {
  const existing = await db.note.findMany({
    where: { documentId },
    select: { id: true, segmentId: true, parentId: true, lang: true, body: true, createdAt: true, fileCreatedAt: true },
  });
  // A note of this tool is dated when it was written; one imported before, as its file dated it.
  return new Map(
    existing.map((n) => [noteKey(n.segmentId, n.parentId, n.lang, n.body, n.fileCreatedAt ?? n.createdAt), n.id]),
  );
}

export function planNotes(input: NotesInput, known = new Map<string, string>()): NotesPlan {
  const { now } = input;
  const plan: NotesPlan = { threads: [], replies: [] };
  // All written at `now`: ordered ids keep threads and replies in the file's order (notes are listed
  // and exported by date, then id).
  const row = (
    segmentId: string,
    note: Partial<ExchangeNote> & Pick<ExchangeNote, "body" | "author" | "createdAt" | "resolved">,
    parentId: string | null,
    lang: string | null,
  ): NoteRow => ({
    id: orderedId(),
    segmentId,
    documentId: input.documentId,
    lang,
    authorId: input.userId,
    fromFile: true,
    fileAuthor: note.author?.trim() || null,
    fileCreatedAt: dateOf(note.createdAt),
    body: note.body,
    anchorSide: note.anchor?.side ?? null,
    anchorStart: note.anchor?.start ?? null,
    anchorEnd: note.anchor?.end ?? null,
    anchorText: note.anchor?.text ?? null,
    category: note.category ?? null,
    severity: note.severity ?? null,
    parentId,
    resolvedAt: note.resolved ? now : null,
    createdAt: now,
    updatedAt: now,
  });
  const keyOf = (r: NoteRow) =>
    noteKey(
      r.segmentId as string,
      r.parentId as string | null,
      r.lang as string | null,
      r.body as string,
      r.fileCreatedAt as Date | null,
    );
  for (const unit of input.units) {
    const segmentId = input.segmentIds.get(unit.position);
    if (!segmentId) continue;
    for (const note of unit.notes) {
      const thread = row(segmentId, note, null, note.lang);
      // A file without dates cannot say a note is the one already here: it is added.
      const threadKey = keyOf(thread);
      const threadId = (thread.fileCreatedAt && known.get(threadKey)) || (thread.id as string);
      if (threadId === thread.id) {
        plan.threads.push(thread);
        if (thread.fileCreatedAt) known.set(threadKey, threadId);
      }
      for (const reply of note.replies) {
        const r = row(segmentId, reply, threadId, thread.lang as string | null);
        const replyKey = keyOf(r);
        if (r.fileCreatedAt && known.has(replyKey)) continue;
        if (r.fileCreatedAt) known.set(replyKey, r.id as string);
        plan.replies.push(r);
      }
    }
  }
  return plan;
}

export async function writeNotes(tx: Tx, plan: NotesPlan): Promise<number> {
  for (const rows of [plan.threads, plan.replies]) {
    await insertRows(
      tx,
      "Note",
      NOTE_COLUMNS,
      rows.map((r) => NOTE_COLUMNS.map((c) => r[c])),
    );
  }
  return plan.threads.length + plan.replies.length;
}
