// Pure text rules of a split and a merge: where a paragraph may be cut, what each part keeps, how
// two texts are joined, and how far the anchors of notes move. No database here.
import type { TranslationStatus } from "./status";

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/** Whether `offset` falls between two characters as a reader sees them (never inside a surrogate pair or before a combining mark). */
export function isCharacterBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return offset === 0 || offset === text.length;
  const { index } = graphemes.segment(text).containing(offset) ?? { index: offset };
  return index === offset;
}

export interface Cut {
  head: string;
  tail: string;
  /** Subtract from an offset in the tail to get its offset in the new paragraph. */
  tailShift: number;
}

/** `text` cut at `offset`: spaces at the cut go, as a translator expects of two paragraphs. */
export function cutText(text: string, offset: number): Cut {
  const head = text.slice(0, offset).trimEnd();
  const rest = text.slice(offset);
  const tail = rest.trimStart();
  return { head, tail, tailShift: offset + (rest.length - tail.length) };
}

export interface Join {
  text: string;
  /** Add to an offset in the second text to get its offset in the joined one. */
  shift: number;
}

/** Two texts joined with one space; an empty one adds nothing. */
export function joinTexts(first: string, second: string): Join {
  const a = first.trimEnd();
  const b = second.trimStart();
  const lead = second.length - b.length;
  if (a === "") return { text: b, shift: -lead };
  if (b === "") return { text: a, shift: a.length + 1 - lead };
  return { text: `${a} ${b}`, shift: a.length + 1 - lead };
}

/** How far a status is along the way; a rejected translation needs work again, like a draft. */
const rank: Record<TranslationStatus, number> = {
  new: 0,
  rejected: 1,
  draft: 2,
  translated: 3,
  reviewed: 4,
  approved: 5,
};

/**
 * The status of two translations merged: the lower of the two. A merged text that is only partly
 * translated (one side was empty) is a draft.
 */
export function mergedStatus(
  a: { text: string; status: TranslationStatus },
  b: { text: string; status: TranslationStatus },
): TranslationStatus {
  const aEmpty = a.text.trim() === "";
  const bEmpty = b.text.trim() === "";
  if (aEmpty && bEmpty) return "new";
  if (aEmpty || bEmpty) return "draft";
  return rank[a.status] <= rank[b.status] ? a.status : b.status;
}
