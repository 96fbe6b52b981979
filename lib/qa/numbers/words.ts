// Numbers that are not digits: spelled-out words ("two", "дві тисячі тринадцятому", "екінші") and
// Roman numerals ("XXI століття", with the Cyrillic look-alikes Ukrainian typists use). They are soft
// numbers: "2 семінари" ↔ "two seminars" is no error, yet a spelled-out word is never reported.
import { type Word, words } from "../text";
import type { Range } from "../types";
import type { NumberToken } from "./parse";

type Table = [RegExp, number][];

const ADJ = "(?:ий|ій|ого|ього|ому|ьому|им|ім|а|я|ої|ьої|у|ю|ою|ьою|е|є|і|их|іх|ими|іми)";
const CARD = "(?:ь|и|ьох|ьма|ьом)";
const AP = "['’ʼ]";
const uk = (pattern: string, value: number): [RegExp, number] => [new RegExp(`^(?:${pattern})$`, "iu"), value];

const UK: Table = [
  uk(`один|одн(?:а|е|ого|ій|им|у|ому|ою|і|их|ими|ієї|ім)|перш${ADJ}|однієї`, 1),
  uk(`дв(?:а|і|ох|ом|ома|оє)|обидва|обидві|обох|обом|обома|двічі|друг(?:ий|ого|ому|им|ім|а|ої|ій|у|ою|е|і|их|ими)`, 2),
  uk(`тр(?:и|ьох|ьом|ьома|оє)|тричі|трет${ADJ}`, 3),
  uk(`чотир(?:и|ьох|ьом|ма)|четверо|четверт${ADJ}`, 4),
  uk(`п${AP}ят${CARD}|п${AP}ятеро|п${AP}ят${ADJ}`, 5),
  uk(`шість|шести|шістьох|шістьма|шост${ADJ}`, 6),
  uk(`сім|семи|сімох|сімома|сьом${ADJ}`, 7),
  uk(`вісім|восьми|вісьмох|вісьма|вісьмома|восьм${ADJ}`, 8),
  uk(`дев${AP}ят${CARD}|дев${AP}ят${ADJ}`, 9),
  uk(`десят${CARD}|десят${ADJ}`, 10),
  ...(
    [
      ["одинадцят", 11],
      ["дванадцят", 12],
      ["тринадцят", 13],
      ["чотирнадцят", 14],
      [`п${AP}ятнадцят`, 15],
      ["шістнадцят", 16],
      ["сімнадцят", 17],
      ["вісімнадцят", 18],
      [`дев${AP}ятнадцят`, 19],
      ["двадцят", 20],
      ["тридцят", 30],
      [`п${AP}ятдесят`, 50],
      ["шістдесят", 60],
      ["сімдесят", 70],
      ["вісімдесят", 80],
    ] as const
  ).map(([stem, value]) => uk(`${stem}${CARD}|${stem}${ADJ}`, value)),
  uk(`сорок(?:а|ов${ADJ})?`, 40),
  uk(`дев${AP}яност(?:о|а|${ADJ})`, 90),
  uk(`ст(?:о|а)|сот${ADJ}`, 100),
  uk("двісті|двохсот|двомстам", 200),
  uk("триста|трьохсот", 300),
  uk("чотириста|чотирьохсот", 400),
  uk(`п${AP}ятсот|шістсот|сімсот|вісімсот|дев${AP}ятсот`, 0), // value set below from the word
  uk(`тисяч(?:а|і|у|ею|ам|ами|ах)?|тисячн${ADJ}`, 1e3),
  uk("мільйон\\p{L}*", 1e6),
  uk("мільярд\\p{L}*", 1e9),
];
const UK_HUNDREDS: Record<string, number> = { п: 500, ш: 600, с: 700, в: 800, д: 900 };
// Most words are no numeral: one test of all the patterns at once before finding which.
const UK_ANY = new RegExp(UK.map(([re]) => re.source).join("|"), "iu");

const EN_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  once: 1,
  single: 1,
  two: 2,
  twice: 2,
  both: 2,
  double: 2,
  three: 3,
  thrice: 3,
  triple: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dozen: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
  thousandth: 1e3,
  millionth: 1e6,
};

