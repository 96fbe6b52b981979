// What a change of many paragraphs (a source update) did to a document's order of rows, as an open
// editor needs it to follow in place (ParagraphChanges, lib/live/events.ts): the rows gone, and the
// rows to read again — those whose text or kind changed, the new ones, and the fewest kept rows whose
// moves explain the new order (every row not named keeps its order relative to the others, so the
// editor puts the rows it reads at their new positions and leaves the rest as they are).
import { MAX_LISTED_SEGMENTS, type ParagraphChanges } from "../live/events";

/**
 * The rows of `after` that keep their order of `before`: a longest increasing subsequence of their
 * old places (patience sorting, O(n log n)), so the rows named as moved are as few as can be.
 */
function inOrder(before: readonly string[], after: readonly string[]): Set<string> {
  const oldPlace = new Map(before.map((id, i) => [id, i]));
  const kept = after.filter((id) => oldPlace.has(id));
  const tails: number[] = []; // tails[k]: index into kept of the smallest tail of a run of length k + 1
  const previous = new Array<number>(kept.length).fill(-1);
  for (let i = 0; i < kept.length; i++) {
    const place = oldPlace.get(kept[i]) as number;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((oldPlace.get(kept[tails[mid]]) as number) < place) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const stay = new Set<string>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) stay.add(kept[i]);
  return stay;
}

/**
 * The change from `before` to `after` (both in document order), with `touched` (rows kept whose text,
 * kind or translations changed) read again too; undefined when it names more than MAX_LISTED_SEGMENTS
 * rows: an editor then offers a reload rather than reading half the document row by row.
 */
export function paragraphChanges(
  before: readonly string[],
  after: readonly string[],
  touched: Iterable<string>,
  structureVersion: number,
): ParagraphChanges | undefined {
  const now = new Set(after);
  const removed = before.filter((id) => !now.has(id));
  const stay = inOrder(before, after);
  const again = new Set(touched);
  const read = after.filter((id) => !stay.has(id) || again.has(id));
  if (read.length + removed.length > MAX_LISTED_SEGMENTS) return undefined;
  return { read, removed, structureVersion };
}
