// Which units are worth scoring for a text: those sharing its rarest words. A unit at 70 % shares
// most of the text's words, so it almost always has its rarest ones, and rare words have short
// lists: a handful of short lists instead of a million rows (bench/tm.ts measures both). Units are
// ranked by how many of the probed words they have; the best are scored exactly (score.ts).
import { cachedCounts } from "./frequency-cache";
import type { MemoryIndex } from "./fts5";
import { indexWords, type Tokens } from "./tokens";

export interface CandidateOptions {
  /** At most this many words of a text are looked up, rarest first. */
  probes: number;
  /**
   * Stop adding words once their lists hold this many units together (the two rarest always go);
   * also the most of one word's list that is read (its newest units).
   */
  maxPostings: number;
  /** How many units with the most shared words are kept per text. */
  perText: number;
}

export const DEFAULT_CANDIDATES: CandidateOptions = { probes: 6, maxPostings: 3_000, perText: 30 };

/** Always this many probes when a text has them, however common: one word alone ranks nothing. */
const MIN_PROBES = 2;

/** The words to look up for one text: its rarest ones that any unit has. */
function chooseProbes(words: string[], df: Map<string, number>, options: CandidateOptions): string[] {
  const known = [...new Set(words)]
    .filter((w) => (df.get(w) ?? 0) > 0)
    .sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1));
  const probes: string[] = [];
  let postings = 0;
  for (const w of known) {
    if (probes.length >= options.probes || (probes.length >= MIN_PROBES && postings + df.get(w)! > options.maxPostings))
      break;
    probes.push(w);
    postings += df.get(w)!;
  }
  return probes;
}

/**
 * For each text, the ids of the units that have the most of its probe words, best first: units of
 * every memory and language, to be filtered and scored by the caller, `perText` at a time (a few
 * times that many are ranked, for when other memories' units come first).
 */
export async function findCandidates(
  index: MemoryIndex,
  cacheKey: object,
  texts: Tokens[],
  options: CandidateOptions = DEFAULT_CANDIDATES,
  absent?: Set<string>,
): Promise<number[][]> {
  const wordsPerText = texts.map(indexWords);
  const words = [...new Set(wordsPerText.flat())];
  const df = await cachedCounts(cacheKey, "words", words, (missing) => index.wordFrequencies(missing), {
    absent,
  });
  const probes = wordsPerText.map((words) => chooseProbes(words, df, options));
  const wanted = probes.map((p, i) => ({ p, i })).filter(({ p }) => p.length > 0);
  const out: number[][] = texts.map(() => []);
  if (wanted.length === 0) return out;
  const ranked = await index.rankByWords(
    wanted.map((w) => w.p),
    options.maxPostings,
    options.perText * RANKED_ROUNDS,
  );
  wanted.forEach(({ i }, k) => {
    out[i] = ranked[k];
  });
  return out;
}

/** How many rounds of `perText` candidates a lookup may read when other memories' units come first. */
export const RANKED_ROUNDS = 4;
