// The two terminology checks' core, for the QA checks: a source term none of whose allowed
// (preferred or admitted) translations appears in the target, in any inflected form; and a
// forbidden translation used in the target. Isomorphic, like recognition itself.
import type { SourceTermMatch, TargetTermMatch, TermIndex } from "./recognize";

export interface MissingTerm {
  /** The source term found in the paragraph. */
  source: SourceTermMatch;
  /** The translations the target was expected to use (preferred first). */
  expected: { term: string; status: "preferred" | "admitted" }[];
}

/** Per entry, how many non-overlapping places of the target use one of its allowed translations. */
function allowedCounts(hits: TargetTermMatch[]): Map<string, number> {
  const spans = new Map<string, TargetTermMatch[]>();
  for (const hit of hits) {
    if (hit.status === "forbidden") continue;
    const list = spans.get(hit.entryId);
    if (list) list.push(hit);
    else spans.set(hit.entryId, [hit]);
  }
  const counts = new Map<string, number>();
  for (const [entryId, list] of spans) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let count = 0;
    let end = -1;
    for (const hit of list) {
      if (hit.start < end) continue;
      count++;
      end = hit.end;
    }
    counts.set(entryId, count);
  }
  return counts;
}

export interface MissingOptions {
  /**
   * false (default): a term is missing when none of its translations occurs anywhere in the target.
   * true: each source occurrence needs its own target occurrence (twice in the source, twice in the target).
   */
  perOccurrence?: boolean;
  /** `index.findTargetAll(target, lang)` when the caller has it already (the QA checks do). */
  targetHits?: TargetTermMatch[];
}

/**
 * Source terms whose entry has allowed translations into `lang` none of which occurs in the target
 * (in any inflected form). Entries without an allowed translation into `lang` are not checked:
 * nothing is expected of the translator.
 */
export function missingTargetTerms(
  index: TermIndex,
  source: string,
  target: string,
  lang: string,
  options: MissingOptions = {},
): MissingTerm[] {
  const found = allowedCounts(options.targetHits ?? index.findTargetAll(target, lang));
  const seen = new Map<string, number>();
  const out: MissingTerm[] = [];
  for (const match of index.findSource(source)) {
    const expected = index
      .translationsOf(match.entryId, lang)
      .filter((t): t is typeof t & { status: "preferred" | "admitted" } => t.status !== "forbidden")
      .sort((a, b) => (a.status === b.status ? 0 : a.status === "preferred" ? -1 : 1))
      .map(({ term, status }) => ({ term, status }));
    if (expected.length === 0) continue;
    const n = (seen.get(match.entryId) ?? 0) + 1;
    seen.set(match.entryId, n);
    const needed = options.perOccurrence ? n : 1;
    if ((found.get(match.entryId) ?? 0) < needed) out.push({ source: match, expected });
  }
  return out;
}

/**
 * Forbidden translations used in the target, in any inflected form. Overlaps are resolved
 * longest-first, so a forbidden "служба" inside an allowed "державна служба" is not reported.
 */
export function forbiddenTargetTerms(index: TermIndex, target: string, lang: string): TargetTermMatch[] {
  return index.findTarget(target, lang).filter((hit) => hit.status === "forbidden");
}
