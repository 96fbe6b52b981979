// Answers about projects, documents as a project arranges them, and source paragraphs.
import { z } from "zod";
import { ProjectRole } from "../../auth/roles";
import { SegmentKind, TranslationStatus, UserRef } from "./common";
import { Count, DateTime, Lang, named } from "./registry";

export const ProjectDocument = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string().nullable().describe("The name of the file it was imported from"),
  position: Count.describe("Its place in the project's list, from 1"),
  paragraphs: Count,
  createdAt: DateTime,
});

export const Project = named(
  "Project",
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    sourceLang: Lang,
    targetLangs: z.array(Lang),
    hiddenLangs: z
      .array(Lang)
      .describe("Languages removed from the targets that still have translations (they come back when re-added)"),
    reviewersMayEdit: z.boolean(),
    translatorsMayEditGlossary: z.boolean(),
    translatorsMayEditSource: z.boolean(),
    translatorsMayChangeApproved: z.boolean(),
    qualityThreshold: z.number(),
    archived: z.boolean().describe("Archived projects are read-only until restored"),
    archivedAt: DateTime.nullable(),
    role: ProjectRole.describe("Your role in the project"),
    createdAt: DateTime,
    documents: z.array(ProjectDocument).describe("In the project's order; documents in the trash are left out"),
  }),
);
export const ProjectAnswer = named("ProjectAnswer", z.object({ project: Project }));

export const Deleted = named(
  "Deleted",
  z.object({
    id: z.string(),
    deleted: z.enum(["trash", "forever"]).describe("In the trash (restorable), or removed for good"),
    purgeAt: DateTime.nullable().describe("When the trash removes it for good (PARALLEL_TRASH_DAYS after deletion)"),
  }),
);

export const Restored = named(
  "Restored",
  z.object({
    id: z.string(),
    restoredFrom: z
      .enum(["trash", "archive"])
      .nullable()
      .describe("What it came out of; null when it was in neither (nothing changed)"),
  }),
);

export const DocumentAnswer = named(
  "DocumentAnswer",
  z.object({ document: z.object({ id: z.string(), title: z.string(), position: Count }) }),
);

export const SourceUpdateCounts = named(
  "SourceUpdateCounts",
  z.object({
    kept: Count.describe("Paragraphs found unchanged (moved ones included): translations, statuses and notes kept"),
    changed: Count.describe('Paragraphs changed (at least 70 % similar): translations kept as "source changed" drafts'),
    added: Count.describe("New paragraphs, untranslated"),
    removed: Count.describe("Paragraphs gone from the new source: moved to the document's bin with their translations"),
  }),
);

export const SourceAnswer = named(
  "SourceAnswer",
  z.object({ segment: z.object({ id: z.string(), source: z.string(), version: Count }) }),
);

export const SplitAnswer = named(
  "SplitAnswer",
  z.object({
    segmentId: z.string().describe("The first part (the paragraph split)"),
    newSegmentId: z.string().describe("The second part, right after it"),
    position: Count,
    structureVersion: Count.describe("The document's paragraph structure version after the change"),
  }),
);

export const MergeAnswer = named(
  "MergeAnswer",
  z.object({
    segmentId: z.string().describe("The merged paragraph"),
    removedSegmentId: z.string().describe("The paragraph merged into it, now in the document's bin"),
    position: Count,
    structureVersion: Count.describe("The document's paragraph structure version after the change"),
  }),
);

const Paragraph = z.object({
  id: z.string(),
  documentId: z.string(),
  position: Count,
  kind: SegmentKind,
  source: z.string(),
  wordCount: Count,
  version: Count.describe("The source version (0: as imported); a source edit names it as baseVersion"),
  translations: z
    .record(
      z.string(),
      z.object({
        text: z.string(),
        status: TranslationStatus,
        version: Count,
        sourceChangedFrom: z
          .string()
          .nullable()
          .describe('The source text the translation was written for, while it is marked "source changed"'),
      }),
    )
    .describe("Every target language of the project (none yet: empty, new, version 0)"),
});

export const ParagraphAnswer = named(
  "ParagraphAnswer",
  z.object({
    segment: Paragraph,
    structureVersion: Count.describe("The document's paragraph structure version"),
  }),
);

export const ParagraphsAnswer = named(
  "ParagraphsAnswer",
  z.object({
    paragraphs: z
      .array(Paragraph)
      .describe("The paragraphs asked for that are in the document, in position order (others are left out)"),
    structureVersion: Count.describe("The document's paragraph structure version they were read at"),
  }),
);

export const CurrentSource = z
  .object({ text: z.string(), version: Count, updatedBy: UserRef.nullable(), updatedAt: DateTime })
  .describe("The source as it is now");

export const SourceConflictError = named(
  "SourceConflictError",
  z.object({
    error: z.object({ code: z.literal("conflict"), message: z.string(), current: CurrentSource.nullable() }),
  }),
);
