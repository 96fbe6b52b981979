// Text facts several checks need: words, scripts, overlap with ranges.
import type { Range } from "./types";

export interface Word extends Range {
  text: string;
}

/**
 * Words: letters (with combining marks), joined by an apostrophe between letters (п’ять, it’s,
 * O'Brien). A hyphen ends a word: "семінар-тренінг" is two words, each checked on its own.
 */
const WORD = /[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;

let lastText: string | null = null;
let lastWords: readonly Word[] = [];

/** The words of `text`; several checks ask for the same text in a row, so the last answer is kept. */
export function words(text: string): readonly Word[] {
  if (text === lastText) return lastWords;
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  lastText = text;
  lastWords = out;
  return out;
}

export const CYRILLIC = /\p{Script=Cyrillic}/u;
export const LATIN = /\p{Script=Latin}/u;
export const hasCyrillic = (s: string) => CYRILLIC.test(s);
export const hasLatin = (s: string) => LATIN.test(s);
export const hasLetter = (s: string) => /\p{L}/u.test(s);

/** Languages written in Cyrillic by default (their "-Latn" variants are not). */
const CYRILLIC_LANGS = new Set(["uk", "kk", "ru", "be", "bg", "sr", "mk", "ky", "tg", "mn"]);
export function writtenInCyrillic(lang: string): boolean {
  const [base, ...rest] = lang.split("-");
  return CYRILLIC_LANGS.has(base.toLowerCase()) && !rest.some((p) => p.toLowerCase() === "latn");
}

export function overlaps(a: Range, ranges: readonly Range[]): boolean {
  return ranges.some((r) => a.start < r.end && r.start < a.end);
}

/** Whitespace collapsed and trimmed, NFC: what "the same text" means for comparisons. */
export function normalizeSpace(s: string): string {
  return s.normalize("NFC").replace(/\s+/gu, " ").trim();
}

export const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);
