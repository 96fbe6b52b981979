// Anchors of notes on a span of text, as the W3C Web Annotation model has them: the quoted words,
// some characters before and after them (TextQuoteSelector's prefix/suffix), and where they were
// (TextPositionSelector, a hint). When the text changes, the span is found again by the nearest
// fuzzy match of quote and context (diff-match-patch's match_main, plus a character diff for
// edits inside the span). Plain TypeScript with no Node-only import: the server's save and the
// editor's live highlighting use the same functions, so both always agree.
import {
  cleanupSemantic,
  DIFF_DELETE,
  DIFF_EQUAL,
  DIFF_INSERT,
  type Diff,
  makeDiff,
  match,
} from "@sanity/diff-match-patch";

/** Characters of context kept on each side; also the longest pattern match_main (bitap) takes. */
export const CONTEXT_CHARS = 32;

export interface Anchor {
  start: number;
  end: number;
  /** The words the note was made on. */
  text: string;
  /** Up to CONTEXT_CHARS characters just before the words ("" at the start of the text); null when not known. */
  prefix?: string | null;
  /** Up to CONTEXT_CHARS characters just after them ("" at the end); null when not known. */
  suffix?: string | null;
}

export type FullAnchor = Required<{ [K in keyof Anchor]: NonNullable<Anchor[K]> }>;

/** The anchor of [start, end) in `text`: offsets, quote and context. */
export function anchorAt(text: string, start: number, end: number): FullAnchor {
  return {
    start,
    end,
    text: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

// A context this similar (0–1) to the stored one counts as "the same surroundings".
const SAME_CONTEXT = 0.5;
// At least this share of the quoted characters must survive for an edited span to be the same span.
const SURVIVING_QUOTE = 0.5;
// Candidates tried at most: a one-letter quote in a long paragraph has many occurrences.
const MAX_CANDIDATES = 40;

const lengthOf = (diffs: Diff[], op: number) => diffs.reduce((n, [o, s]) => (o === op ? n + s.length : n), 0);

/** Length of the longest common subsequence of two short strings (one row of the table at a time). */
function commonLength(a: string, b: string): number {
  let previous = new Uint16Array(b.length + 1);
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      row[j] = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? previous[j - 1] + 1 : Math.max(previous[j], row[j - 1]);
    }
    [previous, row] = [row, previous];
  }
  return previous[b.length];
}

/** How alike two short strings are: 2 × shared characters / both lengths (1 = equal). */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * commonLength(a, b)) / (a.length + b.length);
}

/**
 * How alike the stored context is to the text beside a candidate, the characters nearest the quote
 * weighing most: the mean similarity of the nearest 8, 16 and 32 characters. (Compared whole, the
 * short prefix of a phrase near the start of the text would also fit a later occurrence.)
 */
function contextSimilarity(stored: string, actual: string, side: "before" | "after"): number {
  const near = (s: string, k: number) => (side === "before" ? s.slice(-k) : s.slice(0, k));
  const sizes = [8, 16, CONTEXT_CHARS];
  return sizes.reduce((sum, k) => sum + similarity(near(stored, k), near(actual, k)), 0) / sizes.length;
}

interface Candidate {
  start: number;
  end: number;
  score: number;
}

/**
 * Scores [start, end) as the place of the quote. Text inserted right at either edge is left outside
 * the span (typing before the words is not typing inside them); an edit inside the span keeps it.
 * Null when too little of the quote is left there or the surroundings differ.
 */
function score(text: string, anchor: Anchor, start: number, end: number): Candidate | null {
  let s = start;
  let e = end;
  const quote = anchor.text;
  let surviving = quote.length;
  let quoteSim = 1;
  const region = text.slice(s, e);
  if (region !== quote) {
    if (region.length > 4 * quote.length + 2 * CONTEXT_CHARS) return null;
    const diffs = cleanupSemantic(makeDiff(quote, region));
    // Pure insertions at the edges (nothing of the quote replaced there) stay outside.
    if (diffs.length > 1 && diffs[0][0] === DIFF_INSERT && diffs[1][0] === DIFF_EQUAL) s += diffs.shift()![1].length;
    const last = diffs.length - 1;
    if (last > 0 && diffs[last][0] === DIFF_INSERT && diffs[last - 1][0] === DIFF_EQUAL) e -= diffs.pop()![1].length;
    surviving = lengthOf(diffs, DIFF_EQUAL);
    if (surviving < SURVIVING_QUOTE * quote.length || e <= s) return null;
    const coverage = surviving / quote.length;
    const precision = surviving / (e - s);
    quoteSim = 0.75 * coverage + 0.25 * precision;
    if (lengthOf(diffs, DIFF_DELETE) === 0 && lengthOf(diffs, DIFF_INSERT) === 0) quoteSim = 1;
  }
  const known = anchor.prefix != null && anchor.suffix != null;
  const before = known
    ? contextSimilarity(anchor.prefix!, text.slice(Math.max(0, s - CONTEXT_CHARS), s), "before")
    : 0.5;
  const after = known ? contextSimilarity(anchor.suffix!, text.slice(e, e + CONTEXT_CHARS), "after") : 0.5;
  if (quoteSim < 1) {
    // A changed quote is only the same span where both its surroundings are (and known).
    if (!known || before < SAME_CONTEXT || after < SAME_CONTEXT) return null;
  } else if (known && Math.max(before, after) < SAME_CONTEXT) {
    // The same words in other surroundings are other words (the later occurrence of a phrase).
    return null;
  }
  const nearness = 1 - Math.min(1, Math.abs(s - anchor.start) / Math.max(1, text.length));
  return { start: s, end: e, score: 50 * quoteSim + 20 * before + 20 * after + 2 * nearness };
}

