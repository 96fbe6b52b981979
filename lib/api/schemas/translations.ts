// Answers about translations: a save, a translation's history, find and replace.
import { z } from "zod";
import { TranslationOrigin, TranslationStatus, UserRef } from "./common";
import { Count, DateTime, Lang, named } from "./registry";

export const SavedTranslation = named(
  "SavedTranslation",
  z.object({
    segmentId: z.string(),
    lang: Lang,
    text: z.string(),
    status: TranslationStatus,
    version: Count,
    updatedAt: DateTime,
  }),
);
export const SaveTranslationAnswer = named("SaveTranslationAnswer", z.object({ translation: SavedTranslation }));

export const BulkEditRef = z.object({
  id: z.string(),
  find: z.string(),
  replace: z.string(),
  paragraphs: Count.describe("How many paragraphs it changed"),
  undone: z.boolean(),
  mayUndo: z.boolean().describe("Whether the asker may undo it (its author, or an owner)"),
});

export const Revision = z.object({
  version: Count,
  text: z.string(),
  status: TranslationStatus,
  author: UserRef.nullable(),
  createdAt: DateTime,
  reason: z
    .object({
      noteId: z.string(),
      body: z.string(),
      resolved: z.boolean().describe("A send-back's reason is resolved once the translation is confirmed again"),
    })
    .nullable()
    .describe("The note given with the review decision that made this version (a send-back's reason)"),
  bulkEdit: BulkEditRef.nullable().describe("The find and replace that wrote this version, if one did"),
});
export const RevisionList = named("RevisionList", z.object({ revisions: z.array(Revision) }));

export const ReplacementPreview = z.object({
  segmentId: z.string(),
  position: Count,
  version: Count.describe("The translation's version the preview was computed on"),
  before: z.string(),
  after: z.string(),
  count: Count.describe("Occurrences replaced"),
  occurrences: z
    .array(z.object({ start: Count, end: Count, text: z.string().describe("What it becomes") }))
    .describe("Every match in `before`, in order (an index into this list is what `skip` names)"),
});
export const RefusedReplacement = ReplacementPreview.extend({
  reason: z.enum(["locked", "changed", "empty", "too_long", "control_characters"]),
});
export const ReplaceAnswer = named(
  "ReplaceAnswer",
  z.object({
    applied: z.boolean(),
    bulkEditId: z
      .string()
      .nullable()
      .describe("What undoes it (POST /api/v1/bulk-edits/{id}/undo); null if nothing was written"),
    changes: z.array(ReplacementPreview),
    refused: z
      .array(RefusedReplacement)
      .describe(
        "Paragraphs not written, and why: locked for the asker, changed since the preview, or left empty, too long or with control characters",
      ),
  }),
);

export const UndoBulkEditAnswer = named(
  "UndoBulkEditAnswer",
  z.object({
    restored: Count,
    skipped: z
      .array(z.object({ segmentId: z.string(), position: Count, reason: z.literal("changed") }))
      .describe("Paragraphs saved since the bulk edit, left as they are"),
  }),
);

export const TranslationAnswer = named(
  "TranslationAnswer",
  z.object({
    translation: SavedTranslation.extend({
      updatedBy: UserRef.nullable(),
      origin: TranslationOrigin.nullable().describe("Where a filled text came from (pre-translation, repetition)"),
    }),
  }),
);
