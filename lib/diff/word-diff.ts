import { diffWords } from "diff";

export interface DiffPart {
  text: string;
  kind: "same" | "added" | "removed";
}

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * A word diff from `before` to `after`. Words are found by the language's own rules (Intl.Segmenter),
 * so Cyrillic and Kazakh words are never split in the middle.
 */
export function wordDiff(before: string, after: string, lang = "en"): DiffPart[] {
  let intlSegmenter = segmenters.get(lang);
  if (!intlSegmenter) {
    intlSegmenter = new Intl.Segmenter(lang, { granularity: "word" });
    segmenters.set(lang, intlSegmenter);
  }
  return diffWords(before, after, { intlSegmenter }).map((c) => ({
    text: c.value,
    kind: c.added ? "added" : c.removed ? "removed" : "same",
  }));
}
