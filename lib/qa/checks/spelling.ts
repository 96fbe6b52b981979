// spelling: words of the target its Hunspell dictionary does not know. Leaves alone what a dictionary
// cannot judge: acronyms (ООН, UNDP), words in another script, names inside a sentence when the
// dictionary is thin on names, citations, web and mail addresses, and glossary terms.
import { overlaps, type Word, words } from "../text";
import type { Check, CheckContext, RawFinding } from "../types";

const KEYS = {
  unknown: "qa.spelling.unknown",
  unavailable: "qa.spelling.unavailable",
  unsupported: "qa.spelling.unsupported",
} as const;

// Bounded parts: an unbounded [^\s@]+@ rescans a long token from each of its positions.
const ADDRESS = /\b(?:https?:\/\/|www\.)\S+|[^\s@]{1,64}@[^\s@]{1,255}/gu;
const SCRIPT = { Latin: /\p{Script=Latin}/u, Cyrillic: /\p{Script=Cyrillic}/u };

const OPENERS = /[\s«„“‘"'([{—–-]/u;

/** Capital first, inside a sentence: not after . ! ? … : or the start (quotes and brackets between). */
function midSentenceName(text: string, w: Word): boolean {
  const first = w.text[0];
  if (first === first.toLowerCase()) return false;
  let i = w.start;
  while (i > 0 && OPENERS.test(text[i - 1])) i--;
  return i > 0 && !".!?…:".includes(text[i - 1]);
}

// Words another check already reports: mixed scripts (mixed-script), Ukrainian letters in Kazakh.
const OTHER_SCRIPT = { Latin: /\p{Script=Cyrillic}/u, Cyrillic: /\p{Script=Latin}/u };
const UKRAINIAN_ONLY = /[єЄїЇґҐ'’ʼ]/u;

/** What the word's own letters say: not a dictionary word for this script (remembered per word). */
function notForDictionary(t: string, script: "Latin" | "Cyrillic", kazakh: boolean): boolean {
  if (t.length < 2 || !SCRIPT[script].test(t) || OTHER_SCRIPT[script].test(t)) return true;
  if (kazakh && UKRAINIAN_ONLY.test(t)) return true;
  if (t === t.toUpperCase()) return true; // acronym (a word always has a letter)
  return /\p{Ll}\p{Lu}/u.test(t); // iPhone, McDonald: not a dictionary word
}

const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 50_000;

function skipped(
  ctx: CheckContext,
  w: Word,
  skip: { start: number; end: number }[],
  script: "Latin" | "Cyrillic",
): boolean {
  const kazakh = ctx.targetBase === "kk";
  const memo = `${script}${kazakh ? "k" : "-"}${w.text}`;
  let own = verdicts.get(memo);
  if (own === undefined) {
    own = notForDictionary(w.text, script, kazakh);
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(memo, own);
  }
  if (own) return true;
  // "2nd", "1990s"; "БҰҰ-ның", "2-кезеңінде": an ending on a number, or hyphenated to an acronym.
  if (w.start > 0 && /(?:\p{N}|[\p{Lu}\p{N}]-)$/u.test(ctx.input.target.slice(Math.max(0, w.start - 2), w.start)))
    return true;
  return overlaps(w, skip);
}

/** Web and mail addresses; most paragraphs have none, and the pattern is the slow part of this check. */
function addresses(text: string): { start: number; end: number }[] {
  if (!text.includes("@") && !text.includes("www.") && !text.includes("http")) return [];
  return [...text.matchAll(ADDRESS)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Spelling cannot run: the dictionary is not installed (with the package to install), or none exists. */
export function unavailable({ lang, apt }: { lang: string; apt: string }): RawFinding {
  return apt
    ? { messageKey: KEYS.unavailable, params: { lang, package: apt }, key: "spelling:unavailable" }
    : { messageKey: KEYS.unsupported, params: { lang }, key: "spelling:unavailable" };
}

export const spelling: Check = {
  code: "spelling",
  messageKeys: Object.values(KEYS),
  run(ctx) {
    const { input, spelling: state } = ctx;
    if (!state || input.target.trim() === "") return [];
    if ("unavailable" in state) return [unavailable(state.unavailable)];
    const { speller } = state;
    const skip = [...ctx.citations.target, ...ctx.targetTerms, ...addresses(input.target)];
    const out: RawFinding[] = [];
    const seen = new Map<string, number>();
    for (const w of words(input.target)) {
      if (skipped(ctx, w, skip, speller.script)) continue;
      if (speller.limited && midSentenceName(input.target, w)) continue;
      // The speller knows the project's words and the glossary's (makeSpeller).
      if (speller.correct(w.text)) continue;
      const lower = w.text.toLocaleLowerCase(ctx.targetBase);
      const n = (seen.get(lower) ?? 0) + 1;
      seen.set(lower, n);
      out.push({
        // A thin dictionary (Kazakh) is unsure: one level below the check's severity.
        ...(speller.limited ? { lower: true } : {}),
        messageKey: KEYS.unknown,
        params: { word: w.text },
        span: { start: w.start, end: w.end, side: "target" },
        key: n === 1 ? `spelling:${lower}` : `spelling:${lower}:${n}`,
      });
    }
    return out;
  },
};
