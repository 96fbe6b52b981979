// Ukrainian word keys: our own inflection stripper for nouns and adjectives (the words terms are
// made of). @orama/stemmers' Ukrainian stemmer was tried first (docs/terminology.md): it handles
// "державна служба" but gives the nominative and the genitive of common terms different stems
// ("кадрова" → кадр, "кадрової" → кадров; "модернізація" → модернізац, "модернізації" →
// модернізаці) and cuts "-си" plurals as reflexives ("конкурси" → конкур), so a glossary would
// miss the forms the demo document itself uses.
//
// A glossary word's key is the word without its longest case ending (державна → державн). A text
// word has every reading its endings allow, least stripped first, plus the alternations a suffix
// stripper cannot see (руці → рук-, року → рік-, службовців → службовець-); the matcher takes the
// first reading a glossary word has, so readings only ever join a word to a real glossary word.

// Case endings of nouns, adjectives and pronominal adjectives in every gender and number. Not "-ей"
// (людей, дітей: a few irregular plurals): as the longest ending it would cut музей to "муз" while
// музеї keeps "музе"; without it, -й is the ending and every form of музей is "музе".
const ENDINGS = [
  "ього",
  "ьому",
  "ими",
  "іми",
  "ями",
  "ами",
  "ією",
  "іям",
  "іях",
  "ого",
  "ому",
  "ові",
  "еві",
  "єві",
  "ої",
  "ою",
  "ею",
  "єю",
  "ям",
  "ах",
  "ях",
  "ам",
  "ів",
  "їв",
  "ий",
  "ій",
  "їй",
  "им",
  "ім",
  "их",
  "іх",
  "ом",
  "ем",
  "єм",
  "ія",
  "ії",
  "ію",
  "а",
  "я",
  "и",
  "і",
  "ї",
  "у",
  "ю",
  "е",
  "є",
  "о",
  "ь",
  "й",
].sort((a, b) => b.length - a.length);

const VOWEL = /[аеєиіїоуюя]/;
const VOWELS = /[аеєиіїоуюя]/g;
// Three letters: "Київ" must not lose "-їв" (a genitive plural ending) and become "ки".
const MIN_STEM = 3;

/** Every stem the word's endings allow, most stripped first; the word itself when none applies. */
function strips(word: string): string[] {
  const out: string[] = [];
  for (const ending of ENDINGS) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    if (stem.length >= MIN_STEM && VOWEL.test(stem) && !out.includes(stem)) out.push(stem);
  }
  return out.length ? out : [word];
}

/** The key of a lower-cased, normalised Ukrainian word: without its longest case ending. */
export function stemUkrainian(word: string): string {
  return strips(word)[0];
}

// Consonants that alternate before -і (dative/locative): руці → рук-, нозі → ног-, вусі → вух-.
const BEFORE_I: Record<string, string> = { ц: "к", з: "г", с: "х" };
const CONSONANT_END = /[бвгґджзклмнпрстфхцчшщ]$/;

/** Readings a stem may have before an alternation the endings do not show. */
function alternations(word: string, stem: string): string[] {
  const out: string[] = [];
  const last = stem.at(-1) ?? "";
  if (word.endsWith("і") && BEFORE_I[last]) out.push(stem.slice(0, -1) + BEFORE_I[last]);
  // о/е in an open syllable are і in a closed one (року → рік, столу → стіл, ночі → ніч, осені → осінь).
  const lastVowel = [...stem.matchAll(VOWELS)].at(-1);
  if (lastVowel && (lastVowel[0] === "о" || lastVowel[0] === "е") && lastVowel.index >= stem.length - 3)
    out.push(`${stem.slice(0, lastVowel.index)}і${stem.slice(lastVowel.index + 1)}`);
  // є after a vowel is the lemma's ї: Києва → Київ.
  const ye = stem.lastIndexOf("є");
  if (ye > 0 && ye >= stem.length - 2) out.push(`${stem.slice(0, ye)}ї${stem.slice(ye + 1)}`);
  // A fleeting е/о between the last two consonants: службовця → службовець, розвитку → розвиток,
  // вітру → вітер.
  if (CONSONANT_END.test(stem) && CONSONANT_END.test(stem.slice(0, -1)))
    for (const vowel of ["е", "о"]) out.push(`${stem.slice(0, -1)}${vowel}${last}`);
  return out;
}

/** The readings of a text word, least stripped first, then alternations; never empty. */
export function ukrainianKeys(word: string): string[] {
  const stems = strips(word).reverse();
  const keys = [...stems];
  for (const stem of stems) for (const alt of alternations(word, stem)) if (!keys.includes(alt)) keys.push(alt);
  return keys;
}
