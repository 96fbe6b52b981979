// An entry as a glossary file holds it, before validation (lib/terms/validation.ts) and before its
// languages are matched to the project's.
export interface FileTranslation {
  lang: string;
  term: string;
  status: string;
  note: string;
}

export interface FileEntry {
  term: string;
  sourceLang: string;
  translations: FileTranslation[];
  partOfSpeech: string | null;
  definition: string;
  note: string;
  example: string;
  caseSensitive: boolean;
  /** 1-based: the concept's number in a TBX file, the line of a CSV row. */
  position: number;
}

export interface ParsedGlossaryFile {
  entries: FileEntry[];
  /** Concepts with no term in the source language: nothing to recognise, left out. */
  withoutSource: number;
}
