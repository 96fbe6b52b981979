// One entry point per language for the word keys recognition compares. A glossary word has one key;
// a text word has its readings, most specific first, and takes the first one the glossary knows.
// Languages without a stemmer here compare whole words (case-folded and normalised).
import { baseLang, foldWord } from "./normalize";
import { stemEnglish } from "./stem-en";
import { kazakhKeys, stemKazakh } from "./stem-kk";
import { stemUkrainian, ukrainianKeys } from "./stem-uk";

export interface WordKeys {
  /** The key of a word as a glossary writes it (its dictionary form). */
  termKey(folded: string): string;
  /** The keys a word in running text may stand for, most specific first (never empty). */
  textKeys(folded: string): string[];
  /** One stem for search, where no glossary guides the choice. */
  stem(folded: string): string;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const identity: WordKeys = { termKey: (w) => w, textKeys: (w) => [w], stem: (w) => w };

// A Ukrainian or Kazakh stemmer would mangle a Latin-script word inside the text (a name, "IT"),
// and Porter2 a Cyrillic one: each stems only words in its own script and compares the rest whole.
const ukrainian: WordKeys = {
  termKey: (w) => (CYRILLIC.test(w) ? stemUkrainian(w) : w),
  textKeys: (w) => (CYRILLIC.test(w) ? ukrainianKeys(w) : [w]),
  stem: (w) => (CYRILLIC.test(w) ? stemUkrainian(w) : w),
};
// Kazakh glossary words are dictionary forms: they are their own key.
const kazakh: WordKeys = {
  termKey: (w) => w,
  textKeys: (w) => (CYRILLIC.test(w) ? kazakhKeys(w) : [w]),
  stem: (w) => (CYRILLIC.test(w) ? stemKazakh(w) : w),
};
const english: WordKeys = {
  termKey: (w) => (LATIN.test(w) ? stemEnglish(w) : w),
  textKeys: (w) => [LATIN.test(w) ? stemEnglish(w) : w],
  stem: (w) => (LATIN.test(w) ? stemEnglish(w) : w),
};

const byLang: Record<string, WordKeys> = { uk: ukrainian, kk: kazakh, en: english };

export function wordKeysFor(lang: string): WordKeys {
  return byLang[baseLang(lang)] ?? identity;
}

/** Languages whose word forms are recognised (others: whole words only). */
export const STEMMED_LANGUAGES = Object.keys(byLang);

/** The search stems of a phrase ("державної служби" → "державн служб"), for stored search keys. */
export function searchStems(words: string[], lang: string): string {
  const keys = wordKeysFor(lang);
  return words.map((w) => keys.stem(foldWord(w, lang))).join(" ");
}
