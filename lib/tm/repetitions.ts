// Repetitions inside one document: a paragraph (or sentence) whose normalised source appears again.
// Analysis counts later occurrences apart (bands.ts); confirming one occurrence fills the others
// still open, as drafts marked "repetition" (propagate.ts writes them; a project setting turns it off).
import { normalizedHash, normalizeText } from "./normalize";

export interface RepetitionFill {
  segmentId: string;
  /** The confirmed occurrence, whose translation is copied. */
  fromSegmentId: string;
  text: string;
  status: "draft";
}

/** For each paragraph repeating an earlier one, the id of its first occurrence. */
export function repeatedParagraphs(paragraphs: { id: string; source: string }[]): Map<string, string> {
  const first = new Map<string, string>();
  const out = new Map<string, string>();
  for (const p of paragraphs) {
    const normalized = normalizeText(p.source);
    if (normalized === "") continue;
    const hash = normalizedHash(normalized);
    const earlier = first.get(hash);
    if (earlier) out.set(p.id, earlier);
    else first.set(hash, p.id);
  }
  return out;
}

/** A paragraph of the same document with the same source as a confirmed one, and its translation. */
export interface RepetitionCandidate {
  segmentId: string;
  source: string;
  translation: {
    id: string;
    text: string;
    status: string;
    version: number;
    origin: string | null;
    originEdited: boolean;
  } | null;
}

/**
 * May a repetition be written over this translation? Only where no person's work is: an empty one,
 * or a draft a fill wrote (pre-translation, an earlier repetition) that nobody has edited since. A
 * confirmed, reviewed, approved (locked) or rejected paragraph, and any text a person typed, stay.
 */
export function mayReceiveRepetition(t: RepetitionCandidate["translation"]): boolean {
  if (t === null || t.text.trim() === "") return true;
  const untouchedFill = t.origin !== null && !t.originEdited;
  return untouchedFill && (t.status === "draft" || t.status === "new");
}

/**
 * What confirming `confirmed` fills (auto-propagation, as Trados and memoQ call it): every other
 * paragraph whose normalised source is the same and whose translation may receive it, as a draft
 * marked "repetition". One already holding that text as a repetition is left as it is.
 */
export function planRepetitions(
  confirmed: { segmentId: string; source: string; text: string },
  candidates: RepetitionCandidate[],
): RepetitionFill[] {
  const key = normalizeText(confirmed.source);
  if (key === "" || confirmed.text.trim() === "") return [];
  return candidates
    .filter((c) => c.segmentId !== confirmed.segmentId && normalizeText(c.source) === key)
    .filter((c) => mayReceiveRepetition(c.translation))
    .filter((c) => !(c.translation?.origin === "repetition" && c.translation.text === confirmed.text))
    .map((c) => ({
      segmentId: c.segmentId,
      fromSegmentId: confirmed.segmentId,
      text: confirmed.text,
      status: "draft",
    }));
}
