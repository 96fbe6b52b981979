// A Hunspell dictionary checked at lookup time: the word's possible endings are stripped and the
// root looked up with its flags, instead of expanding every root by every rule when loading (what
// nspell does: Debian's Kazakh dictionary expands to millions of forms, ~3 s and ~180 MB of heap
// per process). Only the subset of the .aff format that such flat suffix dictionaries use is read:
// SFX rules without continuation classes, single-character flags, TRY. Anything else (PFX,
// compounding, FLAG long/num, NEEDAFFIX …) makes `parseAffixDictionary` answer null, and the
// caller falls back to nspell, which knows the whole format.

interface SuffixRule {
  flag: string;
  /** What the rule removes from the root before adding its ending ("" for none). */
  strip: string;
  /** The root must end like this (Hunspell's condition, as a regular expression anchored at the end). */
  condition: RegExp | null;
}

export interface AffixSpeller {
  correct(word: string): boolean;
  suggest(word: string): string[];
  /** Every ending the rules add (lower case). */
  suffixes: ReadonlySet<string>;
  longestSuffix: number;
}

/** Directives the lookup does not need and that do not change which words are correct. */
const HARMLESS = new Set([
  "SET",
  "TRY",
  "KEY",
  "WORDCHARS",
  "LANG",
  "NAME",
  "VERSION",
  "HOME",
  "AUTHOR",
  "MAXNGRAMSUGS",
]);

/** Hunspell conditions are a tiny regular-expression language: ".", "[…]", "[^…]" and letters. */
function conditionOf(source: string): RegExp | null {
  if (source === "." || source === "") return null;
  if (!/^(?:[^\\()*+?{}|^$]|\[\^?[^\]]*\])+$/u.test(source)) throw new Error(`condition ${source}`);
  return new RegExp(`${source}$`, "u");
}

interface ParsedAffixes {
  byEnding: Map<string, SuffixRule[]>;
  alphabet: string[];
}

function parseAffixes(aff: string): ParsedAffixes | null {
  const byEnding = new Map<string, SuffixRule[]>();
  let alphabet: string[] = [];
  const lines = aff.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#")) continue;
    const parts = line.split(/\s+/u);
    const directive = parts[0];
    if (directive === "TRY") alphabet = [...new Set([...(parts[1] ?? "")].map((c) => c.toLowerCase()))];
    if (HARMLESS.has(directive)) continue;
    if (directive !== "SFX") return null;
    const [, flag, , countText] = parts;
    const count = Number(countText);
    if ([...flag].length !== 1 || !Number.isInteger(count)) return null;
    for (let k = 0; k < count; k++) {
      const rule = (lines[++i] ?? "").trim().split(/\s+/u);
      if (rule[0] !== "SFX" || rule[1] !== flag || rule.length < 4) return null;
      const [, , strip, add, condition = "."] = rule;
      // A continuation class (ending/FLAGS) applies more rules to the result: beyond this subset.
      if (add.includes("/")) return null;
      const ending = add === "0" ? "" : add;
      let compiled: RegExp | null;
      try {
        compiled = conditionOf(condition);
      } catch {
        return null;
      }
      const list = byEnding.get(ending) ?? [];
      list.push({ flag, strip: strip === "0" ? "" : strip, condition: compiled });
      byEnding.set(ending, list);
    }
  }
  // TRY may forget letters: those the endings use are letters of the language too.
  for (const ending of byEnding.keys())
    for (const c of ending.toLowerCase()) if (!alphabet.includes(c)) alphabet.push(c);
  return { byEnding, alphabet };
}

/** The .dic file: a count line, then "word/FLAGS" lines (flags optional). */
function parseRoots(dic: string): Map<string, string> {
  const roots = new Map<string, string>();
  const lines = dic.split("\n");
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    const slash = line.indexOf("/");
    const word = slash < 0 ? line : line.slice(0, slash);
    const flags = slash < 0 ? "" : line.slice(slash + 1).split(/\s/u)[0];
    // The same root twice (homonyms with other flags): both sets of flags apply.
    roots.set(word, (roots.get(word) ?? "") + flags);
  }
  return roots;
}

