// Repetitions in the editor: a paragraph whose source is the same text (normalised as the memory
// compares it) as another one's. Confirming one fills the others still empty with its text, as
// drafts; such a draft is shown as a repetition while its text is still the one it was filled with.
import { normalizeText } from "../tm/normalize-text";
import { isConfirmed, type Row } from "./rows";

const sameSource = (a: string) => {
  const key = normalizeText(a);
  return (row: Row) => key !== "" && normalizeText(row.source) === key;
};

/** The other paragraphs with the source of `rowId` whose translation into `lang` is empty. */
export function repetitionsToFill(rows: Row[], rowId: string, lang: string): string[] {
  const row = rows.find((r) => r.id === rowId);
  if (!row) return [];
  const same = sameSource(row.source);
  return rows.filter((r) => r.id !== rowId && same(r) && (r.cells[lang]?.text.trim() ?? "") === "").map((r) => r.id);
}

/**
 * The first confirmed paragraph with the same source whose translation this draft still is (it was
 * filled as a repetition of it), or null.
 */
export function repetitionOf(rows: Row[], rowId: string, lang: string): Row | null {
  const row = rows.find((r) => r.id === rowId);
  const cell = row?.cells[lang];
  if (!row || !cell || cell.status !== "draft" || cell.text.trim() === "") return null;
  const same = sameSource(row.source);
  return (
    rows.find((r) => r.id !== rowId && same(r) && isConfirmed(r.cells[lang]) && r.cells[lang].text === cell.text) ??
    null
  );
}
