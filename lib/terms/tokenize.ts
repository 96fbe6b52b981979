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

// Walking Intl.Segmenter's segments costs time growing with the square of the text's length in Node 20
// (12,000 "<a>" took 5 s, 84,000 plain segments 3 s): a long text is segmented in pieces cut where
// every word boundary rule breaks anyway, between two spaces, brackets, dashes or math signs (a fuzzed
// glossary file found it: one 84,000-character term took 40 s to be refused).
const PIECE = 1_000;
const CUT_BEFORE = /[\s\p{Ps}\p{Pe}\p{Pd}\p{Sm}]/u;

/** Where to end the piece that starts at `from`: a safe cut after at least PIECE / 2 characters, or the end. */
function pieceEnd(text: string, from: number): number {
  if (text.length - from <= PIECE) return text.length;
  for (let at = from + PIECE; at > from + PIECE / 2; at--) {
    if (CUT_BEFORE.test(text[at - 1]) && CUT_BEFORE.test(text[at])) return at;
  }
  for (let at = from + PIECE + 1; at < text.length; at++) {
    if (CUT_BEFORE.test(text[at - 1]) && CUT_BEFORE.test(text[at])) return at;
  }
  return text.length;
}

/** The word-like segments as Intl.Segmenter finds them (any text, any language). */
export function segmenterTokens(text: string, lang: string): WordToken[] {
  const out: WordToken[] = [];
  const segmenter = segmenterFor(lang);
  let breakBefore = true;
  for (let from = 0; from < text.length; ) {
    const to = pieceEnd(text, from);
    for (const part of segmenter.segment(from === 0 && to === text.length ? text : text.slice(from, to))) {
      if (!part.isWordLike) {
        if (BREAK.test(part.segment)) breakBefore = true;
        continue;
      }
      const start = from + part.index;
      out.push({ start, end: start + part.segment.length, text: part.segment, breakBefore });
      breakBefore = false;
    }
    from = to;
  }
  return out;
}

// Intl.Segmenter costs ~45 µs for a 300-character paragraph, most of a document's recognition time
// (a quality-check report segments every source and every translation). For text made only of
// Latin and Cyrillic letters, ASCII digits, plain spaces and common punctuation, Unicode's word
// rules (UAX #29, as ICU applies them) reduce to this: letters and digits run together; a ‘ ’ ' . :
// between two letters and a , ; . ‘ ’ ' between two digits join; everything else separates. Any other
// character (marks, soft hyphens, U+202F, "_", other scripts …) goes to the segmenter.
// tokenize.test.ts checks the two agree, on the demo texts and on random ones.
const FAST_LANGS = new Set(["uk", "en", "kk", "ru", "und"]);
const FAST_TEXT =
  /^(?:(?=\p{L})[\p{Script=Latin}\p{Script=Cyrillic}ʼ]|[0-9 \t\n\r\u00a0.,;:!?…()[\]«»„“”"‘’'\-–—/%№§+=*&#])*$/u;
const FAST_WORD = /[\p{L}\d]+(?:(?:(?<=\p{L})[‘’'.:](?=\p{L})|(?<=\d)[,;.‘’'](?=\d))[\p{L}\d]+)*/gu;

// BREAK's characters among those FAST_TEXT lets through (\p{Ps}, \p{Pe}: ( ) [ ] „).
const FAST_BREAK = new Set([..."()[]„.,;:!?…\n\r"].map((c) => c.charCodeAt(0)));

function breakBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (FAST_BREAK.has(text.charCodeAt(i))) return true;
  return false;
}

function fastTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  let last = 0;
  for (const m of text.matchAll(FAST_WORD)) {
    const start = m.index;
    out.push({
      start,
      end: start + m[0].length,
      text: m[0],
      breakBefore: out.length === 0 || breakBetween(text, last, start),
    });
    last = start + m[0].length;
  }
  return out;
}

/** The word-like segments of `text` (letters or digits), in order. */
export function tokenize(text: string, lang: string): WordToken[] {
  return FAST_LANGS.has(baseLang(lang)) && FAST_TEXT.test(text) ? fastTokens(text) : segmenterTokens(text, lang);
}
