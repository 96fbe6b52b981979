// Word normalisation before stemming: the same for glossary terms and for the texts searched, so
// what differs only in Unicode form, letter case or apostrophe style is the same word.
// Isomorphic: no Node-only imports (the editor runs recognition in the browser).

/** The primary language subtag, lower-cased: "kk-Latn" → "kk", "en-GB" → "en". */
export function baseLang(lang: string): string {
  return lang.split(/[-_]/)[0].toLowerCase();
}

// Ukrainian writes the apostrophe as ’ (U+2019), ʼ (U+02BC, the letter Unicode recommends), ' or ‘;
// all are one letter of the word (м’ясо, об'єкт). English possessives use ' and ’ alike.
const APOSTROPHES = /[\u2019\u02BC\u2018\u0060\u00B4]/g;
// Soft hyphens and zero-width characters are invisible in the text and never part of the word.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** The apostrophe every variant becomes (ASCII, so Porter2 sees English possessives). */
export const APOSTROPHE = "'";

/** NFC, invisible characters dropped, one apostrophe; case kept (case-sensitive entries compare this). */
export function normalizeForm(word: string): string {
  return word.normalize("NFC").replace(INVISIBLE, "").replace(APOSTROPHES, APOSTROPHE);
}

/** normalizeForm, then lower case by the language's rules. */
export function foldWord(word: string, lang: string): string {
  return normalizeForm(word).toLocaleLowerCase(baseLang(lang));
}
