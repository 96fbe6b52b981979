// length: a target far longer or shorter than translations in this language pair usually are — a
// sentence left out, or one pasted twice. The usual ratio is learned from the document's or
// project's confirmed paragraphs once there are enough of them (settings.length.minSamples), and
// a documented default for the pair before that.
import { baseLang } from "../settings";
import type { Check, RawFinding } from "../types";

export interface LengthModel {
  /** Usual target/source length ratio (characters other than spaces). */
  ratio: number;
  /** How far off counts as "far" for a long source: a factor, e.g. 2 → below ratio/2 or above ratio×2. */
  factor: number;
  /** Confirmed paragraphs the model was learned from (0: the default). */
  samples: number;
  learned: boolean;
}

/** Sources shorter than this (headings, list labels) vary too much to judge. */
export const MIN_SOURCE_CHARS = 20;

/**
 * Default ratios by pair: measured on the hand-made translations of the demo document
 * (tests/fixtures/qa-demo.ts: English 1.05, Kazakh 1.05 the Ukrainian length); other pairs start from 1.
 */
export const DEFAULT_RATIOS: Record<string, number> = { "uk>en": 1.05, "en>uk": 0.95, "uk>kk": 1.05, "kk>uk": 0.95 };
export const DEFAULT_FACTOR = 2;

/** Characters other than white space. */
export function lengthOf(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009)) n++;
  }
  return n;
}

export function defaultLengthModel(sourceLang: string, targetLang: string): LengthModel {
  const ratio = DEFAULT_RATIOS[`${baseLang(sourceLang)}>${baseLang(targetLang)}`] ?? 1;
  return { ratio, factor: DEFAULT_FACTOR, samples: 0, learned: false };
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The usual ratio from confirmed pairs: the median of log ratios, and a band of four robust standard
 * deviations (1.4826 × median absolute deviation), kept between ×1.5 and ×3. Fewer than
 * `minSamples` usable pairs (source ≥ MIN_SOURCE_CHARS, target non-empty): the default model.
 */
export function buildLengthModel(
  pairs: Iterable<{ source: string; target: string }>,
  sourceLang: string,
  targetLang: string,
  minSamples: number,
): LengthModel {
  const logs: number[] = [];
  for (const { source, target } of pairs) {
    const s = lengthOf(source);
    const t = lengthOf(target);
    if (s >= MIN_SOURCE_CHARS && t > 0) logs.push(Math.log(t / s));
  }
  if (logs.length < minSamples) return defaultLengthModel(sourceLang, targetLang);
  logs.sort((a, b) => a - b);
  const center = median(logs);
  const mad = median(logs.map((l) => Math.abs(l - center)).sort((a, b) => a - b));
  const spread = Math.min(Math.log(3), Math.max(Math.log(1.5), 4 * 1.4826 * mad));
  return { ratio: Math.exp(center), factor: Math.exp(spread), samples: logs.length, learned: true };
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The length finding for one pair, if any (the check's logic, callable without a check context). */
export function lengthFindings(
  input: { source: string; target: string; sourceLang: string; targetLang: string },
  lengthModel: LengthModel | undefined,
): RawFinding[] {
  const s = lengthOf(input.source);
  const t = lengthOf(input.target);
  if (s < MIN_SOURCE_CHARS || t === 0) return [];
  const model = lengthModel ?? defaultLengthModel(input.sourceLang, input.targetLang);
  // Short sources vary more: widen the band (×1.75 at 20 characters, ×1.15 at 100).
  const factor = model.factor * (1 + 15 / s);
  const relative = t / s / model.ratio;
  if (relative > factor)
    return [{ messageKey: "qa.length.long", params: { times: round(relative, 1) }, key: "length:long" }];
  if (relative < 1 / factor)
    return [{ messageKey: "qa.length.short", params: { percent: Math.round(relative * 100) }, key: "length:short" }];
  return [];
}

export const length: Check = {
  code: "length",
  messageKeys: ["qa.length.long", "qa.length.short"],
  run: ({ input, lengthModel }) => lengthFindings(input, lengthModel),
};
