// Answers about translations: a save, a translation's history, find and replace.
import { z } from "zod";
import { TranslationStatus, UserRef } from "./common";
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
});
export const RevisionList = named("RevisionList", z.object({ revisions: z.array(Revision) }));

export const ReplacementPreview = z.object({
  segmentId: z.string(),
  position: Count,
  before: z.string(),
  after: z.string(),
  count: Count,
});
export const ReplaceAnswer = named(
  "ReplaceAnswer",
  z.object({
    applied: z.boolean(),
    changes: z.array(ReplacementPreview),
    refused: z
      .array(ReplacementPreview.extend({ reason: z.enum(["empty", "too_long", "control_characters"]) }))
      .describe("Paragraphs the replacement would leave empty, too long or with control characters: not written"),
  }),
);

export const TranslationAnswer = named(
  "TranslationAnswer",
  z.object({ translation: SavedTranslation.extend({ updatedBy: UserRef.nullable() }) }),
);
