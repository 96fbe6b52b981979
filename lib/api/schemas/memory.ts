// Answers of the translation memory: matches beside a paragraph, concordance, pre-translation,
// analysis, memories and their units.
import { z } from "zod";
import { bands } from "../../tm/bands";
import { Count, DateTime, Lang, named } from "./registry";

const DiffPart = z.object({ text: z.string(), kind: z.enum(["same", "added", "removed"]) });

export const MatchList = named(
  "MatchList",
  z.object({
    threshold: z.number().int().describe("The project's lowest match shown, in %"),
    sentences: z
      .array(z.object({ index: Count, text: z.string(), start: Count, end: Count }))
      .describe("The paragraph's sentences when it has more than one (UTF-16 offsets in its source)"),
    matches: z.array(
      z.object({
        score: z.number().int().describe("0–101: 101 is a context match, 100 an identical source"),
        source: z.string().describe("The unit's source"),
        target: z.string().describe("The text to insert (numbers replaced when `numbersReplaced`)"),
        diff: z.array(DiffPart).describe("Word diff from the unit's source (`removed`) to the current one (`added`)"),
        origin: z.object({
          memoryId: z.string(),
          memoryName: z.string(),
          memoryKind: z.string().describe("working | imported"),
          documentId: z.string().nullable(),
          documentTitle: z.string().nullable(),
          segmentId: z.string().nullable(),
          sentenceIndex: Count.nullable(),
        }),
        unitId: Count,
        sentence: Count.optional().describe("The index of the sentence matched; absent for the whole paragraph"),
        numbersReplaced: z.boolean(),
        context: z.boolean(),
        status: z.string(),
        author: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
        updatedAt: DateTime,
      }),
    ),
  }),
);

export const ConcordanceAnswer = named(
  "ConcordanceAnswer",
  z.object({
    query: z.string(),
    side: z.enum(["source", "target"]),
    hits: z.array(
      z.object({
        unitId: Count,
        source: z.string(),
        target: z.string(),
        highlights: z
          .array(z.object({ start: Count, end: Count }))
          .describe("Where the phrase is in the searched side (UTF-16 offsets)"),
        kind: z.string(),
        status: z.string(),
        memoryId: z.string(),
        originDocumentId: z.string().nullable(),
        updatedAt: DateTime,
      }),
    ),
    total: Count.describe("Units with the phrase, counted up to 1,000"),
    totalIsExact: z.boolean().describe("false: at least `total`"),
    limit: Count,
    offset: Count,
    tooShort: z.boolean().describe("Under 3 characters or only punctuation: nothing was searched"),
  }),
);

const Band = z.enum(bands);

export const PretranslateAnswer = named(
  "PretranslateAnswer",
  z.object({
    applied: z.boolean(),
    summary: z.object({
      paragraphs: Count,
      alreadyTranslated: Count,
      filled: Count,
      translated: Count,
      drafts: Count,
      noMatch: Count,
      byBand: z.partialRecord(Band, Count),
    }),
    fills: z.array(
      z.object({
        segmentId: z.string(),
        position: Count,
        score: z.number().int(),
        status: z.enum(["translated", "draft"]),
        from: z.enum(["paragraph", "sentences"]),
        numbersReplaced: z.boolean(),
      }),
    ),
  }),
);

const Totals = { segments: Count, words: Count, characters: Count };

export const AnalysisAnswer = named(
  "AnalysisAnswer",
  z.object({
    documentId: z.string(),
    targetLang: Lang,
    unit: z.string().describe("What is counted: sentence"),
    bands: z.array(
      z.object({ band: Band, label: z.string(), ...Totals, weight: z.number(), weightedWords: z.number() }),
    ),
    total: z.object({ ...Totals, weightedWords: z.number() }),
    weights: z.record(Band, z.number()),
  }),
);

const MemoryView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string().describe("working | imported"),
  projectId: z.string().describe("The project it belongs to"),
  sourceLang: Lang,
  units: Count,
  readOnly: z.boolean().describe("A reference memory attached to this project"),
  createdAt: DateTime,
});

export const MemoryList = named("MemoryList", z.object({ memories: z.array(MemoryView) }));

export const MemoryImportAnswer = named(
  "MemoryImportAnswer",
  z.object({
    memoryId: z.string(),
    name: z.string(),
    translationUnits: Count,
    written: Count,
    duplicates: Count,
    skipped: Count,
    targetLangs: z.array(Lang),
  }),
);

export const MemoryUnitView = named(
  "MemoryUnit",
  z.object({
    id: Count,
    kind: z.string(),
    targetLang: Lang,
    source: z.string(),
    target: z.string(),
    status: z.string(),
    authorName: z.string().nullable(),
    originDocumentId: z.string().nullable(),
    updatedAt: DateTime,
  }),
);

export const MemoryUnitList = named(
  "MemoryUnitList",
  z.object({ units: z.array(MemoryUnitView), total: Count, next: Count.nullable() }),
);

export const MemoryUnitAnswer = named("MemoryUnitAnswer", z.object({ unit: MemoryUnitView }));
export const Done = named("Done", z.object({ ok: z.literal(true) }));
