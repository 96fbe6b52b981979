// Endpoints of notes: a paragraph's threads and new notes, editing or resolving one, a document's
// threads, and the notes that mention you.
import { z } from "zod";
import { requireDocument } from "../../auth/access";
import { listInbox, listMentions, MarkReadInput, markRead, unreadCount } from "../../notes/inbox";
import { createNote, listDocumentNotes, listSegmentNotes, updateNote } from "../../notes/notes";
import { MAX_NOTE_LENGTH, NoteInput, NoteUpdate } from "../../notes/validation";
import { created, defineEndpoint } from "../endpoint";
import {
  DocumentNoteList,
  Inbox,
  MarkReadAnswer,
  MentionList,
  NoteAnswer,
  NoteThreadList,
  UnreadCount,
} from "../schemas/notes";
import { DocumentParams, SegmentParams } from "./params";

export const listSegmentNotesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/segments/{segmentId}/notes",
  operationId: "listNotes",
  summary: "A paragraph's note threads (first notes with their replies)",
  tags: ["notes"],
  params: SegmentParams,
  response: { schema: NoteThreadList, description: "Threads" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params }) {
    return { notes: await listSegmentNotes(db, actor, params.segmentId) };
  },
});

export const addNoteEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/segments/{segmentId}/notes",
  operationId: "addNote",
  summary: "Add a note, a quality error or a reply",
  description:
    `Body 1–${MAX_NOTE_LENGTH} characters of plain text. An anchor on the target side needs \`lang\`. A quality error ` +
    "carries both `category` (MQM) and `severity` (minor 1, major 5, critical 25 points). Replies (`parentId`) " +
    "go to the first note of a thread. Viewers cannot write notes. Members named with @ (full name or the part of " +
    "their email before @) find the note in /api/v1/me/mentions.",
  tags: ["notes"],
  params: SegmentParams,
  body: { json: NoteInput },
  response: { status: 201, schema: NoteAnswer, description: "The note" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params, body }) {
    return created({ note: await createNote(db, actor, params.segmentId, body) });
  },
});

export const updateNoteEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/notes/{id}",
  operationId: "updateNote",
  summary: "Edit your own note, or resolve / reopen its thread",
  description:
    "Reviewers and owners resolve any thread; translators the threads they started and those addressed to them " +
    "(as the translation's last translator when the thread was written, or named with @ in it).",
  tags: ["notes"],
  params: z.object({ id: z.string().describe("The note") }),
  body: { json: NoteUpdate },
  response: { schema: NoteAnswer, description: "The note" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params, body }) {
    return { note: await updateNote(db, actor, params.id, body) };
  },
});

export const documentNotesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/documents/{id}/notes",
  operationId: "documentNotes",
  summary: "Every note thread of a document, in paragraph order",
  tags: ["notes"],
  params: DocumentParams,
  query: z.object({ target: z.string().optional().describe("Only this language's and paragraph-wide notes") }),
  response: { schema: DocumentNoteList, description: "Threads" },
  refusals: [400, 403, 404],
  async handler({ db, actor, params, query }) {
    await requireDocument(db, actor, params.id, "project.read");
    return { notes: await listDocumentNotes(db, params.id, query.get("target") ?? undefined) };
  },
});

export const mentionsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/me/mentions",
  operationId: "mentions",
  summary: "Notes that name you with @, newest first",
  tags: ["notes"],
  response: { schema: MentionList, description: "Mentions" },
  refusals: [],
  async handler({ db, actor }) {
    return { mentions: await listMentions(db, actor.userId) };
  },
});

export const inboxEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/me/inbox",
  operationId: "inbox",
  summary: "What is addressed to you: mentions and paragraphs sent back to you, with the unread count",
  description:
    "A send-back is listed while it is open: confirming the paragraph again closes it. Each item is unread until " +
    "marked read (POST /api/v1/me/inbox/read); the top bar shows the unread count.",
  tags: ["notes"],
  response: { schema: Inbox, description: "Your inbox" },
  refusals: [],
  async handler({ db, actor }) {
    return listInbox(db, actor);
  },
});

export const markReadEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/me/inbox/read",
  operationId: "markRead",
  summary: "Mark mentions or send-backs as opened",
  tags: ["notes"],
  body: { json: MarkReadInput },
  response: { schema: MarkReadAnswer, description: "What was marked, and how many are still unread" },
  refusals: [400],
  async handler({ db, actor, body }) {
    return markRead(db, actor, body);
  },
});

export const unreadEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/me/inbox/unread",
  operationId: "unreadCount",
  summary: "How many mentions and send-backs you have not opened (the top bar's count)",
  tags: ["notes"],
  response: { schema: UnreadCount, description: "The count" },
  refusals: [],
  async handler({ db, actor }) {
    return { unread: await unreadCount(db, actor.userId) };
  },
});
