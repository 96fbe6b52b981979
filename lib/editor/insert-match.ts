// Inserting a memory match into a translation: a paragraph match replaces the text; a sentence
// match goes where the caret is (replacing a selection), or after the text when the field is not
// focused, with one space between it and the words around it.
export interface InsertedMatch {
  target: string;
  /** Set for a sentence's match; absent for the whole paragraph's. */
  sentence?: number;
}

export function withMatch(current: string, match: InsertedMatch, caret: { start: number; end: number } | null): string {
  if (match.sentence === undefined || current.trim() === "") return match.target;
  if (!caret) return `${current.replace(/\s+$/, "")} ${match.target}`;
  const before = current.slice(0, caret.start);
  const after = current.slice(caret.end);
  const left = before === "" || /\s$/.test(before) ? "" : " ";
  const right = after === "" || /^\s/.test(after) ? "" : " ";
  return `${before}${left}${match.target}${right}${after}`;
}