const MAX_SUGGESTIONS = 8;
const MAX_CANDIDATES = 40;

/** How much of a candidate agrees with the word at both ends: the closest-looking candidates first. */
function likeness(word: string, candidate: string): number {
  let prefix = 0;
  while (prefix < word.length && word[prefix] === candidate[prefix]) prefix++;
  const room = Math.min(word.length, candidate.length) - prefix;
  let suffix = 0;
  while (suffix < room && word[word.length - 1 - suffix] === candidate[candidate.length - 1 - suffix]) suffix++;
  return prefix + suffix;
}

/**
 * The speller, or null when the .aff uses more of Hunspell than this reads. Case as nspell and
 * Hunspell treat it: a word is correct as written, or (written all in capitals) in sentence case,
 * or in lower case; a lower-case word never matches a capitalised root (a name).
 */
export function parseAffixDictionary(aff: string, dic: string): AffixSpeller | null {
  const affixes = parseAffixes(aff);
  if (!affixes) return null;
  const { byEnding, alphabet } = affixes;
  const roots = parseRoots(dic);
  const longestSuffix = Math.max(0, ...[...byEnding.keys()].map((e) => e.length));

  const exact = (word: string): boolean => {
    if (roots.has(word)) return true;
    for (let cut = Math.max(1, word.length - longestSuffix); cut <= word.length; cut++) {
      const rules = byEnding.get(word.slice(cut));
      if (!rules) continue;
      const stem = word.slice(0, cut);
      for (const rule of rules) {
        const root = stem + rule.strip;
        const flags = roots.get(root);
        if (flags?.includes(rule.flag) && (!rule.condition || rule.condition.test(root))) return true;
      }
    }
    return false;
  };

  const correct = (value: string): boolean => {
    const word = value.trim();
    if (word === "") return false;
    if (exact(word)) return true;
    const lower = word.toLowerCase();
    if (word.toUpperCase() === word) {
      const sentence = word.charAt(0) + word.slice(1).toLowerCase();
      if (sentence !== word && exact(sentence)) return true;
    }
    return lower !== word && exact(lower);
  };

  /** Words one edit away (a letter replaced, added, removed, or two swapped), known to the dictionary. */
  const suggest = (value: string): string[] => {
    const word = value.trim();
    if (word === "") return [];
    const capital = word.charAt(0) !== word.charAt(0).toLowerCase();
    const lower = word.toLowerCase();
    const seen = new Set<string>();
    const out: string[] = [];
    const tryWord = (candidate: string) => {
      if (out.length >= MAX_CANDIDATES || seen.has(candidate) || candidate === lower) return;
      seen.add(candidate);
      const shown = capital ? candidate.charAt(0).toUpperCase() + candidate.slice(1) : candidate;
      if (correct(shown)) out.push(shown);
    };
    for (let i = 0; i < lower.length; i++)
      for (const c of alphabet) tryWord(lower.slice(0, i) + c + lower.slice(i + 1));
    for (let i = 0; i + 1 < lower.length; i++)
      tryWord(lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2));
    for (let i = 0; i < lower.length; i++) tryWord(lower.slice(0, i) + lower.slice(i + 1));
    for (let i = 0; i <= lower.length; i++) for (const c of alphabet) tryWord(lower.slice(0, i) + c + lower.slice(i));
    const score = new Map(out.map((c) => [c, likeness(lower, c.toLowerCase())]));
    return out.sort((a, b) => score.get(b)! - score.get(a)!).slice(0, MAX_SUGGESTIONS);
  };

  const suffixes = new Set([...byEnding.keys()].filter((e) => e !== "").map((e) => e.toLowerCase()));
  return { correct, suggest, suffixes, longestSuffix };
}
