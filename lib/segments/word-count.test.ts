// Counting in windows (word-count.ts) must count exactly what one walk over the whole text counts.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { countWords } from "./word-count";

const plain = (text: string, lang: string) => {
  let n = 0;
  for (const piece of new Intl.Segmenter(lang, { granularity: "word" }).segment(text)) if (piece.isWordLike) n++;
  return n;
};

const words = fc.constantFrom("Державна", "служба", "Қазақстан", "civil", "[52,", "с.", "5].", "—", "12,5", "т. зв.");
const separators = fc.constantFrom(" ", "\n", "\t", "  ", "\u00a0");
const longText = fc
  .array(fc.tuple(words, separators), { minLength: 300, maxLength: 1500 })
  .map((parts) => parts.map(([w, s]) => w + s).join(""));

test.prop([longText, fc.constantFrom("uk", "kk", "en")], { numRuns: 30 })(
  "a long text counts as many words in windows as in one walk",
  (text, lang) => {
    expect(countWords(text, lang)).toBe(plain(text, lang));
  },
);
