// Answers about glossaries: entries, a project's list, imports, attached glossaries, and recognition.
import { z } from "zod";
import { PARTS_OF_SPEECH, TERM_STATUSES } from "../../terms/types";
import { UserRef } from "./common";
import { Count, DateTime, Lang, named } from "./registry";

export const TermStatus = named(
  "TermStatus",
  z.enum(TERM_STATUSES).describe("preferred: use it; admitted: acceptable; forbidden: never use it"),
);

/** A target term as recognition reports it. */
export const TermTranslation = z.object({ lang: Lang, term: z.string(), status: TermStatus });

export const GlossaryEntry = named(
  "GlossaryEntry",
  z.object({
    id: z.string(),
    projectId: z.string().describe("The project whose glossary holds the entry"),
    term: z.string().describe("The source term"),
    sourceLang: Lang,
    partOfSpeech: z.enum(PARTS_OF_SPEECH).nullable(),
    definition: z.string(),
    note: z.string(),
    example: z.string(),
    caseSensitive: z.boolean(),
    translations: z.array(TermTranslation.extend({ note: z.string() })),
    createdBy: UserRef.nullable(),
    updatedBy: UserRef.nullable(),
    createdAt: DateTime,
    updatedAt: DateTime,
    editable: z
      .boolean()
      .describe("Whether you may change it: an entry of the project's own glossary and your role allows"),
  }),
);

export const GlossaryRef = z.object({
  projectId: z.string(),
  projectName: z.string(),
  own: z.boolean().describe("The project's own glossary; false: attached from another project, read-only"),
  entries: Count,
});

export const GlossaryList = named(
  "GlossaryList",
  z.object({
    glossaries: z
      .array(GlossaryRef)
      .describe("The glossaries the project reads: its own first, then the attached ones"),
    entries: z.array(GlossaryEntry),
    total: Count.describe("Entries matching the search and filters"),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
  }),
);

export const GlossaryEntryAnswer = named(
  "GlossaryEntryAnswer",
  z.object({
    entry: GlossaryEntry,
    merged: z.boolean().optional().describe("Creation only: the glossary had the term; its entry got what was new"),
    duplicateTranslations: Count.optional().describe("Creation only: translations it had already, not added again"),
    message: z.string().optional().describe("For people, in the Accept-Language language: what a merge did"),
  }),
);

export const GlossaryImportReport = named(
  "GlossaryImportReport",
  z.object({
    format: z.enum(["tbx", "csv"]),
    entries: Count.describe("Entries in the file (one per source term)"),
    created: Count,
    merged: Count.describe("Entries whose term the glossary or an earlier row had: merged, not doubled"),
    duplicateTranslations: Count,
    skippedLanguages: z.array(z.string()).describe("Languages of the file the project lacks: their terms left out"),
    withoutSource: Count.describe("Concepts with no term in the project's source language: left out"),
  }),
);

export const AttachedGlossaries = named(
  "AttachedGlossaries",
  z.object({ attached: z.array(z.object({ projectId: z.string(), projectName: z.string() })) }),
);

export const SegmentTerms = named(
  "SegmentTerms",
  z.object({
    terms: z.array(
      z.object({
        start: Count.describe("First character of the term in the source (UTF-16 code unit offset)"),
        end: Count.describe("One past its last character"),
        text: z.string().describe("The term as the source writes it (an inflected form)"),
        entryId: z.string(),
        term: z.string().describe("The entry's source term"),
        translations: z.array(TermTranslation),
      }),
    ),
  }),
);

export const DocumentGlossary = named(
  "DocumentGlossary",
  z.object({
    stamp: z.string().describe("Changes whenever any of the glossaries changes"),
    sourceLang: Lang,
    entries: z.array(
      z.object({
        id: z.string(),
        term: z.string(),
        sourceLang: Lang,
        caseSensitive: z.boolean(),
        translations: z.array(TermTranslation),
      }),
    ),
  }),
);
