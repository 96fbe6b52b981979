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

describe("tokenize on long texts", () => {
  // Intl.Segmenter walks a long text in pieces (its cost grows with the square of the length): the
  // pieces must find exactly what one walk over the whole text finds.
  const whole = (text: string, lang: string) => {
    const out: { start: number; end: number; text: string; breakBefore: boolean }[] = [];
    let breakBefore = true;
    for (const part of new Intl.Segmenter(lang, { granularity: "word" }).segment(text)) {
      if (!part.isWordLike) {
        if (/[\p{Ps}\p{Pe}.,;:!?…\n\r]/u.test(part.segment)) breakBefore = true;
        continue;
      }
      out.push({ start: part.index, end: part.index + part.segment.length, text: part.segment, breakBefore });
      breakBefore = false;
    }
    return out;
  };
  const LONG_PIECES = [...PIECES, "<a>", "</a>", "_", "\u00ad", "שלום", "e\u0301", "👍🏽", "—", " ", "  ", "\n"];

  it("finds the same words, offsets and breaks as one walk over the whole text", () => {
    const random = prng(20_261_202);
    for (let n = 0; n < 40; n++) {
      let text = "";
      const length = 500 + Math.floor(random() * 3_000);
      while (text.length < length) text += LONG_PIECES[Math.floor(random() * LONG_PIECES.length)];
      const lang = ["uk", "en", "kk", "und"][n % 4];
      expect([n, segmenterTokens(text, lang)]).toEqual([n, whole(text, lang)]);
    }
    const tags = "<a>".repeat(2_000) + "</a>".repeat(2_000);
    expect(segmenterTokens(tags, "und")).toEqual(whole(tags, "und"));
    const words = "державна служба ".repeat(500);
    expect(segmenterTokens(words, "uk")).toEqual(whole(words, "uk"));
  });
});
