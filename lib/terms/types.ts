// The shapes recognition works on: plain data, the same on the server and in the browser.

export const TERM_STATUSES = ["preferred", "admitted", "forbidden"] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];

/** TBX-Basic's part-of-speech picklist. */
export const PARTS_OF_SPEECH = ["noun", "verb", "adjective", "adverb", "other"] as const;
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];

export interface TermTranslation {
  lang: string;
  term: string;
  status: TermStatus;
}

/** What recognition needs of a glossary entry (GlossaryEntry + its GlossaryTranslation rows). */
export interface RecognitionEntry {
  id: string;
  term: string;
  sourceLang: string;
  caseSensitive: boolean;
  translations: TermTranslation[];
}
