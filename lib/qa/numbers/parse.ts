// Numbers written in digits, read as values the way the text's language writes them:
// uk/kk "1 234,5" (space or U+00A0 between groups, decimal comma) and en "1,234.5" are both 1234.5.
// A reading that only makes sense in another language's convention is kept but marked `foreign`,
// so "1 234,5" in an English text still matches the source and is reported as a format slip.
import type { Range } from "../types";

export interface Reading {
  value: number;
  foreign: boolean;
}

export interface NumberToken extends Range {
  raw: string;
  /** Every value the text can mean; the first is the language's own reading when it has one. */
  readings: Reading[];
  /**
   * A soft number (a spelled-out word, a Roman numeral, a date's month) may stand for a digit on the
   * other side but is never reported missing or added itself.
   */
  soft: boolean;
}

const GROUP_SPACE = "\u0020\u00a0\u202f\u2009";
// Digits, joined by a space before exactly three digits (a thousands group) or by . or , before a digit.
const CANDIDATE = new RegExp(`[0-9]+(?:(?:[${GROUP_SPACE}](?=[0-9]{3}(?![0-9]))|[.,](?=[0-9]))[0-9]+)*`, "g");
const RANGE_DASH = /^\s?[-–—/]\s?$/;

/** Commas group thousands in English; elsewhere (uk, kk, ru …) a comma is the decimal mark. */
const commaGroups = (lang: string) => lang === "en";

const num = (s: string) => Number(s);
const decimal = (int: string, frac: string) => Number(`${int}.${frac}`);
const isGrouping = (groups: string[]) => groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3);

function reading(value: number, foreign = false): Reading {
  return { value, foreign };
}

interface Part {
  raw: string;
  start: number;
  readings: Reading[];
  soft?: boolean;
}

/** Split a candidate at its separators into plain integers (section numbers "1.2.3", "2013 150"). */
function integers(raw: string, start: number): Part[] {
  const out: Part[] = [];
  for (const m of raw.matchAll(/[0-9]+/g))
    out.push({ raw: m[0], start: start + m.index, readings: [reading(num(m[0]))] });
  return out;
}

/** Read one candidate (see CANDIDATE) in the base language `lang`. */
function interpret(raw: string, start: number, lang: string): Part[] {
  const groups = raw.split(/[\u0020\u00a0\u202f\u2009.,]/);
  const seps = raw.replace(/[0-9]+/g, "").split("");
  const one = (...readings: Reading[]) => [{ raw, start, readings }];
  if (seps.length === 0) return one(reading(num(raw)));

  const spaces = seps.filter((c) => GROUP_SPACE.includes(c)).length;
  if (spaces > 0) {
    // Spaces group thousands only from the start of the number, before any decimal mark.
    const rest = seps.slice(spaces);
    if (seps.slice(0, spaces).every((c) => GROUP_SPACE.includes(c)) && groups[0].length <= 3 && rest.length <= 1) {
      const int = groups.slice(0, spaces + 1).join("");
      if (rest.length === 0) return one(reading(num(int)));
      const frac = groups[spaces + 1];
      // "1 234,5" in English is a Ukrainian habit; "1 234.5" is SI style, fine everywhere.
      return one(reading(decimal(int, frac), rest[0] === "," && commaGroups(lang)));
    }
    // Not one grouped number: read each space-separated piece on its own.
    const out: Part[] = [];
    let offset = 0;
    for (const piece of raw.split(/[\u0020\u00a0\u202f\u2009]/)) {
      out.push(...interpret(piece, start + offset, lang));
      offset += piece.length + 1;
    }
    return out;
  }

  const commas = seps.filter((c) => c === ",").length;
  const dots = seps.length - commas;
  if (commas > 0 && dots > 0) {
    // One kind groups, the last separator is the decimal mark: 1,234.5 (English) or 1.234,5 (German).
    const last = seps[seps.length - 1];
    const grouping = seps.slice(0, -1);
    if (grouping.every((c) => c !== last) && isGrouping(groups.slice(0, -1))) {
      const value = decimal(groups.slice(0, -1).join(""), groups[groups.length - 1]);
      return one(reading(value, !(commaGroups(lang) && last === ".")));
    }
    return integers(raw, start);
  }

  if (commas > 0) {
    if (commas === 1) {
      const asDecimal = decimal(groups[0], groups[1]);
      if (!isGrouping(groups)) return one(reading(asDecimal, commaGroups(lang)));
      const asGroups = num(groups.join(""));
      return commaGroups(lang)
        ? one(reading(asGroups), reading(asDecimal, true))
        : one(reading(asDecimal), reading(asGroups, true));
    }
    if (isGrouping(groups)) return one(reading(num(groups.join("")), !commaGroups(lang)));
    return integers(raw, start);
  }

  // Only dots.
  if (dots === 1) {
    const asDecimal = reading(decimal(groups[0], groups[1]));
    return isGrouping(groups) ? one(asDecimal, reading(num(groups.join("")), true)) : one(asDecimal);
  }
  const date = /^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4}|[0-9]{2})$/.exec(raw);
  if (date && num(date[1]) >= 1 && num(date[1]) <= 31 && num(date[2]) >= 1 && num(date[2]) <= 12) {
    // 12.03.2013: the day and year must be there; the month may be spelled out ("12 March 2013").
    const [day, month, year] = integers(raw, start);
    return [day, { ...month, soft: true }, year];
  }
  if (isGrouping(groups)) return one(reading(num(groups.join("")), true));
  return integers(raw, start);
}

