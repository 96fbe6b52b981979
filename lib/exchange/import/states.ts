// Statuses from a file: our exact status when the file carries it (docs/exchange.md), else the
// inverse of the standard states other tools write.
import { type SegmentKind, segmentKinds } from "../../segments/kinds";
import { type TranslationStatus, translationStatuses } from "../../segments/status";

/** Our kind from an XLIFF restype/type; a value of another tool's is a paragraph. */
export function kindFrom(value: string | undefined): SegmentKind {
  return value && (segmentKinds as readonly string[]).includes(value) ? (value as SegmentKind) : "paragraph";
}

export function exactStatus(value: string | null | undefined): TranslationStatus | null {
  const v = value?.trim().replace(/^prl:/, "");
  return v && (translationStatuses as readonly string[]).includes(v) ? (v as TranslationStatus) : null;
}

/** An unknown exact status is kept as written, so check-units refuses it with the unit named. */
export function statusOrRaw(value: string): TranslationStatus {
  return (exactStatus(value) ?? value.trim()) as TranslationStatus;
}

/** XLIFF 1.2 `state` (+ `state-qualifier`, `approved`). */
export function fromXliff12State(
  state: string | undefined,
  qualifier: string | undefined,
  approved: boolean,
  text: string,
): TranslationStatus {
  if (approved) return "approved";
  switch (state) {
    case "new":
      return "new";
    case "needs-translation":
      return qualifier?.startsWith("rejected-") ? "rejected" : "draft";
    case "signed-off":
      return "reviewed";
    case "final":
      return "approved";
    case undefined:
      return text === "" ? "new" : "translated";
    default:
      // translated, needs-review-*, needs-*l10n, needs-adaptation and x- values
      return "translated";
  }
}

/** XLIFF 2.0 `state`. */
export function fromXliff20State(state: string | undefined, text: string): TranslationStatus {
  switch (state) {
    case "translated":
      return "translated";
    case "reviewed":
      return "reviewed";
    case "final":
      return "approved";
    default:
      return text === "" ? "new" : "draft";
  }
}
