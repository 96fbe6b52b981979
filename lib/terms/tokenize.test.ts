// The fast path of tokenize (plain Latin/Cyrillic text) must find exactly the words, offsets and
// sentence breaks Intl.Segmenter finds: on every text of the demo document, its hand-made
// translations and the demo glossary, and on random text from the characters the fast path takes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prng } from "../../bench/generate-document";
import { demoEnglish, demoKazakh } from "../../tests/fixtures/qa-demo";
import { segmenterTokens, tokenize } from "./tokenize";

const demo = [
  ...readFileSync(path.resolve("prisma/seed/civil-service-kz.uk.txt"), "utf8").split("\n"),
  ...readFileSync(path.resolve("prisma/seed/civil-service-glossary.csv"), "utf8").split("\n"),
  ...Object.values(demoEnglish),
  ...Object.values(demoKazakh),
];

// Letters of both scripts (Kazakh and Ukrainian ones too), digits and every separator the fast path takes.
const PIECES = [
  ..."abcXYZабвЖЯіїєґәғқңөұүһІЇЄҐӘҒҚҢӨҰҮҺʼ0123456789",
  ..." \t\n\u00a0.,;:!?…()[]«»„“”\"‘’'-–—/%№§+=*&#",
  "ab",
  "12",
  "служби",
  "state",
];

describe("tokenize's fast path", () => {
  it("agrees with Intl.Segmenter on the demo texts", () => {
    for (const lang of ["uk", "en", "kk"])
      for (const text of demo)
        expect([lang, text, tokenize(text, lang)]).toEqual([lang, text, segmenterTokens(text, lang)]);
  });

  it("agrees with Intl.Segmenter on 20,000 random texts", () => {
    const random = prng(20_261_201);
    const mismatches: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      let text = "";
      const length = 1 + Math.floor(random() * 14);
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)];
      const lang = ["uk", "en", "kk"][n % 3];
      if (JSON.stringify(tokenize(text, lang)) !== JSON.stringify(segmenterTokens(text, lang)))
        mismatches.push(JSON.stringify(text));
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it("leaves other text to the segmenter: a soft hyphen, a narrow no-break space, another script", () => {
    for (const text of ["сло\u00adво", "1\u202f234", "a_b", "שלום עולם", "e\u0301te"])
      expect(tokenize(text, "uk")).toEqual(segmenterTokens(text, "uk"));
  });
});
