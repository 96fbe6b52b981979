// Answers about documents: the list with progress, a document's segments.
import { z } from "zod";
import { SegmentKind, TranslationOrigin, TranslationStatus } from "./common";
import { Count, DateTime, Lang, named } from "./registry";

export const LanguageProgress = named(
  "LanguageProgress",
  z.object({
    total: Count.describe("Segments in the document"),
    byStatus: z.record(TranslationStatus, Count),
    translatedWords: Count.describe("Words of segments translated, reviewed or approved"),
  }),
);

export const DocumentSummary = named(
  "DocumentSummary",
  z.object({
    id: z.string(),
    projectId: z.string(),
    projectName: z.string(),
    title: z.string(),
    sourceLang: Lang,
    targetLangs: z.array(Lang),
    paragraphs: Count,
    words: Count,
    progress: z.record(z.string(), LanguageProgress).describe("By target language"),
  }),
);
export const DocumentList = named("DocumentList", z.object({ documents: z.array(DocumentSummary) }));

export const SegmentTranslation = named(
  "SegmentTranslation",
  z.object({
    text: z.string(),
    status: TranslationStatus,
    version: Count.describe("Send as baseVersion when saving; 0 = never saved"),
    updatedAt: DateTime.nullable(),
    origin: TranslationOrigin.nullable().describe("Where a filled text came from (pre-translation, repetition)"),
  }),
);

export const Segment = named(
  "Segment",
  z.object({
    id: z.string(),
    position: Count,
    kind: SegmentKind,
    source: z.string(),
    wordCount: Count,
    translation: SegmentTranslation,
  }),
);

export const SegmentList = named(
  "SegmentList",
  z.object({
    document: z.object({ id: z.string(), title: z.string(), sourceLang: Lang, targetLangs: z.array(Lang) }),
    target: Lang,
    segments: z.array(Segment),
  }),
);
