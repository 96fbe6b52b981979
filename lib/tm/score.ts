// The match percentage of a memory unit for the text being translated. The formula, with worked
// examples, is docs/translation-memory.md ("The match percentage"); the tests in score.test.ts
// are those examples. Same inputs, same number: nothing here depends on time, order or locale.
import { distance } from "fastest-levenshtein";
import { normalizeText } from "./normalize";
import { replaceNumbers } from "./numbers";
import { NUMBER_PLACEHOLDER, type Tokens, tokenize } from "./tokens";

export type PenaltyReason = "case" | "punctuation" | "numbers" | "numbers_replaced" | "draft" | "other_document";

export interface Penalty {
  reason: PenaltyReason;
  points: number;
}

/** A text prepared for scoring once (the current sentence is scored against many units). */
export interface PreparedText {
  normalized: string;
  /** The normalised text in lower case, for the character-level similarity. */
  folded: string;
  tokens: Tokens;
}

/** What is being translated: the text and, for context matches, its neighbours' hashes. */
export interface ScoreSource extends PreparedText {
  /** contextHash() of the previous and next source text in reading order; undefined: not known. */
  prevHash?: string;
  nextHash?: string;
  /** The document being translated: a unit from another one costs a point. */
  documentId?: string | null;
}

export interface ScoreUnit {
  source: string;
  target: string;
  status: string;
  prevHash: string | null;
  nextHash: string | null;
  originDocumentId: string | null;
}

export interface MatchScore {
  /** 0–101: 101 a context match, 100 identical text (after normalisation), below 100 anything else. */
  score: number;
  /** Character-level similarity of the sources (0–1): orders matches with the same score. */
  similarity: number;
  exact: boolean;
  context: boolean;
  /** The target's numbers were replaced by the current source's (the sources differ only in numbers). */
  numbersReplaced: boolean;
  /** The target to offer: the unit's, or with its numbers replaced. */
  target: string;
  penalties: Penalty[];
}

export const PENALTY_POINTS: Record<PenaltyReason, number> = {
  case: 1,
  punctuation: 1,
  numbers: 2,
  numbers_replaced: 1,
  draft: 1,
  other_document: 1,
};

export function prepareText(text: string): PreparedText {
  const normalized = normalizeText(text);
  return { normalized, folded: normalized.toLowerCase(), tokens: tokenize(normalized) };
}

export function prepareSource(text: string, context: Omit<ScoreSource, keyof PreparedText> = {}): ScoreSource {
  return { ...prepareText(text), ...context };
}

/**
 * Each distinct word as one character (private-use first), so that a character edit distance
 * is a word edit distance. Never a surrogate: fastest-levenshtein counts UTF-16 code units.
 */
function encodeWords(a: string[], b: string[]): [string, string] {
  const codes = new Map<string, string>();
  const encode = (words: string[]) => {
    let out = "";
    for (const w of words) {
      let c = codes.get(w);
      if (c === undefined) {
        const i = codes.size;
        c = String.fromCharCode(i < 6400 ? 0xe000 + i : 0x4e00 + (i - 6400));
        codes.set(w, c);
      }
      out += c;
    }
    return out;
  };
  return [encode(a), encode(b)];
}

/**
 * ⌊100 × (1 − word edit distance / the longer text's word count)⌋, in integers so that no
 * floating-point residue turns 70 into 69.
 */
export function wordPercent(a: string[], b: string[]): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 100;
  const [ea, eb] = encodeWords(a, b);
  return Math.floor((100 * (longest - distance(ea, eb))) / longest);
}

/** Character-level similarity of two prepared sources (0–1), case folded: the tie-breaker. */
export function sourceSimilarity(a: PreparedText, b: PreparedText): number {
  const longest = Math.max(a.folded.length, b.folded.length);
  return longest === 0 ? 1 : 1 - distance(a.folded, b.folded) / longest;
}

/**
 * Whether a unit can reach `minScore` at all: the word counts bound the word-level percentage
 * (⌊100 × shorter / longer⌋), so most candidates are dismissed without an edit distance.
 */
