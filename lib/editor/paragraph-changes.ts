// A change of several paragraphs (a source update, a restore from the bin) applied to the rows an open
// editor shows, without reloading: the rows named are read again (GET /api/v1/documents/{id}/paragraphs)
// and put at their new positions, the rows gone leave, every other row keeps its order and its object
// (it is not drawn again). Unsent edits stay: in a changed row they meet the new version in the merge
// view ("X saved a newer version"); a removed row holding one stays on screen, read-only and marked
// (Row.gone), until the person has copied what they need and dismisses it. Pure; the reducer runs it.
import type { ParagraphChanges } from "../live/events";
import { type ChangedBy, type FreshParagraph, freshRow, renumbered } from "./paragraph-edit";
import type { Row } from "./rows";

export type RowsChanges = Pick<ParagraphChanges, "read" | "removed">;

/** Whether a row holds work not yet on the server (typed, on its way, refused, or in the merge view). */
export function hasUnsaved(row: Row): boolean {
  return Object.values(row.cells).some((c) => c.state !== "saved");
}

/**
 * The rows after the change, or null when it cannot be followed here (a row read is missing, or the
 * positions read do not fit the rows shown: the view missed something). Applying it twice gives the
 * same rows.
 */
export function applyParagraphChanges(
  rows: Row[],
  changes: RowsChanges,
  fresh: FreshParagraph[],
  langs: string[],
  by: ChangedBy,
): Row[] | null {
  const read = new Set(changes.read);
  const removed = new Set(changes.removed);
  if (fresh.length !== read.size || fresh.some((p) => !read.has(p.id))) return null;
  const before = new Map(rows.map((r) => [r.id, r]));
  const staying = rows.filter((r) => !r.gone && !read.has(r.id) && !removed.has(r.id));
  // Each row read goes to its position; as they are placed in position order, every place before it
  // is already taken by the rows that keep their order.
  const out = staying.slice();
  for (const p of [...fresh].sort((a, b) => a.position - b.position)) {
    if (p.position < 1 || p.position > out.length + 1) return null;
    const old = before.get(p.id);
    out.splice(p.position - 1, 0, freshRow(p, langs, old, by));
  }
  // Rows removed with an unsaved edit (and those kept so before) stay after the row they followed.
  const kept = rows.filter((r) => (r.gone && !read.has(r.id)) || (removed.has(r.id) && hasUnsaved(r)));
  for (const ghost of kept) {
    const row = ghost.gone ? ghost : { ...ghost, gone: { by: by?.name ?? null } };
    const from = rows.indexOf(ghost);
    let at = 0;
    for (let i = from - 1; i >= 0; i--) {
      const j = out.findIndex((r) => r.id === rows[i].id);
      if (j >= 0) {
        at = j + 1;
        break;
      }
    }
    out.splice(at, 0, row);
  }
  return renumbered(out);
}

/** A row kept for its unsaved edit, dismissed: it leaves the view. */
export function withoutGone(rows: Row[], rowId: string): Row[] {
  return rows.filter((r) => !(r.id === rowId && r.gone));
}
