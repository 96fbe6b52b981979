// mixed-script: Latin and Cyrillic look-alikes inside one word ("Казахстaн" with a Latin a), as
// LanguageTool's Ukrainian rule pairs them; and Cyrillic letters in a text in a Latin-script language.
import { CYRILLIC, LATIN, words, writtenInCyrillic } from "../text";
import type { Check, RawFinding } from "../types";

const KEYS = {
  mixed: "qa.mixed-script.mixed",
  cyrillicInLatin: "qa.mixed-script.cyrillic-in-latin",
  fix: "qa.fix.replace",
} as const;

/** Cyrillic → Latin look-alikes (і/i and һ/h matter for Kazakh). */
const TO_LATIN: Record<string, string> = {
  а: "a",
  е: "e",
  і: "i",
  о: "o",
  р: "p",
  с: "c",
  у: "y",
  х: "x",
  һ: "h",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  А: "A",
  В: "B",
  Е: "E",
  І: "I",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  Х: "X",
  У: "Y",
  Ѕ: "S",
  Ј: "J",
  Һ: "H",
};
const TO_CYRILLIC: Record<string, string> = Object.fromEntries(Object.entries(TO_LATIN).map(([c, l]) => [l, c]));
// Latin "y" looks like Cyrillic "у"; Kazakh's own "і" and "һ" are where Latin i and h land.
TO_CYRILLIC.y = "у";

const count = (s: string, re: RegExp) => [...s].filter((c) => re.test(c)).length;

/** The word written wholly in one script, when every odd letter has a look-alike; null otherwise. */
function unmix(word: string, toCyrillic: boolean): string | null {
  const map = toCyrillic ? TO_CYRILLIC : TO_LATIN;
  const foreign = toCyrillic ? LATIN : CYRILLIC;
  let out = "";
  for (const c of word) {
    if (!foreign.test(c)) out += c;
    else if (map[c]) out += map[c];
    else return null;
  }
  return out;
}

/** Latin-script languages, where a Cyrillic letter is always a slip (and "kk-Latn", the 2021 alphabet). */
const LATIN_LANGS = new Set(["en", "de", "fr", "es", "it", "pl", "tr"]);
const writtenInLatin = (lang: string) => LATIN_LANGS.has(lang.split("-")[0].toLowerCase()) || /-latn(-|$)/i.test(lang);

export const mixedScript: Check = {
  code: "mixed-script",
  messageKeys: Object.values(KEYS),
  run({ input }) {
    const out: RawFinding[] = [];
    const cyrillicText = writtenInCyrillic(input.targetLang);
    const latinText = writtenInLatin(input.targetLang);
    if (!CYRILLIC.test(input.target) || (!latinText && !LATIN.test(input.target))) return out;
    for (const w of words(input.target)) {
      const cyr = count(w.text, CYRILLIC);
      const lat = count(w.text, LATIN);
      const span = { start: w.start, end: w.end, side: "target" as const };
      if (cyr > 0 && lat > 0) {
        // Fix towards the word's majority script; a tie goes to the text's script.
        const fixed = unmix(w.text, cyr > lat || (cyr === lat && cyrillicText));
        const finding: RawFinding = {
          messageKey: KEYS.mixed,
          params: { word: w.text },
          span,
          key: `mixed-script:${w.text}`,
        };
        if (fixed) finding.fix = { messageKey: KEYS.fix, params: { text: fixed }, edits: [{ ...span, text: fixed }] };
        out.push(finding);
      } else if (cyr > 0 && latinText) {
        out.push({
          messageKey: KEYS.cyrillicInLatin,
          params: { word: w.text },
          span,
          key: `mixed-script:cyrillic:${w.text}`,
        });
      }
    }
    return out;
  },
};
