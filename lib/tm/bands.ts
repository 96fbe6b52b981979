// The analysis bands Trados and MateCat users quote and pay by, and the weights that price them.
import { z } from "zod";
import { type Band, bands } from "./band-list";

export { type Band, bands };

/** How a band is written in a CSV or JSON analysis: the percentages translators know. */
export const BAND_LABELS: Record<Band, string> = {
  repetitions: "Repetitions",
  context: "101%",
  exact: "100%",
  "95-99": "95–99%",
  "85-94": "85–94%",
  "75-84": "75–84%",
  "50-74": "50–74%",
  none: "No match",
};

/** The band of a match percentage (null: no match at all). */
export function bandOf(score: number | null): Exclude<Band, "repetitions"> {
  if (score === null) return "none";
  if (score >= 101) return "context";
  if (score >= 100) return "exact";
  if (score >= 95) return "95-99";
  if (score >= 85) return "85-94";
  if (score >= 75) return "75-84";
  if (score >= 50) return "50-74";
  return "none";
}

/** Per band, the share of a new word's price, in percent: a common agency grid. */
export const DEFAULT_WEIGHTS: Record<Band, number> = {
  repetitions: 30,
  context: 0,
  exact: 30,
  "95-99": 50,
  "85-94": 60,
  "75-84": 70,
  "50-74": 100,
  none: 100,
};

const Weight = z.number().min(0).max(100);
export const AnalysisWeights = z.object(
  Object.fromEntries(bands.map((b) => [b, Weight])) as Record<Band, typeof Weight>,
);
export type AnalysisWeights = z.infer<typeof AnalysisWeights>;