// Kazakh numerals take suffixes (екінші, үшеуі, оныншы, бірге …): a stem and up to seven more letters,
// minus the everyday words that merely start like a numeral.
const KK_STEMS: [string, number][] = [
  ["бір", 1],
  ["екі", 2],
  ["екеу", 2],
  ["үш", 3],
  ["төрт", 4],
  ["бес", 5],
  ["алты", 6],
  ["жеті", 7],
  ["сегіз", 8],
  ["тоғыз", 9],
  ["он", 10],
  ["жиырма", 20],
  ["отыз", 30],
  ["қырық", 40],
  ["елу", 50],
  ["алпыс", 60],
  ["жетпіс", 70],
  ["сексен", 80],
  ["тоқсан", 90],
  ["жүз", 100],
  ["мың", 1e3],
  ["миллион", 1e6],
  ["миллиард", 1e9],
];
const KK_NOT_NUMBERS =
  /^(бірақ|бірге|бірік|бірле|бірлі|бірың|біртін|бірте|біреу|бірде|үшін|оны|оның|онд|оға|онымен|онс|жүзег|жүзу|жүзін|бесік|елуін)/iu;

function kkValue(word: string): number | null {
  const lower = word.toLowerCase();
  if (KK_NOT_NUMBERS.test(lower)) return null;
  let best: [string, number] | null = null;
  for (const entry of KK_STEMS)
    if (
      lower.startsWith(entry[0]) &&
      lower.length - entry[0].length <= 7 &&
      (!best || entry[0].length > best[0].length)
    )
      best = entry;
  return best ? best[1] : null;
}

function wordValue(word: string, lang: string): number | null {
  if (lang === "en") return EN_WORDS[word.toLowerCase().replace(/s$/, "")] ?? EN_WORDS[word.toLowerCase()] ?? null;
  if (lang === "kk") return kkValue(word);
  if (lang === "uk" && UK_ANY.test(word)) {
    for (const [re, value] of UK) {
      if (!re.test(word)) continue;
      return value === 0 ? (UK_HUNDREDS[word[0].toLowerCase()] ?? null) : value;
    }
  }
  return null;
}

const JOIN = /^(?:\s+|\s*[-‐]\s*|\s+(?:and|і|й|та|и|мен)\s+)$/iu;

/** "two thousand and thirteen" → 2013: units add, "hundred" multiplies, thousand/million close a group. */
function combine(values: number[]): number {
  let total = 0;
  let current = 0;
  for (const v of values) {
    if (v === 100) current = (current || 1) * 100;
    else if (v >= 1000) {
      total += (current || 1) * v;
      current = 0;
    } else current += v;
  }
  return total + current;
}

function spelledOut(text: string, lang: string, all: readonly Word[], skip: readonly Range[]): NumberToken[] {
  const out: NumberToken[] = [];
  let run: { word: Word; value: number }[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const values = run.map((r) => r.value);
    const combined = combine(values);
    const readings = [...new Set([combined, ...values])].map((value) => ({ value, foreign: false }));
    const start = run[0].word.start;
    const end = run[run.length - 1].word.end;
    out.push({ start, end, raw: text.slice(start, end), readings, soft: true });
    run = [];
  };
  for (const word of all) {
    const value = skip.some((r) => word.start < r.end && r.start < word.end) ? null : wordValue(word.text, lang);
    if (value === null) {
      flush();
      continue;
    }
    const previous = run[run.length - 1];
    if (previous && !JOIN.test(text.slice(previous.word.end, word.start))) flush();
    run.push({ word, value });
  }
  flush();
  return out;
}

// Roman numerals in capitals; Cyrillic І, Х, С, М stand in for Latin I, X, C, M in Ukrainian texts.
const ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const LOOKALIKE: Record<string, string> = { І: "I", Х: "X", С: "C", М: "M" };

function romanValue(word: string): number | null {
  if (!"IVXLCDMІХСМ".includes(word[0])) return null;
  const latin = word.replace(/[ІХСМ]/g, (c) => LOOKALIKE[c]);
  if (!/^[IVXLCDM]+$/.test(latin) || !ROMAN.test(latin)) return null;
  let value = 0;
  for (let i = 0; i < latin.length; i++) {
    const v = ROMAN_VALUES[latin[i]];
    value += v < (ROMAN_VALUES[latin[i + 1]] ?? 0) ? -v : v;
  }
  return value;
}

/** Spelled-out numbers and Roman numerals in `text` (base language `lang`), as soft tokens. */
export function softNumbers(text: string, lang: string, skip: readonly Range[] = []): NumberToken[] {
  const all = words(text);
  const roman: NumberToken[] = [];
  for (const w of all) {
    const value = romanValue(w.text);
    if (value !== null && !skip.some((r) => w.start < r.end && r.start < w.end))
      roman.push({ start: w.start, end: w.end, raw: w.text, readings: [{ value, foreign: false }], soft: true });
  }
  return [...spelledOut(text, lang, all, skip), ...roman];
}