/** "1,5 млн" is 1.5 and 1,500,000: a multiplier word after a number adds the multiplied value. */
const MULTIPLIERS: [RegExp, number][] = [
  [/^\s?(тис\.|тисяч\p{L}*|thousands?|мың\p{L}*)/iu, 1e3],
  [/^\s?(млн\.?|мільйон\p{L}*|millions?|миллион\p{L}*)/iu, 1e6],
  [/^\s?(млрд\.?|мільярд\p{L}*|billions?|миллиард\p{L}*|bn\b)/iu, 1e9],
];

function multiply(token: NumberToken, factor: number) {
  for (const r of [...token.readings])
    token.readings.push(reading(Math.round(r.value * factor * 1e6) / 1e6, r.foreign));
}

function multiplierAfter(after: string): number | null {
  for (const [re, factor] of MULTIPLIERS) if (re.test(after)) return factor;
  return null;
}

/** Every number written in digits in `text`, outside `skip` (citations are checked on their own). */
export function digitNumbers(text: string, lang: string, skip: readonly Range[] = []): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index;
    if (skip.some((r) => start < r.end && r.start < start + m[0].length)) continue;
    for (const part of interpret(m[0], start, lang)) {
      const token: NumberToken = {
        start: part.start,
        end: part.start + part.raw.length,
        raw: part.raw,
        readings: part.readings,
        soft: part.soft ?? false,
      };
      const previous = out[out.length - 1];
      expandShortRange(token, previous, text);
      const factor = multiplierAfter(text.slice(token.end, token.end + 14));
      if (factor) {
        multiply(token, factor);
        // "5–7 тисяч" is 5,000–7,000: the range's first end shares the multiplier.
        if (previous && RANGE_DASH.test(text.slice(previous.end, token.start))) multiply(previous, factor);
      }
      // "о 10:00" / "at 10 a.m.": whole-hour minutes may be left out.
      if (/^0+$/.test(token.raw) && text[token.start - 1] === ":") token.soft = true;
      out.push(token);
    }
  }
  return out;
}

/** "2013–14" means 2013–2014: the short end of a year range also reads as the full year. */
function expandShortRange(token: NumberToken, previous: NumberToken | undefined, text: string) {
  if (!previous || !/^[0-9]{2}$/.test(token.raw) || !/^[0-9]{4}$/.test(previous.raw)) return;
  if (!RANGE_DASH.test(text.slice(previous.end, token.start))) return;
  const year = Number(previous.raw);
  const full = year - (year % 100) + Number(token.raw);
  if (full > year) token.readings.push(reading(full));
}
