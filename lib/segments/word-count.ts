const segmenters = new Map<string, Intl.Segmenter>();

/** Words as a translator counts them: word-like pieces by the language's own rules (ICU). */
export function countWords(text: string, lang = "uk"): number {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: "word" });
    segmenters.set(lang, segmenter);
  }
  let n = 0;
  for (const piece of segmenter.segment(text)) if (piece.isWordLike) n++;
  return n;
}
