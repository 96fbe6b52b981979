// uk-letters-in-kk: letters of Ukrainian that Kazakh Cyrillic lacks (є ї ґ, and the apostrophe inside
// a word: п’ять, м'який) in a Kazakh text. Kazakh has і, so і is never reported.
import { baseLang } from "../settings";
import { hasCyrillic, words, writtenInCyrillic } from "../text";
import type { Check, RawFinding } from "../types";

const UKRAINIAN_ONLY = /[єЄїЇґҐ]/u;
const APOSTROPHE_IN_WORD = /(?<=\p{Script=Cyrillic})['’ʼ](?=\p{Script=Cyrillic})/u;

export const ukLettersInKk: Check = {
  code: "uk-letters-in-kk",
  messageKeys: ["qa.uk-letters-in-kk.letter", "qa.uk-letters-in-kk.apostrophe"],
  run({ input }) {
    if (baseLang(input.targetLang) !== "kk" || !writtenInCyrillic(input.targetLang)) return [];
    const out: RawFinding[] = [];
    // Words keep their apostrophes, so the span covers "п’ять", not just "п".
    for (const w of words(input.target)) {
      const word = w.text;
      if (!hasCyrillic(word)) continue;
      const letter = UKRAINIAN_ONLY.exec(word)?.[0];
      const apostrophe = !letter && APOSTROPHE_IN_WORD.test(word);
      if (!letter && !apostrophe) continue;
      out.push({
        messageKey: letter ? "qa.uk-letters-in-kk.letter" : "qa.uk-letters-in-kk.apostrophe",
        params: letter ? { word, letter } : { word },
        span: { start: w.start, end: w.end, side: "target" },
        key: `uk-letters-in-kk:${word}`,
      });
    }
    return out;
  },
};
