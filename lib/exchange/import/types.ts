// What every import parser returns: the shared exchange shape (lib/exchange/types.ts), with the
// languages left null where a source-only file does not say them.
import type { ExchangeUnit } from "../types";

export const importFormats = ["txt", "md", "docx", "tmx", "xliff12", "xliff20", "csv", "tsv"] as const;
export type ImportFormat = (typeof importFormats)[number];

export interface ParsedFile {
  format: ImportFormat;
  /** Carries translations (TMX, XLIFF, CSV/TSV); a source-only file (txt, md, docx) does not. */
  bilingual: boolean;
  title: string | null;
  /** null when the file does not name it: the project's source language is assumed. */
  sourceLang: string | null;
  targetLangs: string[];
  units: ExchangeUnit[];
}

/** A source-only file's paragraphs, numbered in order. */
export function sourceOnly(
  format: ImportFormat,
  paragraphs: Pick<ExchangeUnit, "kind" | "source">[],
  title: string | null = null,
): ParsedFile {
  return {
    format,
    bilingual: false,
    title,
    sourceLang: null,
    targetLangs: [],
    units: paragraphs.map((p, i) => ({ position: i + 1, kind: p.kind, source: p.source, targets: {}, notes: [] })),
  };
}
