// Our statuses in the vocabulary of each XLIFF version (docs/exchange.md, "Statuses"). The exact
// status always travels beside these values; they are what other tools understand.
import type { TranslationStatus } from "../../segments/status";
import type { TranslationOrigin } from "../../translations/origin";

/** The prefix of our XLIFF 2 extension values and attributes, and its namespace. */
export const PRL_PREFIX = "prl";
export const PRL_NAMESPACE = "urn:parallel:exchange:1";

export const xliff12State: Record<TranslationStatus, { state: string; qualifier?: string }> = {
  new: { state: "new" },
  draft: { state: "needs-translation" },
  translated: { state: "translated" },
  reviewed: { state: "signed-off" },
  approved: { state: "final" },
  rejected: { state: "needs-translation", qualifier: "rejected-inaccurate" },
};

/**
 * XLIFF 1.2 `state-qualifier` of a filled text nobody has edited: an identical source (100 %, 101 %,
 * a repetition) is `exact-match`, a lower one `fuzzy-match`; edited or typed text has none.
 */
export function xliff12OriginQualifier(origin: TranslationOrigin | null): string | undefined {
  if (!origin || origin.edited) return undefined;
  return origin.kind === "repetition" || origin.score >= 100 ? "exact-match" : "fuzzy-match";
}

export const xliff20State: Record<TranslationStatus, "initial" | "translated" | "reviewed" | "final"> = {
  new: "initial",
  draft: "initial",
  translated: "translated",
  reviewed: "reviewed",
  approved: "final",
  rejected: "initial",
};

/** XLIFF 2 `subState`: our exact status as a prefixed value. */
export const xliff20SubState = (status: TranslationStatus) => `${PRL_PREFIX}:${status}`;

/** TMX dates: YYYYMMDDThhmmssZ (seconds; the exact ISO date travels in a prop). */
export function tmxDate(iso: string): string {
  return `${iso.slice(0, 19).replace(/[-:]/g, "")}Z`;
}
