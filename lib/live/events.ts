// What the live stream of a document says (GET /api/v1/documents/{id}/events, docs/live.md): the
// event types, and what each carries. Payloads hold ids and versions, never text: a client fetches
// what it needs (a translation, a paragraph's notes), with the access it has, so nothing reaches it
// through the stream that a read would not give it. The same schemas type the browser's client and
// describe the stream in the OpenAPI document (lib/api/schemas/live.ts).
import { z } from "zod";
import { TranslationStatus } from "../segments/status";

const Id = z.string();

export const TranslationSavedData = z.object({
  segmentId: Id,
  lang: z.string(),
  version: z.number().int().min(0).describe("The version the save made"),
  status: TranslationStatus,
});

export const DecisionData = TranslationSavedData.extend({
  decision: z.enum(["reviewed", "approved", "rejected"]),
  noteId: Id.nullable().describe("The note a rejection's reason became, if any"),
});

export const NoteEventData = z.object({
  noteId: Id,
  segmentId: Id,
  /** The thread's first note (the note itself when it starts the thread). */
  threadId: Id,
  lang: z.string().nullable(),
  resolved: z.boolean().describe("Whether the note's thread is resolved now"),
});

/**
 * Many translations at once (approve all, find and replace, an import), or the paragraphs
 * themselves (a split, a merge, a source edit or update): the client reads again what it shows.
 */
/**
 * A change of a few paragraphs that an open editor applies in place (a split, a merge, an undo of
 * either, a source edit): which rows to read again, which row appeared after the changed one and
 * which row after it is gone. Ids only: the editor reads the rows with its own access.
 */
export const ParagraphEdit = z.object({
  segmentId: Id.describe("The paragraph changed in place (a split's first part, the merged paragraph)"),
  inserted: Id.optional().describe("A paragraph that is now right after it (a split's second part)"),
  removed: Id.optional().describe("The paragraph that was right after it and is gone (merged into it)"),
  structureVersion: z
    .number()
    .int()
    .min(0)
    .describe(
      "The document's paragraph structure version after the change; an editor that missed the one before reloads",
    ),
});
export type ParagraphEdit = z.infer<typeof ParagraphEdit>;

/**
 * A change of several paragraphs that an open editor applies in place when it holds every row (a
 * source update, a restore from the bin): the rows to read again (changed, added, moved or back from
 * the bin: each read names its new position) and the rows gone. Every row not named keeps its order
 * relative to the others. Ids only, at most MAX_LISTED_SEGMENTS in all; a bigger change names none.
 */
export const ParagraphChanges = z.object({
  read: z.array(Id).describe("Paragraphs to read again: changed, added, moved, or restored from the bin"),
  removed: z.array(Id).describe("Paragraphs no longer in the document (moved to its bin)"),
  structureVersion: z
    .number()
    .int()
    .min(0)
    .describe("The document's paragraph structure version after the change; an editor that missed one reloads"),
});
export type ParagraphChanges = z.infer<typeof ParagraphChanges>;

export const DocumentChangedData = z.object({
  change: z.enum(["translations", "paragraphs"]),
  /** The one language whose translations changed; null for several or for the paragraphs. */
  lang: z.string().nullable(),
  /** What did it, for people: approve-all, replace, import, split, merge, source-edit, source-update, … */
  reason: z.string(),
  /** The paragraphs concerned, when known and few (at most MAX_LISTED_SEGMENTS). */
  segmentIds: z.array(Id).optional(),
  /** With change "paragraphs": what changed, when an editor can apply it in place (else it reloads). */
  paragraphs: ParagraphEdit.optional(),
  /** With change "paragraphs": a change of several paragraphs an editor can apply in place (else it reloads). */
  paragraphChanges: ParagraphChanges.optional(),
});

export const MAX_LISTED_SEGMENTS = 100;

/**
 * A memory this document's project reads was written (a confirm elsewhere, an approval): an open
 * editor asks again for the active paragraph's matches. Sent to the documents open at that moment
 * (lib/tm/memory-live.ts), never the units' text.
 */
export const MemoryChangedData = z.object({
  memoryId: Id,
  /** The target language of the units written. */
  lang: z.string(),
  /** The paragraph whose confirmation wrote them, if one did (it may be in another document). */
  segmentId: Id.nullable(),
});

/** Each logged event type and what its payload holds. */
export const liveEventData = {
  "translation.saved": TranslationSavedData,
  decision: DecisionData,
  "note.added": NoteEventData,
  "note.changed": NoteEventData,
  "note.resolved": NoteEventData,
  "document.changed": DocumentChangedData,
  "memory.changed": MemoryChangedData,
} as const;

export type LiveEventType = keyof typeof liveEventData;
export const liveEventTypes = Object.keys(liveEventData) as LiveEventType[];
export type LiveEventData<T extends LiveEventType = LiveEventType> = z.infer<(typeof liveEventData)[T]>;

/** An event to be logged: what, in which document, by whom. */
export type NewLiveEvent = {
  [T in LiveEventType]: { type: T; documentId: string; actorId: string | null; data: LiveEventData<T> };
}[LiveEventType];

/** An event as the stream sends it (the SSE `data:` of a logged event; `id` is also its SSE id). */
export type LiveEvent = {
  [T in LiveEventType]: {
    id: number;
    type: T;
    documentId: string;
    at: string;
    by: { id: string; name: string } | null;
  } & LiveEventData<T>;
}[LiveEventType];

/** Someone with the document open: which paragraph and language they are in, if any. */
export const PresentPerson = z.object({
  userId: Id,
  name: z.string(),
  /** The open tab (stream connection); one person can have several. */
  connection: Id,
  segmentId: Id.nullable(),
  lang: z.string().nullable(),
});
export type PresentPerson = z.infer<typeof PresentPerson>;

/** The control events of the stream, which are not logged and carry no id. */
export const HelloData = z.object({
  connection: Id.describe("This stream's id: name it in PUT …/presence"),
  lastEventId: z.number().int().min(0).describe("The stream continues after this event"),
  heartbeatMs: z.number().int(),
});
export const ResyncData = z.object({
  lastEventId: z.number().int().min(0),
  reason: z.enum(["too_old", "unknown", "too_many"]),
});
export const PresenceData = z.object({ people: z.array(PresentPerson) });