/** Offsets of every exact occurrence of `needle`, nearest to `near` first, at most `limit`. */
function occurrences(text: string, needle: string, near: number, limit = MAX_CANDIDATES): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push(i);
  return found.sort((a, b) => Math.abs(a - near) - Math.abs(b - near)).slice(0, limit);
}

/** Where `pattern` (≤ CONTEXT_CHARS) is in `text` nearest `near`: exactly if it is there, else fuzzily; -1 if not. */
function locate(text: string, pattern: string, near: number): number {
  const exact = occurrences(text, pattern, near, 1);
  if (exact.length > 0) return exact[0];
  return match(text, pattern, Math.max(0, near), { threshold: 0.4, distance: Math.max(1000, text.length) });
}

/** The span between the stored surroundings, found again: where an edit inside the words left them. */
function betweenContext(text: string, anchor: Anchor): [number, number] | null {
  if (anchor.prefix == null || anchor.suffix == null) return null;
  const head = anchor.prefix.slice(-CONTEXT_CHARS);
  const at = head ? locate(text, head, anchor.start - head.length) : 0;
  if (at < 0) return null;
  const from = at + head.length;
  const tail = anchor.suffix.slice(0, CONTEXT_CHARS);
  if (!tail) return [from, text.length];
  const rest = text.slice(from);
  const to = locate(rest, tail, anchor.text.length);
  return to < 0 ? null : [from, from + to];
}

/** The quote found fuzzily (its first and last CONTEXT_CHARS characters) near where it was. */
function fuzzyQuote(text: string, anchor: Anchor): [number, number] | null {
  const quote = anchor.text;
  const head = quote.slice(0, CONTEXT_CHARS);
  const from = match(text, head, anchor.start, { threshold: 0.4, distance: Math.max(1000, text.length) });
  if (from < 0) return null;
  if (quote.length <= CONTEXT_CHARS) return [from, Math.min(text.length, from + quote.length)];
  const tail = quote.slice(-CONTEXT_CHARS);
  const to = match(text, tail, from + quote.length - tail.length, { threshold: 0.4, distance: 1000 });
  return to < from ? null : [from, to + tail.length];
}

/**
 * Where an anchored span is in `text` now: where it was if the words and their surroundings are
 * still there; else the best of the quote's exact occurrences in the same surroundings, the span
 * between the surroundings (an edit inside the words), and a fuzzy match of the quote near where it
 * was. Null when the words are gone: the note then says "text changed" rather than point at other
 * words. Anchors without context (made before it was stored) follow the nearest exact occurrence.
 */
export function reanchor(text: string, anchor: Anchor): { start: number; end: number } | null {
  const quote = anchor.text;
  if (!quote) return null;
  const known = anchor.prefix != null && anchor.suffix != null;
  if (text.slice(anchor.start, anchor.end) === quote) {
    if (!known) return { start: anchor.start, end: anchor.end };
    const inPlace = score(text, anchor, anchor.start, anchor.end);
    if (inPlace && inPlace.score >= 50 + 20 + 20) return { start: anchor.start, end: anchor.end };
  }
  const spans: [number, number][] = occurrences(text, quote, anchor.start).map((i) => [i, i + quote.length]);
  const between = betweenContext(text, anchor);
  if (between) spans.push(between);
  const fuzzy = known ? fuzzyQuote(text, anchor) : null;
  if (fuzzy) spans.push(fuzzy);
  let best: Candidate | null = null;
  for (const [start, end] of spans) {
    const candidate = score(text, anchor, start, end);
    if (candidate && (!best || candidate.score > best.score)) best = candidate;
  }
  return best && { start: best.start, end: best.end };
}

/** The anchor as it is in `text` now (offsets, quote and context renewed), or null when its words are gone. */
export function followAnchor(text: string, anchor: Anchor): FullAnchor | null {
  const at = reanchor(text, anchor);
  return at && anchorAt(text, at.start, at.end);
}

export interface Span {
  start: number;
  end: number;
  id: string;
}

/** Cuts text into pieces, each marked with the ids of the spans covering it (spans may overlap). */
export function splitBySpans(text: string, spans: Span[]): { text: string; ids: string[] }[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: { text: string; ids: string[] }[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    if (from === to) continue;
    pieces.push({
      text: text.slice(from, to),
      ids: spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.id),
    });
  }
  return pieces;
}
