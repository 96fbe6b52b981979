// The stored search keys of a term (GlossaryEntry/GlossaryTranslation termKey and stemKey).
import { foldWord } from "./normalize";
import { searchStems } from "./stem";
import { tokenize } from "./tokenize";

/** Normalised and case-folded: what makes two terms the same term (duplicates) and what search compares. */
export function termKey(term: string, lang: string): string {
  return foldWord(term.replace(/\s+/gu, " ").trim(), lang);
}

/** The stems of the term's words, space-separated, so a search for an inflected form finds it. */
export function stemKey(term: string, lang: string): string {
  return searchStems(
    tokenize(term, lang).map((t) => t.text),
    lang,
  );
}