export function mayReach(a: PreparedText, b: PreparedText, minScore: number): boolean {
  if (a.normalized === b.normalized) return true;
  const na = a.tokens.words.length;
  const nb = b.tokens.words.length;
  if (na === 0 || nb === 0) return false;
  return Math.floor((100 * Math.min(na, nb)) / Math.max(na, nb)) >= minScore;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Case and punctuation differences between texts with the same words (−1 each, at least −1 in all). */
function surfacePenalties(a: PreparedText, b: PreparedText, atLeastOne: boolean): Penalty[] {
  const out: Penalty[] = [];
  // The words are the same but for numbers (masked alike), so they line up one to one.
  const cased = a.tokens.raw.some((w, i) => w !== b.tokens.raw[i] && a.tokens.masked[i] !== NUMBER_PLACEHOLDER);
  if (cased) out.push({ reason: "case", points: PENALTY_POINTS.case });
  const punctuation = a.tokens.punctuation !== b.tokens.punctuation || a.tokens.apostrophes !== b.tokens.apostrophes;
  // Same words, same case, same punctuation, and yet not identical: only the spacing differs ("5 %" and "5%").
  if (punctuation || (atLeastOne && out.length === 0))
    out.push({ reason: "punctuation", points: PENALTY_POINTS.punctuation });
  return out;
}

const isDraft = (status: string) => status === "draft" || status === "new" || status === "rejected";

/** The match percentage and what it is made of; `withSimilarity` false leaves the tie-breaker at 0 (cheaper). */
export function scoreMatch(
  current: ScoreSource,
  unit: ScoreUnit,
  prepared: PreparedText = prepareText(unit.source),
  withSimilarity = true,
) {
  const a = current;
  const b = prepared;
  const penalties: Penalty[] = [];
  let base: number;
  let target = unit.target;
  let numbersReplaced = false;
  const exact = a.normalized === b.normalized;
  if (exact) {
    base = 100;
  } else if (a.tokens.words.length === 0 || b.tokens.words.length === 0) {
    // Punctuation or symbols only: identical or nothing (no "67 %" for "—" against "–").
    base = 0;
  } else if (sameList(a.tokens.masked, b.tokens.masked)) {
    if (sameList(a.tokens.numbers, b.tokens.numbers)) {
      base = 100;
      penalties.push(...surfacePenalties(a, b, true));
    } else {
      const replaced = replaceNumbers(unit.target, b.tokens.numbers, a.tokens.numbers);
      if (replaced !== null) {
        base = 100;
        target = replaced;
        numbersReplaced = true;
        penalties.push({ reason: "numbers_replaced", points: PENALTY_POINTS.numbers_replaced });
        penalties.push(...surfacePenalties(a, b, false));
      } else {
        base = wordPercent(a.tokens.words, b.tokens.words);
        penalties.push({ reason: "numbers", points: PENALTY_POINTS.numbers });
      }
    }
  } else {
    base = wordPercent(a.tokens.words, b.tokens.words);
    if (!sameList(a.tokens.numbers, b.tokens.numbers))
      penalties.push({ reason: "numbers", points: PENALTY_POINTS.numbers });
  }
  const context =
    exact &&
    a.prevHash !== undefined &&
    a.nextHash !== undefined &&
    unit.prevHash === a.prevHash &&
    unit.nextHash === a.nextHash;
  if (isDraft(unit.status)) penalties.push({ reason: "draft", points: PENALTY_POINTS.draft });
  // A context match is proof of place enough; otherwise a unit from elsewhere may have been right only there.
  if (!context && (a.documentId === undefined || unit.originDocumentId !== a.documentId))
    penalties.push({ reason: "other_document", points: PENALTY_POINTS.other_document });
  const lost = penalties.reduce((sum, p) => sum + p.points, 0);
  const score = Math.max(0, (context ? 101 : base) - lost);
  return {
    // Only identical text reaches 100, whatever the penalties say.
    score: exact ? score : Math.min(99, score),
    similarity: withSimilarity ? sourceSimilarity(a, b) : 0,
    exact,
    context,
    numbersReplaced,
    target,
    penalties,
  } satisfies MatchScore;
}

const STATUS_RANK: Record<string, number> = { approved: 4, reviewed: 3, translated: 2, draft: 1 };

/** Best first: score, then character similarity, then the better status, then the newer, then the id. */
export function compareMatches<T extends { match: MatchScore; unit: { status: string; updatedAt: Date; id: number } }>(
  x: T,
  y: T,
): number {
  return (
    y.match.score - x.match.score ||
    y.match.similarity - x.match.similarity ||
    (STATUS_RANK[y.unit.status] ?? 0) - (STATUS_RANK[x.unit.status] ?? 0) ||
    y.unit.updatedAt.getTime() - x.unit.updatedAt.getTime() ||
    x.unit.id - y.unit.id
  );
}
