// Repetitions inside one document: a paragraph (or sentence) whose normalised source appeared
// earlier. The first occurrence is the one translated; later ones are filled from it once it is
// confirmed, as drafts marked as repetitions (a project setting turns this off), and analysis
// counts them apart (bands.ts).
import { DONE_STATUSES, type TranslationStatus } from "../segments/status";
import { normalizedHash, normalizeText } from "./normalize";

export interface DocumentParagraph {
  id: string;
  source: string;
  translation: { text: string; status: string } | null;
}

export interface RepetitionFill {
  segmentId: string;
  /** The first occurrence, whose translation is copied. */
  fromSegmentId: string;
  text: string;
  status: "draft";
}

/** For each paragraph repeating an earlier one, the id of its first occurrence. */
export function repeatedParagraphs(paragraphs: Pick<DocumentParagraph, "id" | "source">[]): Map<string, string> {
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

const isDone = (t: DocumentParagraph["translation"]) =>
  t !== null && t.text.trim() !== "" && DONE_STATUSES.includes(t.status as TranslationStatus);
const isEmpty = (t: DocumentParagraph["translation"]) => t === null || t.text.trim() === "";

/**
 * The untranslated repetitions to fill from their first occurrence's confirmed translation; with
 * `from`, only the repetitions of that paragraph (after it was confirmed).
 */
export function planRepetitionFills(paragraphs: DocumentParagraph[], from?: string): RepetitionFill[] {
  const byId = new Map(paragraphs.map((p) => [p.id, p]));
  const fills: RepetitionFill[] = [];
  for (const [segmentId, firstId] of repeatedParagraphs(paragraphs)) {
    if (from !== undefined && firstId !== from) continue;
    const first = byId.get(firstId)!;
    if (!isDone(first.translation) || !isEmpty(byId.get(segmentId)!.translation)) continue;
    fills.push({ segmentId, fromSegmentId: firstId, text: first.translation!.text, status: "draft" });
  }
  return fills;
}
