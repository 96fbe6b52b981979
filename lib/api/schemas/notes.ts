// Answers about notes: threads of a paragraph or a document, mentions.
import { z } from "zod";
import { MqmCategory, Severity } from "../../notes/mqm";
import { UserRef } from "./common";
import { Count, DateTime, Lang, named } from "./registry";

export const Anchor = z.object({
  side: z.enum(["source", "target"]),
  start: Count.describe("First character (UTF-16 code unit offset)"),
  end: Count.describe("One past the last character"),
  text: z.string().describe("The words the note is on (kept up to date as the text is edited)"),
  prefix: z
    .string()
    .nullable()
    .describe("Up to 32 characters just before the words (W3C TextQuoteSelector prefix); null when not known"),
  suffix: z.string().nullable().describe("Up to 32 characters just after them; null when not known"),
  lost: z
    .boolean()
    .describe(
      'The words are gone from the text ("text changed"): start/end say where they were, the note is on the paragraph',
    ),
});

export const Note = named(
  "Note",
  z.object({
    id: z.string(),
    segmentId: z.string(),
    lang: Lang.nullable(),
    body: z.string().describe("Plain text, never HTML"),
    author: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .describe("Who wrote the note here (for an imported note: who imported it)"),
    fromFile: z
      .object({ author: z.string().nullable(), createdAt: DateTime.nullable() })
      .nullable()
      .describe("An imported note: the author and date its file gave (shown as such, never as a member)"),
    anchor: Anchor.nullable(),
    category: MqmCategory.nullable(),
    severity: Severity.nullable(),
    parentId: z.string().nullable(),
    decision: z
      .enum(["reviewed", "approved", "rejected"])
      .nullable()
      .describe(
        'The review decision this note gives the reason for; "rejected": a send-back, closed when the translation is confirmed again',
      ),
    addressedTo: UserRef.nullable().describe(
      "The translator the note is addressed to (the translation's last translator when it was written); they may resolve it",
    ),
    mentions: z.array(UserRef).describe("Members named in the note with @; they may resolve its thread"),
    resolved: z.boolean(),
    resolvedAt: DateTime.nullable(),
    resolvedBy: UserRef.nullable(),
    createdAt: DateTime,
    updatedAt: DateTime,
  }),
);

export const NoteThread = named("NoteThread", Note.extend({ replies: z.array(Note) }));
export const NoteAnswer = named("NoteAnswer", z.object({ note: Note }));
export const NoteThreadList = named("NoteThreadList", z.object({ notes: z.array(NoteThread) }));

export const DocumentNoteThread = named(
  "DocumentNoteThread",
  NoteThread.extend({ position: Count.describe("The paragraph's position") }),
);
export const DocumentNoteList = named("DocumentNoteList", z.object({ notes: z.array(DocumentNoteThread) }));

const Place = {
  position: Count,
  document: z.object({ id: z.string(), title: z.string(), projectId: z.string() }),
  read: z.boolean().describe("You have opened it (POST /api/v1/me/inbox/read)"),
};

export const Mention = named("Mention", Note.extend(Place));
export const MentionList = named("MentionList", z.object({ mentions: z.array(Mention) }));

export const SentBackNote = named(
  "SentBackNote",
  Note.extend(Place).describe("A paragraph sent back to you: the reviewer's reason, open until you confirm it again"),
);
export const Inbox = named(
  "Inbox",
  z.object({
    unread: Count.describe("Mentions and send-backs you have not opened"),
    mentions: z.array(Mention),
    sentBack: z.array(SentBackNote),
  }),
);
export const UnreadCount = named(
  "UnreadCount",
  z.object({ unread: Count.describe("Mentions and send-backs you have not opened") }),
);
export const MarkReadAnswer = named(
  "MarkReadAnswer",
  z.object({
    marked: z.array(z.string()).describe("The notes marked (others given are not addressed to you)"),
    unread: Count,
  }),
);

export const SentBackItem = z.object({
  noteId: z.string(),
  segmentId: z.string(),
  position: Count,
  lang: Lang,
  reason: z.string(),
  reviewer: UserRef.nullable(),
  createdAt: DateTime,
  read: z.boolean(),
});
export const SentBackList = named(
  "SentBackList",
  z.object({ sentBack: z.array(SentBackItem).describe("Only those sent back to you, in paragraph order") }),
);
