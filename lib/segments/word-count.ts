const segmenters = new Map<string, Intl.Segmenter>();

/**
 * V8's word segmenter slows down with the length of the string it walks (a 140,000-character
 * paragraph took over a minute, found by the import fuzzing of issue 18): texts are walked in
 * windows of about this many characters, cut after whitespace, where no word can straddle the cut.
 */
const WINDOW = 2_000;

/** Words as a translator counts them: word-like pieces by the language's own rules (ICU). */
export function countWords(text: string, lang = "uk"): number {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: "word" });
    segmenters.set(lang, segmenter);
  }
  let n = 0;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + WINDOW);
    if (end < text.length) {
      const space = text.slice(start, end).search(/\s\S*$/);
      // No whitespace in the window (a run of markup, say): cut it as it is.
      if (space > 0) end = start + space + 1;
    }
    for (const piece of segmenter.segment(text.slice(start, end))) if (piece.isWordLike) n++;
    start = end;
  }
  return n;
}
