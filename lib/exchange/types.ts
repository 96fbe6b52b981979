// The shared shape of a bilingual document for every exchange format, export and import alike, so a
// round trip (export → import) can be compared field by field.
import type { Lng } from "../i18n/settings";
import type { SegmentKind } from "../segments/kinds";
import type { TranslationStatus } from "../segments/status";
import type { TranslationOrigin } from "../translations/origin";

export const exportFormats = ["tmx", "xliff12", "xliff20", "csv", "tsv", "docx", "docx-target", "txt"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Formats that hold one target language only (the translation alone). */
export const singleTargetFormats: readonly ExportFormat[] = ["docx-target", "txt"];

/** Formats that carry source and translations together and can be imported back. */
export const bilingualFormats = ["tmx", "xliff12", "xliff20", "csv", "tsv"] as const;

export interface ExchangeNote {
  /** Target language the note is about, or null for the paragraph as a whole. */
  lang: string | null;
  author: string | null;
  body: string;
  createdAt: string;
  resolved: boolean;
  category: string | null;
  severity: string | null;
  anchor: { side: "source" | "target"; start: number; end: number; text: string } | null;
  replies: Omit<ExchangeNote, "replies" | "anchor" | "category" | "severity" | "lang">[];
}

export interface ExchangeTarget {
  text: string;
  status: TranslationStatus;
  updatedBy: string | null;
  updatedAt: string | null;
  /** Where a filled text came from (lib/translations/origin.ts); null or absent for typed text. */
  origin?: TranslationOrigin | null;
}

export interface ExchangeUnit {
  /** 1-based position in the document. */
  position: number;
  kind: SegmentKind;
  source: string;
  targets: Record<string, ExchangeTarget>;
  notes: ExchangeNote[];
}

export interface ExchangeDocument {
  title: string;
  sourceLang: string;
  targetLangs: string[];
  units: ExchangeUnit[];
}

/** What a translation-only export (docx-target, txt) writes for a paragraph without a translation. */
export const untranslatedChoices = ["source", "omit"] as const;
export type Untranslated = (typeof untranslatedChoices)[number];

export interface ExportRequest {
  format: ExportFormat;
  /** Target languages to include, in order; "kk-Latn" means Kazakh written in the 2021 Latin alphabet. */
  targets: string[];
  approvedOnly: boolean;
  includeNotes: boolean;
  /** Translation-only formats: the source text in its place (default), or the paragraph left out. */
  untranslated?: Untranslated;
  /** Interface language of the labels in formats meant for people (DOCX): language names, statuses. Default en. */
  lng?: Lng;
  /** Leave out translations with open quality-check errors (issue #16; ignored findings do not count). */
  withoutQaErrors?: boolean;
}

export interface ExportResult {
  filename: string;
  contentType: string;
  /** Produced piece by piece: a large document is never one string in memory. */
  body: AsyncIterable<Uint8Array>;
}
