// Which paragraph of the new source is which paragraph of the old one, so translations follow their
// text: first identical paragraphs in order (the longest common subsequence, diffArrays), then
// identical ones that moved, then changed ones, paired in order between the identical ones when their
// similarity (1 − edit distance / length of the longer) is at least 70 %. The rest are new (in the
// new source) or removed (from the old). Pure: no database.
import { diffArrays } from "diff";
import { distance } from "fastest-levenshtein";

export const SIMILARITY = 0.7;
/** How many unpaired old paragraphs ahead a changed one is looked for (keeps a rewrite from costing n²). */
export const LOOKAHEAD = 25;

export type Match =
  | { kind: "kept"; old: number }
  | { kind: "moved"; old: number }
  | { kind: "changed"; old: number; similarity: number }
  | { kind: "added" };

export interface Matching {
  /** For each paragraph of the new source, in order. */
  matches: Match[];
  /** Old paragraphs (indices) with no place in the new source. */
  removed: number[];
}

export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  // The distance is at least the difference in length: skip what cannot reach the threshold.
  if (Math.min(a.length, b.length) / longer < SIMILARITY) return 0;
  return 1 - distance(a, b) / longer;
}

export function matchParagraphs(oldTexts: readonly string[], newTexts: readonly string[]): Matching {
  const matches: (Match | null)[] = newTexts.map(() => null);
  const oldUsed = oldTexts.map(() => false);
  const identical = new Set<number>();
  // 1. Identical, in order.
  let i = 0;
  let j = 0;
  for (const part of diffArrays([...oldTexts], [...newTexts])) {
    const n = part.count ?? part.value.length;
    if (part.added) j += n;
    else if (part.removed) i += n;
    else {
      for (let k = 0; k < n; k++) {
        matches[j + k] = { kind: "kept", old: i + k };
        oldUsed[i + k] = true;
        identical.add(i + k);
      }
      i += n;
      j += n;
    }
  }
  // The identical pairs are the anchors: changed paragraphs are looked for between the same two.
  const anchorBefore = newTexts.map(() => -1);
  let lastOld = -1;
  for (let n = 0; n < newTexts.length; n++) {
    const m = matches[n];
    if (m?.kind === "kept") lastOld = m.old;
    anchorBefore[n] = lastOld;
  }
  // 2. Identical text elsewhere: moved.
  const freeByText = new Map<string, number[]>();
  oldTexts.forEach((text, o) => {
    if (!oldUsed[o]) freeByText.set(text, [...(freeByText.get(text) ?? []), o]);
  });
  for (let n = 0; n < newTexts.length; n++) {
    if (matches[n]) continue;
    const o = freeByText.get(newTexts[n])?.shift();
    if (o === undefined) continue;
    matches[n] = { kind: "moved", old: o };
    oldUsed[o] = true;
  }
  // 3. Changed, in order, within the gap between the same identical neighbours.
  let pointer = 0;
  let gap = -2;
  for (let n = 0; n < newTexts.length; n++) {
    if (matches[n]) continue;
    if (anchorBefore[n] !== gap) {
      gap = anchorBefore[n];
      pointer = gap + 1;
    }
    let best: { old: number; similarity: number } | null = null;
    let looked = 0;
    for (let o = pointer; o < oldTexts.length && looked < LOOKAHEAD; o++) {
      if (oldUsed[o]) {
        // An identical old paragraph ends this gap; moved ones are only stepped over.
        if (identical.has(o)) break;
        continue;
      }
      looked++;
      const s = similarity(oldTexts[o], newTexts[n]);
      if (s >= SIMILARITY && (!best || s > best.similarity)) best = { old: o, similarity: s };
    }
    if (best) {
      matches[n] = { kind: "changed", old: best.old, similarity: best.similarity };
      oldUsed[best.old] = true;
      pointer = best.old + 1;
    }
  }
  const removed = oldTexts.flatMap((_, o) => (oldUsed[o] ? [] : [o]));
  return { matches: matches.map((m) => m ?? { kind: "added" }), removed };
}

export interface MatchCounts {
  kept: number;
  changed: number;
  added: number;
  removed: number;
}

/** The preview's numbers: kept counts identical paragraphs, moved or not. */
export function countMatches(m: Matching): MatchCounts {
  const counts = { kept: 0, changed: 0, added: 0, removed: m.removed.length };
  for (const match of m.matches) {
    if (match.kind === "kept" || match.kind === "moved") counts.kept++;
    else counts[match.kind]++;
  }
  return counts;
}
