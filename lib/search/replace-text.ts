// What one match is replaced by: the replacement as typed, with $1… filled in for a regular
// expression, and (optionally) in the case of the words it replaces: "Civil Service" → "Public
// Service", "civil service" → "public service", "CIVIL SERVICE" → "PUBLIC SERVICE".
import type { Finder, Match } from "./find";

export interface ReplaceOptions {
  replace: string;
  /** Regular expressions: $1…$99, $<name>, $& (the match) and $$ (a dollar sign) in `replace`. */
  regex: boolean;
  preserveCase: boolean;
  /** The text's language, for upper and lower case. */
  lang: string;
}

const LETTERS = /\p{L}[\p{L}\p{M}'’]*/gu;

type WordCase = "upper" | "lower" | "title" | "other";

function caseOf(word: string, lang: string): WordCase {
  const upper = word.toLocaleUpperCase(lang);
  const lower = word.toLocaleLowerCase(lang);
  if (upper === lower) return "other";
  const first = word.charAt(0);
  const rest = word.slice(1);
  // One capital letter ("A", "Я") is how a word starts, not a shout.
  if (word === upper && [...word].length > 1) return "upper";
  if (word === lower) return "lower";
  if (first === first.toLocaleUpperCase(lang) && rest === rest.toLocaleLowerCase(lang)) return "title";
  return "other";
}

function inCase(word: string, wanted: WordCase, lang: string): string {
  if (wanted === "upper") return word.toLocaleUpperCase(lang);
  if (wanted === "lower") return word.toLocaleLowerCase(lang);
  if (wanted === "title") return word.charAt(0).toLocaleUpperCase(lang) + word.slice(1).toLocaleLowerCase(lang);
  return word;
}

/** `replacement` written in the case of `matched`, word by word where both have as many words. */
export function preserveCase(matched: string, replacement: string, lang: string): string {
  const whole = caseOf(matched.replace(/[^\p{L}\p{M}]/gu, ""), lang);
  if (whole === "upper" || whole === "lower") return inCase(replacement, whole, lang);
  const from = matched.match(LETTERS) ?? [];
  const to = [...replacement.matchAll(LETTERS)];
  if (from.length === 0 || to.length === 0) return replacement;
  if (from.length === to.length) {
    let out = "";
    let at = 0;
    to.forEach((m, i) => {
      const index = m.index ?? 0;
      out += replacement.slice(at, index) + inCase(m[0], caseOf(from[i], lang), lang);
      at = index + m[0].length;
    });
    return out + replacement.slice(at);
  }
  // Different word counts: only the first letter follows ("Civil service" → "Public administration").
  const first = (from[0] ?? "").charAt(0);
  const index = to[0]?.index ?? 0;
  const letter = replacement.charAt(index);
  const cased =
    first === first.toLocaleUpperCase(lang) ? letter.toLocaleUpperCase(lang) : letter.toLocaleLowerCase(lang);
  return replacement.slice(0, index) + cased + replacement.slice(index + 1);
}

function expand(replace: string, text: string, match: Match): string {
  return replace.replace(/\$(\$|&|<([^>]*)>|\d{1,2})/g, (all, token: string, name?: string) => {
    if (token === "$") return "$";
    if (token === "&") return text.slice(match.start, match.end);
    if (name !== undefined) return match.named?.[name] ?? "";
    const n = Number(token);
    if (n === 0 || !match.groups || n > match.groups.length) return all;
    return match.groups[n - 1] ?? "";
  });
}

/** What `match` in `text` becomes. */
export function replacementOf(text: string, match: Match, options: ReplaceOptions): string {
  const written = options.regex ? expand(options.replace, text, match) : options.replace;
  return options.preserveCase ? preserveCase(text.slice(match.start, match.end), written, options.lang) : written;
}

/**
 * `text` with its matches replaced, except those whose index (0-based, left to right) is in `skip`.
 * `count` is how many were replaced.
 */
export function replaceIn(
  text: string,
  finder: Finder,
  options: ReplaceOptions,
  skip?: ReadonlySet<number>,
): { text: string; count: number; matches: Match[] } {
  const matches = finder.matches(text);
  let out = "";
  let at = 0;
  let count = 0;
  matches.forEach((m, i) => {
    if (skip?.has(i)) return;
    out += text.slice(at, m.start) + replacementOf(text, m, options);
    at = m.end;
    count++;
  });
  return { text: out + text.slice(at), count, matches };
}
