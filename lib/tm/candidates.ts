// Which units are worth scoring for a text: those sharing its rarest words. A unit at 70 % shares
// most of the text's words, so it almost always has its rarest ones, and rare words have short
// lists: a handful of short lists instead of a million rows (bench/tm.ts measures both). Units are
// ranked by how many of the probed words they have; the best are scored exactly (score.ts).
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

// Word frequencies change slowly and only steer the choice: kept per database for a while.
const FREQUENCY_TTL_MS = 10 * 60_000;
const MAX_CACHED_WORDS = 200_000;
const frequencyCaches = new WeakMap<object, Map<string, { df: number; at: number }>>();

async function frequencies(index: MemoryIndex, cacheKey: object, words: string[]): Promise<Map<string, number>> {
  let cache = frequencyCaches.get(cacheKey);
  if (!cache) {
    cache = new Map();
    frequencyCaches.set(cacheKey, cache);
  }
  const now = Date.now();
  const out = new Map<string, number>();
  const missing: string[] = [];
  for (const w of words) {
    const hit = cache.get(w);
    if (hit && now - hit.at < FREQUENCY_TTL_MS) out.set(w, hit.df);
    else missing.push(w);
  }
  if (missing.length > 0) {
    for (const [w, df] of await index.wordFrequencies(missing)) {
      out.set(w, df);
      // A word no unit has yet may be in the next one confirmed: only known words are kept.
      if (df === 0) continue;
      cache.delete(w);
      cache.set(w, { df, at: now });
      if (cache.size > MAX_CACHED_WORDS) cache.delete(cache.keys().next().value as string);
    }
  }
  return out;
}

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
): Promise<number[][]> {
  const wordsPerText = texts.map(indexWords);
  const df = await frequencies(index, cacheKey, [...new Set(wordsPerText.flat())]);
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
