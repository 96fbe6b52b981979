// Which target sentences translate which source sentences of one paragraph. The same number of
// sentences on both sides pairs them in order. Otherwise Gale and Church's length-based alignment
// (1993): a translation's length in characters is roughly proportional to its source's, so the
// alignment that best explains the lengths, with 1–1 beads far likelier than 2–1, 1–2, 2–2 or an
// unmatched sentence, is found by dynamic programming; forward–backward gives each bead's
// posterior probability, its confidence. Only confident one-to-one beads become memory units.

export interface AlignedPair {
  /** Indexes of the source and target sentences, in order (one or two each). */
  source: number[];
  target: number[];
  /** The posterior probability of this bead (1 when the counts are equal). */
  confidence: number;
}

/** A bead is written to the memory only if at least this likely. */
export const MIN_CONFIDENCE = 0.9;

// Prior probabilities of each bead shape (Gale & Church, as NLTK's gale_church uses them).
const BEADS: { ds: number; dt: number; prior: number }[] = [
  { ds: 1, dt: 1, prior: 0.89 },
  { ds: 1, dt: 0, prior: 0.0099 },
  { ds: 0, dt: 1, prior: 0.0099 },
  { ds: 2, dt: 1, prior: 0.089 },
  { ds: 1, dt: 2, prior: 0.089 },
  { ds: 2, dt: 2, prior: 0.011 },
];
/** Variance of the target length per source character (Gale & Church's s²). */
const VARIANCE = 6.8;

/** The standard normal distribution function (Abramowitz & Stegun 26.2.17, error < 7.5e-8). */
function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  const tail =
    density * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - tail : tail;
}

/** log P(lengths | bead) · P(bead), for a bead of `ls` source and `lt` target characters. */
function logBead(ls: number, lt: number, ratio: number, prior: number): number {
  const mean = (ls + lt / ratio) / 2;
  const z = mean === 0 ? 0 : (ratio * ls - lt) / Math.sqrt(VARIANCE * mean);
  const pLength = Math.max(2 * (1 - normalCdf(Math.abs(z))), 1e-300);
  return Math.log(prior) + Math.log(pLength);
}

function logAdd(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  const max = Math.max(a, b);
  return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);
const grid = (n: number, m: number, value: number) => Array.from({ length: n + 1 }, () => new Array(m + 1).fill(value));

/** Pairs of sentence indexes, with each pair's confidence. Lengths are in characters (white space not counted). */
export function alignSentences(source: string[], target: string[]): AlignedPair[] {
  const n = source.length;
  const m = target.length;
  if (n === m) return source.map((_, i) => ({ source: [i], target: [i], confidence: 1 }));
  if (n === 0 || m === 0) return [];
  const ls = source.map((s) => s.replace(/\s/g, "").length);
  const lt = target.map((s) => s.replace(/\s/g, "").length);
  const total = (l: number[]) => l.reduce((a, b) => a + b, 0);
  // The paragraph's own length ratio: English and Kazakh differ from Ukrainian in their own way.
  const ratio = total(lt) / Math.max(1, total(ls)) || 1;
  const span = (l: number[], from: number, count: number) => total(l.slice(from, from + count));
  const bead = (i: number, j: number, b: (typeof BEADS)[number]) =>
    logBead(span(ls, i, b.ds), span(lt, j, b.dt), ratio, b.prior);

  // Forward (sum: α, and max: the best path) and backward (β) in log space.
  const alpha = grid(n, m, Number.NEGATIVE_INFINITY);
  const best = grid(n, m, Number.NEGATIVE_INFINITY);
  const back: ((typeof BEADS)[number] | null)[][] = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(null));
  alpha[0][0] = 0;
  best[0][0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      for (const b of BEADS) {
        const pi = i - b.ds;
        const pj = j - b.dt;
        if (pi < 0 || pj < 0 || alpha[pi][pj] === Number.NEGATIVE_INFINITY) continue;
        const p = bead(pi, pj, b);
        alpha[i][j] = logAdd(alpha[i][j], alpha[pi][pj] + p);
        if (best[pi][pj] + p > best[i][j]) {
          best[i][j] = best[pi][pj] + p;
          back[i][j] = b;
        }
      }
    }
  }
  const beta = grid(n, m, Number.NEGATIVE_INFINITY);
  beta[n][m] = 0;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      for (const b of BEADS) {
        const ni = i + b.ds;
        const nj = j + b.dt;
        if (ni > n || nj > m || beta[ni][nj] === Number.NEGATIVE_INFINITY) continue;
        beta[i][j] = logAdd(beta[i][j], bead(i, j, b) + beta[ni][nj]);
      }
    }
  }
  const pairs: AlignedPair[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const b = back[i][j]!;
    const pi = i - b.ds;
    const pj = j - b.dt;
    const confidence = Math.exp(alpha[pi][pj] + bead(pi, pj, b) + beta[i][j] - alpha[n][m]);
    pairs.unshift({ source: range(pi, b.ds), target: range(pj, b.dt), confidence: Math.min(1, confidence) });
    i = pi;
    j = pj;
  }
  return pairs;
}

/**
 * The pairs that may become sentence units: one sentence on each side, and confident. A 2–1 or 1–2
 * bead is not written: lengths alone are the model, and they are most often wrong exactly where a
 * translator merged, split or added sentences (a whole extra sentence reads to it as a 1–2 bead).
 */
export function confidentPairs(pairs: AlignedPair[]): AlignedPair[] {
  return pairs.filter((p) => p.source.length === 1 && p.target.length === 1 && p.confidence >= MIN_CONFIDENCE);
}
