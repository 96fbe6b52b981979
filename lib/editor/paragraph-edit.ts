// A split, a merge, an undo of either or a source edit, applied to the rows an open editor shows,
// without reloading: the changed row and the one inserted after it become what the server has now
// (read with GET /api/v1/segments/{id}), the row removed after it goes, and positions from there on
// follow. Unsent edits stay: of other rows untouched, of a changed row kept on screen and shown in
// the merge view when the server's version moved past them. Pure; the editor's reducer runs it.
import type { ParagraphEdit } from "../live/events";
import type { SegmentKind } from "../segments/kinds";
import type { TranslationStatus } from "../segments/status";
import { withRemote } from "./live-model";
import type { Cell, Row } from "./rows";

/** A paragraph as GET /api/v1/segments/{id} answers it. */
export interface FreshParagraph {
  id: string;
  position: number;
  kind: SegmentKind;
  source: string;
  wordCount: number;
  version: number;
  translations: Record<
    string,
    { text: string; status: TranslationStatus; version: number; sourceChangedFrom: string | null }
  >;
}

export type RowsEdit = Pick<ParagraphEdit, "segmentId" | "inserted" | "removed">;

function freshCell(t: FreshParagraph["translations"][string] | undefined): Cell {
  const { text, status, version } = t ?? { text: "", status: "new" as const, version: 0 };
  return { text, savedText: text, status, version, state: "saved" };
}

/** Who made the change, for the merge view's "X saved a newer version" (null: someone). */
export type ChangedBy = { id: string; name: string } | null;

export function freshRow(p: FreshParagraph, langs: string[], before?: Row, by: ChangedBy = null): Row {
  const cells: Record<string, Cell> = {};
  for (const lang of langs) {
    const fresh = freshCell(p.translations[lang]);
    const old = before?.cells[lang];
    // An edit not yet saved is the translator's work: it stays, and meets the new version as any
    // other save would (the merge view), instead of being overwritten.
    cells[lang] =
      old && old.state !== "saved"
        ? withRemote(old, { ...fresh, updatedBy: by, updatedAt: new Date().toISOString() })
        : fresh;
  }
  return { id: p.id, position: p.position, kind: p.kind, source: p.source, wordCount: p.wordCount, cells };
}

/**
 * The rows after the edit, or null when this view cannot apply it (the changed row is not among
 * those shown). Applying it twice gives the same rows: an inserted row already there is replaced,
 * a removed row already gone is not looked for.
 */
export function applyRowsEdit(rows: Row[], edit: RowsEdit, fresh: FreshParagraph[], langs: string[]): Row[] | null {
  const at = rows.findIndex((r) => r.id === edit.segmentId);
  const changed = fresh.find((p) => p.id === edit.segmentId);
  if (at < 0 || !changed) return null;
  const out = rows.filter((r) => r.id !== edit.removed && r.id !== edit.inserted);
  const here = out.findIndex((r) => r.id === edit.segmentId);
  const updated = [freshRow(changed, langs, rows[at])];
  const inserted = edit.inserted ? fresh.find((p) => p.id === edit.inserted) : undefined;
  if (edit.inserted && !inserted) return null;
  if (inserted)
    updated.push(
      freshRow(
        inserted,
        langs,
        rows.find((r) => r.id === inserted.id),
      ),
    );
  out.splice(here, 1, ...updated);
  return renumbered(out);
}

/**
 * Positions are 1…n with no gaps (lib/segments/positions.ts) and the rows shown are the document's
 * first ones in order: each row's position is its place among the rows still in the document (a row
 * kept on screen after it was removed, for its unsaved edit, counts for none). Rows whose place did
 * not change stay the same objects (and are not drawn again).
 */
export function renumbered(rows: Row[]): Row[] {
  let place = 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].gone) continue;
    place++;
    if (rows[i].position !== place) rows[i] = { ...rows[i], position: place };
  }
  return rows;
}

/** The "source changed" marks of the rows read (language → old source), for the source tools. */
export function sourceMarks(p: FreshParagraph): Record<string, string> | undefined {
  const marks = Object.entries(p.translations).filter(([, t]) => t.sourceChangedFrom !== null);
  return marks.length ? Object.fromEntries(marks.map(([lang, t]) => [lang, t.sourceChangedFrom as string])) : undefined;
}
