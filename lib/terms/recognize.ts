// Recognition for a document: one index built from the entries of the glossaries it uses, then
// terms found in source paragraphs and, for the QA checks, target terms found in translations.
// Isomorphic (no Node-only imports): the server answers /terms with it and the editor can build
// the same index in the browser from the entries it loaded once.
import { baseLang } from "./normalize";
import { type TermHit, TermMatcher } from "./term-matcher";
import type { RecognitionEntry, TermStatus, TermTranslation } from "./types";

export type { TermSpan } from "./term-matcher";

/** A source term found: its span in the paragraph and the entry it belongs to. */
export type SourceTermMatch = TermHit<{ entryId: string }>;

/** A target term found in a translation: the entry, and which of its translations (with status). */
export type TargetTermMatch = TermHit<{ entryId: string; term: string; status: TermStatus }>;

export interface TermIndex {
  readonly sourceLang: string;
  /** The entries by id (what a match's entryId refers to). */
  readonly entries: ReadonlyMap<string, RecognitionEntry>;
  /** Source terms in a paragraph, overlaps resolved longest-first, sorted by position. */
  findSource(text: string): SourceTermMatch[];
  /** Every source-term occurrence, overlapping ones included (to merge with another index's). */
  findSourceAll(text: string): SourceTermMatch[];
  /** Target terms of `lang` in a translation, overlaps resolved longest-first. */
  findTarget(text: string, lang: string): TargetTermMatch[];
  /** Every target-term occurrence, overlapping ones included (for "is any translation there"). */
  findTargetAll(text: string, lang: string): TargetTermMatch[];
  /** The entry's translations into `lang`. */
  translationsOf(entryId: string, lang: string): TermTranslation[];
}

const sameLang = (a: string, b: string) => a.toLowerCase() === b.toLowerCase() || baseLang(a) === baseLang(b);

/**
 * Builds the index once per document (or per glossary change). Entries in another source
 * language than the document's are left out. Target matchers are built on first use per language.
 */
export function buildTermIndex(entries: Iterable<RecognitionEntry>, sourceLang: string): TermIndex {
  const byId = new Map<string, RecognitionEntry>();
  for (const entry of entries) if (sameLang(entry.sourceLang, sourceLang)) byId.set(entry.id, entry);
  const source = new TermMatcher(
    sourceLang,
    [...byId.values()].map((e) => ({ term: e.term, caseSensitive: e.caseSensitive, payload: { entryId: e.id } })),
  );
  const targets = new Map<string, TermMatcher<{ entryId: string; term: string; status: TermStatus }>>();
  const target = (lang: string) => {
    let matcher = targets.get(lang);
    if (!matcher) {
      const patterns = [];
      for (const e of byId.values())
        for (const t of e.translations)
          if (t.lang === lang)
            patterns.push({
              term: t.term,
              caseSensitive: e.caseSensitive,
              payload: { entryId: e.id, term: t.term, status: t.status },
            });
      matcher = new TermMatcher(lang, patterns);
      targets.set(lang, matcher);
    }
    return matcher;
  };
  return {
    sourceLang,
    entries: byId,
    findSource: (text) => source.find(text),
    findSourceAll: (text) => source.findAll(text),
    findTarget: (text, lang) => target(lang).find(text),
    findTargetAll: (text, lang) => target(lang).findAll(text),
    translationsOf: (entryId, lang) => byId.get(entryId)?.translations.filter((t) => t.lang === lang) ?? [],
  };
}

/** A found source term as the editor and GET /segments/{id}/terms show it: span, entry, translations. */
export interface FoundTerm {
  start: number;
  end: number;
  text: string;
  entryId: string;
  /** The entry's source term as the glossary writes it. */
  term: string;
  caseSensitive: boolean;
  translations: TermTranslation[];
}

/**
 * The source terms of a paragraph with their translations (only into `targets` when given, each
 * language's in the glossary's order), longest-first and sorted by position.
 */
export function termsInText(index: TermIndex, text: string, targets?: readonly string[]): FoundTerm[] {
  return index.findSource(text).map((m) => foundTerm(m, index.entries.get(m.entryId)!, targets));
}

/** A match with its entry, as termsInText reports it. */
export function foundTerm(m: SourceTermMatch, entry: RecognitionEntry, targets?: readonly string[]): FoundTerm {
  return {
    start: m.start,
    end: m.end,
    text: m.text,
    entryId: m.entryId,
    term: entry.term,
    caseSensitive: entry.caseSensitive,
    translations: targets ? entry.translations.filter((t) => targets.includes(t.lang)) : entry.translations,
  };
}
