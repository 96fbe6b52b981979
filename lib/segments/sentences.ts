// Sentences of a paragraph, by the rules of its language (sentence-rules/*.json): used by the
// translation memory (one unit per sentence pair) and later by alignment. Intl.Segmenter is not
// enough: ICU ends a sentence after "м.", "Т." and "Mr." (docs/translation-memory.md).
import { type CompiledRules, sentenceRules } from "./sentence-rules";

export interface Sentence {
  text: string;
  /** [start, end) in the paragraph, in UTF-16 code units; white space between sentences is in neither. */
  start: number;
  end: number;
}

// Where a sentence may end: after a terminal mark and any closing quotes/brackets, before white
// space; or after a line break.
const CANDIDATE = /[.!?…]+[»”“’"')\]]*(?=\s)|\n/g;
/** How far the `after` patterns look ahead. */
const LOOKAHEAD = 40;

/**
 * [open, close] index pairs of quotes and brackets that close within maxPairLength. Unmatched ones
 * (a stray "(" or «) are dropped, so they cannot hide every sentence end after them.
 */
function closedPairs(text: string, rules: CompiledRules): [number, number][] {
  const openers = new Map(rules.pairs.map(([o, c]) => [o, c]));
  const closers = new Set(rules.pairs.map(([, c]) => c));
  const stack: { index: number; close: string }[] = [];
  const out: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!openers.has(ch) && !closers.has(ch)) continue;
    // A closer of something open (the innermost such): everything opened after it was stray.
    if (closers.has(ch)) {
      let k = stack.length - 1;
      while (k >= 0 && stack[k].close !== ch) k--;
      if (k >= 0) {
        const open = stack[k].index;
        stack.length = k;
        if (i - open <= rules.maxPairLength) out.push([open, i]);
        continue;
      }
    }
    const close = openers.get(ch);
    if (close !== undefined) stack.push({ index: i, close });
  }
  return out;
}

const inside = (pairs: [number, number][], at: number) => pairs.some(([open, close]) => open < at && at <= close);

function decide(rules: CompiledRules, sofar: string, rest: string): boolean {
  for (const rule of rules.rules) {
    if (!rule.before.test(sofar)) continue;
    if (rule.after && !rule.after.test(rest)) continue;
    return rule.break;
  }
  return false;
}

function push(out: Sentence[], text: string, from: number, to: number) {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}

/** The sentences of one paragraph, in order. An empty or blank text has none. */
export function splitSentences(text: string, lang: string): Sentence[] {
  const rules = sentenceRules(lang);
  const pairs = closedPairs(text, rules);
  const out: Sentence[] = [];
  let from = 0;
  for (const m of text.matchAll(CANDIDATE)) {
    const at = m.index + m[0].length;
    if (at >= text.length || (m[0] !== "\n" && inside(pairs, at))) continue;
    if (!decide(rules, text.slice(from, at), text.slice(at, at + LOOKAHEAD))) continue;
    push(out, text, from, at);
    from = at;
  }
  push(out, text, from, text.length);
  return out;
}
