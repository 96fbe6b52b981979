// A speller for one project and target language: the loaded Hunspell dictionaries (shared by every
// project, never modified) plus the project's own words and the glossary's. Pure: no files here.

/** One loaded Hunspell dictionary (dictionaries.ts builds these with nspell). */
export interface Dictionary {
  /** Locale it was loaded for: "en-US", "en-GB", "kk-KZ" … */
  id: string;
  correct(word: string): boolean;
  suggest(word: string): string[];
  /** Every ending its affix rules add ("лар", "ның", "'s" …): project words take them too. */
  suffixes: ReadonlySet<string>;
  longestSuffix: number;
  /**
   * A dictionary known to lack many proper names (Debian's Kazakh one accepts ~80 % of the words of
   * correct news text): capitalised words inside a sentence are left alone rather than flagged.
   */
  limited: boolean;
  /** The script its words are in; words in another script are not its business. */
  script: "Latin" | "Cyrillic";
}

export interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
  limited: boolean;
  script: "Latin" | "Cyrillic";
}

/** Hunspell dictionaries spell the apostrophe '; texts use ’ and ʼ too. */
const plainApostrophe = (word: string) =>
  word.includes("’") || word.includes("ʼ") ? word.replace(/[’ʼ]/g, "'") : word;

const MAX_ANSWERS = 50_000;

/**
 * `dictionaries` are alternatives (en-US or en-GB): a word any of them knows is correct. `words` are
 * the project's "add to dictionary" words and the glossary's: each is accepted as written, in any
 * case, and with any ending the dictionary's affix rules know (an added "хаб" accepts "хабтың").
 */
export function makeSpeller(dictionaries: readonly Dictionary[], words: Iterable<string>, lang: string): Speller {
  const own = new Set<string>();
  for (const w of words) own.add(plainApostrophe(w.trim()).toLocaleLowerCase(lang));
  const longest = Math.max(0, ...dictionaries.map((d) => d.longestSuffix));
  const knownOwn = (word: string) => {
    const lower = word.toLocaleLowerCase(lang);
    if (own.has(lower)) return true;
    for (let cut = lower.length - 1; cut >= 2 && lower.length - cut <= longest; cut--)
      if (own.has(lower.slice(0, cut)) && dictionaries.some((d) => d.suffixes.has(lower.slice(cut)))) return true;
    return false;
  };
  // Words repeat (Zipf): a document's report asks for the same few thousand again and again, and a
  // Kazakh lookup strips endings. Bounded; emptied when full.
  const answers = new Map<string, boolean>();
  return {
    correct(word) {
      let known = answers.get(word);
      if (known !== undefined) return known;
      const w = plainApostrophe(word);
      known = dictionaries.some((d) => d.correct(w)) || (own.size > 0 && knownOwn(w));
      if (answers.size >= MAX_ANSWERS) answers.clear();
      answers.set(word, known);
      return known;
    },
    suggest(word) {
      const w = plainApostrophe(word);
      return [...new Set(dictionaries.flatMap((d) => d.suggest(w)))].slice(0, 8);
    },
    limited: dictionaries.some((d) => d.limited),
    script: dictionaries[0]?.script ?? "Latin",
  };
}
