// Finds many terms at once in a text: each term is a sequence of word keys (stem-uk/-kk/-en), each
// distinct key is one private-use character, and modern-ahocorasick runs over the text's keys as a
// string of those characters. So one automaton matches whole stem sequences, in order, with every
// inflected form of each word, in one pass over the text — never one regular expression per term.
// Isomorphic: no Node-only imports (the editor runs it in the browser for the visible rows).
import AhoCorasick from "modern-ahocorasick";
import { foldWord, normalizeForm } from "./normalize";
import { wordKeysFor } from "./stem";
import { tokenize, type WordToken } from "./tokenize";

export interface TermSpan {
  /** Offsets into the searched text (UTF-16 code units, as String.slice counts). */
  start: number;
  end: number;
  /** text.slice(start, end): the term as the text writes it. */
  text: string;
}

export interface TermPattern<P> {
  /** The term as the glossary writes it: one or more words. */
  term: string;
  caseSensitive: boolean;
  /** What a match reports besides its span (the entry's id, a translation's status …). */
  payload: P;
}

export type TermHit<P> = TermSpan & P;

// Keys are characters of the supplementary private-use planes (15 and 16): 131,068 distinct words
// per language and side, far beyond a glossary's vocabulary. Every key is one code point, two
// UTF-16 units. Two more code points stand for "a word the glossary lacks" and "a sentence break".
const FIRST_KEY = 0xf0000;
const LAST_KEY = 0x10fffb;
const UNKNOWN = String.fromCodePoint(0x10fffc);
const BREAK = String.fromCodePoint(0x10fffd);
const MAX_SEEN_WORDS = 50_000;

interface CompiledPattern<P> {
  /** The term's words, normalised with case kept, for case-sensitive entries. */
  forms: string[];
  caseSensitive: boolean;
  payload: P;
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** A case-sensitive term's words match only words written with the same capitals where they overlap. */
function sameCase(termWord: string, textWord: string): boolean {
  const a = [...termWord];
  const b = [...textWord];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (isUpper(a[i]) !== isUpper(b[i])) return false;
  return true;
}

export class TermMatcher<P> {
  readonly lang: string;
  private readonly keys = new Map<string, string>();
  private readonly groups: CompiledPattern<P>[][] = [];
  private readonly automaton: AhoCorasick<number>;
  /** Each term's key sequence → its group; the longest term's word count. */
  private readonly groupOf: Map<string, number>;
  private longestTerm = 0;
  private readonly wordKeys;
  // A text word as written → its key character. Words repeat (Zipf): most lookups skip folding and
  // stemming. Bounded; emptied when full.
  private readonly seen = new Map<string, string>();

  /** Patterns whose term has no word (only punctuation) are skipped. */
  constructor(lang: string, patterns: Iterable<TermPattern<P>>) {
    this.lang = lang;
    this.wordKeys = wordKeysFor(lang);
    const groupOf = new Map<string, number>();
    for (const pattern of patterns) {
      const words = tokenize(pattern.term, lang).map((t) => t.text);
      if (words.length === 0) continue;
      let sequence = "";
      for (const word of words) sequence += this.keyChar(this.wordKeys.termKey(foldWord(word, lang)));
      let group = groupOf.get(sequence);
      if (group === undefined) {
        group = this.groups.length;
        groupOf.set(sequence, group);
        this.groups.push([]);
      }
      this.groups[group].push({
        forms: words.map(normalizeForm),
        caseSensitive: pattern.caseSensitive,
        payload: pattern.payload,
      });
    }
    this.automaton = new AhoCorasick([...groupOf].map(([pattern, data]) => ({ pattern, data })));
    this.groupOf = groupOf;
    for (const sequence of groupOf.keys()) this.longestTerm = Math.max(this.longestTerm, sequence.length / 2);
  }

  /** Distinct word keys known (the vocabulary size). */
  get vocabularySize(): number {
    return this.keys.size;
  }

  private keyChar(key: string): string {
    let ch = this.keys.get(key);
    if (ch === undefined) {
      const code = FIRST_KEY + this.keys.size;
      if (code > LAST_KEY) throw new RangeError("too many distinct words for one term index");
      ch = String.fromCodePoint(code);
      this.keys.set(key, ch);
    }
    return ch;
  }

  /** The text's words as key characters: each word takes its first reading the glossary knows. */
  private encode(tokens: WordToken[]): { encoded: string; tokenAt: Int32Array } {
    let encoded = "";
    // tokenAt[offset in encoded] = index of the word whose key starts there (-1 for a break).
    const tokenAt = new Int32Array(tokens.length * 4 + 2);
    tokens.forEach((token, i) => {
      if (token.breakBefore && i > 0) {
        tokenAt[encoded.length] = -1;
        encoded += BREAK;
      }
      tokenAt[encoded.length] = i;
      encoded += this.textChar(token.text);
    });
    return { encoded, tokenAt };
  }

