// Words, numbers and punctuation of a normalised text, for the match percentage (score.ts). A
// regular expression rather than Intl.Segmenter: the same words for Ukrainian, Kazakh and English,
// several times faster when a lookup scores dozens of candidates, and the same tokens the words
// index makes (unicode61 with apostrophes as word characters, migration memory_fts).

/** A number (5, 2013, 5,5, 1.2.3) or a word (м'яких, ҚАЗАҚСТАН, A4); hyphens and dashes separate words. */
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{M}])|[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const APOSTROPHES = /[’ʼ]/g;
const NUMBER = /^\p{N}+(?:[.,]\p{N}+)*$/u;

export interface Tokens {
  /** The words as written (apostrophes unified: ’ ʼ → '). */
  raw: string[];
  /** The same, lower case: what word similarity compares. */
  words: string[];
  /** The numbers, in order. */
  numbers: string[];
  /** The words with each number replaced by one placeholder: equal when only numbers differ. */
  masked: string[];
  /** Every other character (punctuation, symbols), in order, without spaces. */
  punctuation: string;
  /** The apostrophes as written, in order (a ’ for a ' is a punctuation difference). */
  apostrophes: string;
}

export const NUMBER_PLACEHOLDER = "\u0000#";
const SPACE = /\s/;

/** One pass: tokens by the pattern, everything between them (but white space) as punctuation. */
export function tokenize(text: string): Tokens {
  const raw: string[] = [];
  const numbers: string[] = [];
  const masked: string[] = [];
  let punctuation = "";
  let apostrophes = "";
  let last = 0;
  const between = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (!SPACE.test(text[i])) punctuation += text[i];
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const token = m[0];
    between(last, m.index);
    last = m.index + token.length;
    let unified = token;
    if (token.includes("'") || token.includes("’") || token.includes("ʼ")) {
      for (const ch of token) if (ch === "'" || ch === "’" || ch === "ʼ") apostrophes += ch;
      unified = token.replace(APOSTROPHES, "'");
    }
    raw.push(unified);
    if (NUMBER.test(token)) {
      numbers.push(token);
      masked.push(NUMBER_PLACEHOLDER);
    } else {
      masked.push(unified.toLowerCase());
    }
  }
  between(last, text.length);
  return { raw, words: raw.map((w) => w.toLowerCase()), numbers, masked, punctuation, apostrophes };
}

/** Letters-only words, the ones the words index can look up (numbers are too common to be useful). */
export function indexWords(tokens: Tokens): string[] {
  return tokens.words.filter((w) => /^[\p{L}']+$/u.test(w) && /\p{L}/u.test(w));
}
