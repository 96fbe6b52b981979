// TBX administrativeStatus (TBX-Basic v3 picklist, and the short and older forms v2 files use)
// ↔ our preferred / admitted / forbidden. docs/terminology.md lists the mapping.
import type { PartOfSpeech, TermStatus } from "../types";

const STATUS_IN: Record<string, TermStatus> = {
  preferred: "preferred",
  "preferredterm-admn-sts": "preferred",
  preferredterm: "preferred",
  standardizedterm: "preferred",
  "standardizedterm-admn-sts": "preferred",
  admitted: "admitted",
  "admittedterm-admn-sts": "admitted",
  admittedterm: "admitted",
  forbidden: "forbidden",
  "deprecatedterm-admn-sts": "forbidden",
  deprecatedterm: "forbidden",
  deprecated: "forbidden",
  "supersededterm-admn-sts": "forbidden",
  supersededterm: "forbidden",
  superseded: "forbidden",
  notrecommended: "forbidden",
  obsolete: "forbidden",
};

/** Our status for a file's value; an empty value is preferred; an unknown one is null. */
export function statusFromFile(value: string | undefined): TermStatus | null {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "") return "preferred";
  return STATUS_IN[v] ?? null;
}

export const STATUS_OUT: Record<TermStatus, string> = {
  preferred: "preferredTerm-admn-sts",
  admitted: "admittedTerm-admn-sts",
  forbidden: "deprecatedTerm-admn-sts",
};

const POS_IN: Record<string, PartOfSpeech> = {
  noun: "noun",
  propernoun: "noun",
  verb: "verb",
  adjective: "adjective",
  adverb: "adverb",
  other: "other",
};

/** TBX-Basic's picklist; richer picklists (TBX-Default "properNoun", "pronoun") fold into it. */
export function partOfSpeechFromFile(value: string | undefined): PartOfSpeech | null {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "") return null;
  return POS_IN[v] ?? "other";
}