  private textChar(word: string): string {
    let ch = this.seen.get(word);
    if (ch !== undefined) return ch;
    ch = UNKNOWN;
    for (const key of this.wordKeys.textKeys(foldWord(word, this.lang))) {
      const known = this.keys.get(key);
      if (known !== undefined) {
        ch = known;
        break;
      }
    }
    if (this.seen.size >= MAX_SEEN_WORDS) this.seen.clear();
    this.seen.set(word, ch);
    return ch;
  }

  /**
   * Matches in one run of known keys. A short run (the usual: one to a few glossary words between
   * unknown ones) is looked up by its sub-sequences, each a map lookup; a long one goes to the
   * automaton, which walks its input grapheme by grapheme (Intl.Segmenter) and so costs more per call.
   */
  private search(run: string): { start: number; end: number; data?: number }[] {
    const keys = run.length / 2;
    if (keys > SHORT_RUN) return this.automaton.search(run);
    const out: { start: number; end: number; data: number }[] = [];
    for (let first = 0; first < keys; first++)
      for (let last = first; last < keys && last - first < this.longestTerm; last++) {
        const group = this.groupOf.get(run.slice(first * 2, last * 2 + 2));
        if (group !== undefined) out.push({ start: first * 2, end: last * 2 + 2, data: group });
      }
    return out;
  }

  /** Every occurrence of every term, overlapping ones included, in no particular order. */
  findAll(text: string): TermHit<P>[] {
    const tokens = tokenize(text, this.lang);
    if (tokens.length === 0 || this.groups.length === 0) return [];
    const { encoded, tokenAt } = this.encode(tokens);
    const hits: TermHit<P>[] = [];
    for (const [offset, run] of knownRuns(encoded))
      for (const match of this.search(run)) {
        const first = tokenAt[offset + match.start];
        // The last key starts two units before the end.
        const last = tokenAt[offset + match.end - 2];
        const start = tokens[first].start;
        const end = tokens[last].end;
        for (const pattern of this.groups[match.data!]) {
          if (
            pattern.caseSensitive &&
            !pattern.forms.every((f, k) => sameCase(f, normalizeForm(tokens[first + k].text)))
          )
            continue;
          hits.push({ ...pattern.payload, start, end, text: text.slice(start, end) });
        }
      }
    return hits;
  }

  /**
   * Occurrences without overlaps, longest first: where terms overlap ("державна служба" and
   * "служба"), the longer one (in characters) wins, then the earlier. Entries
   * with exactly the same span are all kept (the same term in two glossaries). Sorted by start.
   */
  find(text: string): TermHit<P>[] {
    return longestFirst(this.findAll(text));
  }
}

/** Runs of up to this many known words are matched by lookups, longer ones by the automaton. */
const SHORT_RUN = 12;
const UNKNOWN_CODE = UNKNOWN.codePointAt(0);
const BREAK_CODE = BREAK.codePointAt(0);

/**
 * The stretches of an encoded text between unknown words and sentence breaks, with their offsets:
 * no term spans either, so only these are searched. Most words of a paragraph are not in the
 * glossary; searching the whole paragraph was most of the cost of recognising terms in a document.
 * Every key is two UTF-16 units.
 */
function* knownRuns(encoded: string): Generator<[number, string]> {
  let runStart = 0;
  for (let i = 0; i <= encoded.length; i += 2) {
    const code = i < encoded.length ? encoded.codePointAt(i) : UNKNOWN_CODE;
    if (code !== UNKNOWN_CODE && code !== BREAK_CODE) continue;
    if (i > runStart) yield [runStart, encoded.slice(runStart, i)];
    runStart = i + 2;
  }
}

/** Overlapping spans resolved longest-first; every hit of a chosen span kept; sorted by position. */
export function longestFirst<H extends TermSpan>(hits: H[]): H[] {
  if (hits.length <= 1) return hits;
  const spans = new Map<string, H[]>();
  for (const hit of hits) {
    const key = `${hit.start}:${hit.end}`;
    const list = spans.get(key);
    if (list) list.push(hit);
    else spans.set(key, [hit]);
  }
  const ordered = [...spans.values()].sort((a, b) => {
    const x = a[0];
    const y = b[0];
    return y.end - y.start - (x.end - x.start) || x.start - y.start;
  });
  const taken: TermSpan[] = [];
  const out: H[] = [];
  for (const group of ordered) {
    const { start, end } = group[0];
    if (taken.some((t) => start < t.end && t.start < end)) continue;
    taken.push(group[0]);
    out.push(...group);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
