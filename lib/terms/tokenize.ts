// Words of a text with their offsets into the original string (UTF-16, as String.slice counts),
// found by Intl.Segmenter at word granularity. Isomorphic: runs in Node and in the browser.
import { baseLang } from "./normalize";

export interface WordToken {
  /** Offsets into the text as given: text.slice(start, end) is the word. */
  start: number;
  end: number;
  text: string;
  /**
   * True when sentence punctuation or a bracket stands between this word and the previous one:
   * a multi-word term never spans it ("державна. Служба" is not "державна служба").
   */
  breakBefore: boolean;
}

// What separates the words of one term: spaces, hyphens, dashes, slashes and quotes may;
// sentence punctuation and brackets may not.
const BREAK = /[\p{Ps}\p{Pe}.,;:!?…\n\r]/u;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string): Intl.Segmenter {
  const key = baseLang(lang);
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(key, { granularity: "word" });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/** The word-like segments of `text` (letters or digits), in order. */
export function tokenize(text: string, lang: string): WordToken[] {
  const out: WordToken[] = [];
  let breakBefore = true;
  for (const part of segmenterFor(lang).segment(text)) {
    if (!part.isWordLike) {
      if (BREAK.test(part.segment)) breakBefore = true;
      continue;
    }
    out.push({ start: part.index, end: part.index + part.segment.length, text: part.segment, breakBefore });
    breakBefore = false;
  }
  return out;
}
