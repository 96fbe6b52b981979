// Ukrainian word keys: @orama/stemmers' Ukrainian stemmer (a Snowball-style suffix stripper), with
// two corrections of ours, each tested in stem-uk.test.ts and described in docs/terminology.md:
// - it reads a final "-си" as the colloquial reflexive particle and strips it, so "конкурси" became
//   "конкур" while "конкурс" stays "конкурс"; standard Ukrainian has no "-си" reflexive, so a word in
//   "-си" is stemmed without its last letter (конкурси → конкурс);
// - alternations it cannot see (рука/руці, нога/нозі, рік/року, ніч/ночі) are offered as further
//   candidates, used only when a glossary word has exactly that stem.
import { stemmer } from "@orama/stemmers/ukrainian";

/** The stem of a lower-cased, normalised Ukrainian word. */
export function stemUkrainian(word: string): string {
  if (word.endsWith("си") && word.length > 3) return stemmer(word.slice(0, -1));
  return stemmer(word);
}

// Consonants that alternate before -і (dative/locative): руці → рук-, нозі → ног-, вусі → вух-.
const BEFORE_I: Record<string, string> = { ц: "к", з: "г", с: "х" };
const VOWELS = /[аеиоуюяіїє]/g;

/** The word's stem first, then stems it may have before an alternation; never empty. */
export function ukrainianKeys(word: string): string[] {
  const stem = stemUkrainian(word);
  const keys = [stem];
  const last = stem.at(-1) ?? "";
  if (word.endsWith("і") && BEFORE_I[last]) keys.push(stem.slice(0, -1) + BEFORE_I[last]);
  // о/е in an open syllable become і in a closed one (року → рік, ночі → ніч, осені → осінь):
  // the last vowel of the stem, when it is о or е, may be the lemma's і.
  const vowels = [...stem.matchAll(VOWELS)];
  const lastVowel = vowels.at(-1);
  if (lastVowel && (lastVowel[0] === "о" || lastVowel[0] === "е") && lastVowel.index >= stem.length - 3) {
    keys.push(`${stem.slice(0, lastVowel.index)}і${stem.slice(lastVowel.index + 1)}`);
  }
  return keys;
}
