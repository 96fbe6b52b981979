// Finding text in paragraphs, the same in the browser (highlights, stepping, the filter) and on the
// server (find and replace): literal text or a regular expression, case-sensitive or not, whole
// words only. Regular expressions run on re2js, a linear-time engine, so no pattern can hang the
// server or the page (never `new RegExp(userInput)`). Literal text is found with indexOf on
// case-folded copies that keep every offset, which is faster than any regex engine and exact.
import { RE2JS } from "re2js";
import { AppError } from "../errors";

export interface FindOptions {
  find: string;
  matchCase: boolean;
  /** Only matches with no letter, digit or mark right before or after them (any script). */
  wholeWords: boolean;
  /** `find` is a regular expression (RE2 syntax: no back-references or lookahead). */
  regex: boolean;
}

export interface Match {
  start: number;
  end: number;
  /** Regular expressions: the captured groups, for $1… in the replacement. */
  groups?: (string | null)[];
  named?: Record<string, string | null>;
}

export interface Finder {
  /** Every match, left to right, never overlapping, never empty. */
  matches(text: string): Match[];
  /** Whether there is at least one (cheaper than matches for rows without any). */
  test(text: string): boolean;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;

function codePointBefore(text: string, i: number): string {
  if (i <= 0) return "";
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}

function codePointAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}

/** A match stands alone: no word character touches it on either side. */
export function isWholeWord(text: string, start: number, end: number): boolean {
  return !WORD.test(codePointBefore(text, start)) && !WORD.test(codePointAt(text, end));
}

/** Lower case that keeps every offset (the few letters whose lower case is longer stay as they are). */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = "";
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

function literalFinder(options: FindOptions): Finder {
  const fold = options.matchCase ? (s: string) => s : foldCase;
  const needle = fold(options.find);
  const matches = (text: string, first = false): Match[] => {
    const hay = fold(text);
    const found: Match[] = [];
    let i = hay.indexOf(needle);
    while (i >= 0) {
      const end = i + needle.length;
      if (!options.wholeWords || isWholeWord(text, i, end)) {
        found.push({ start: i, end });
        if (first) break;
        i = hay.indexOf(needle, end);
      } else i = hay.indexOf(needle, i + 1);
    }
    return found;
  };
  return { matches: (text) => matches(text), test: (text) => matches(text, true).length > 0 };
}

function regexFinder(options: FindOptions): Finder {
  let re: RE2JS;
  try {
    re = RE2JS.compile(options.find, options.matchCase ? 0 : RE2JS.CASE_INSENSITIVE);
  } catch {
    throw new AppError("invalid_input", { field: "find", reason: "bad_pattern" });
  }
  const names = Object.keys(re.namedGroups());
  const matches = (text: string, first = false): Match[] => {
    const found: Match[] = [];
    const m = re.matcher(text);
    let from = 0;
    while (from <= text.length && m.find(from)) {
      const start = m.start();
      const end = m.end();
      if (end === start || (options.wholeWords && !isWholeWord(text, start, end))) {
        // An empty match replaces nothing; a match inside a word may hide a whole one just after it.
        from = start + 1;
        continue;
      }
      const groups: (string | null)[] = [];
      for (let g = 1; g <= m.groupCount(); g++) groups.push(m.group(g));
      const named = names.length ? Object.fromEntries(names.map((n) => [n, m.group(n)])) : undefined;
      found.push({ start, end, groups, named });
      if (first) break;
      from = end;
    }
    return found;
  };
  // re2js's test() runs its DFA without captures: the fast answer for rows without any match.
  const test = options.wholeWords ? (text: string) => matches(text, true).length > 0 : (text: string) => re.test(text);
  return { matches: (text) => matches(text), test };
}

/** Compiles the search once for many paragraphs; a malformed regular expression is invalid_input "bad_pattern". */
export function compileFind(options: FindOptions): Finder {
  const find = options.find.normalize("NFC");
  if (!find) return { matches: () => [], test: () => false };
  return options.regex ? regexFinder({ ...options, find }) : literalFinder({ ...options, find });
}
