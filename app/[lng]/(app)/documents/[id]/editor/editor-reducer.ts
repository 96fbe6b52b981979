// The editor's state changes, as one pure reducer: typing, confirming, and what the save queue reports.

import { withRemote } from "@/lib/editor/live-model";
import { applyParagraphChanges, type RowsChanges, withoutGone } from "@/lib/editor/paragraph-changes";
import { applyRowsEdit, type ChangedBy, type FreshParagraph, type RowsEdit } from "@/lib/editor/paragraph-edit";
import type { Cell, Row } from "@/lib/editor/rows";
import type { ConflictInfo } from "@/lib/editor/save-queue";
import type { TranslationStatus } from "@/lib/segments/status";
import type { TranslationOrigin } from "@/lib/translations/origin";

export interface EditorState {
  rows: Row[];
  online: boolean;
  waiting: number;
  /** Why saves wait while the server answers (its error code, e.g. "unavailable"); none when offline. */
  offlineReason?: string;
}

export type EditorAction =
  | { type: "edit"; rowId: string; lang: string; text: string }
  | { type: "status"; rowId: string; lang: string; status: TranslationStatus }
  | { type: "sending"; rowId: string; lang: string }
  | {
      type: "saved";
      rowId: string;
      lang: string;
      text: string;
      status: TranslationStatus;
      version: number;
      stillDirty: boolean;
    }
  | { type: "conflict"; rowId: string; lang: string; mine: string; current: ConflictInfo }
  | { type: "error"; rowId: string; lang: string; code: string }
  | { type: "resolve"; rowId: string; lang: string; text: string; version: number }
  | { type: "takeTheirs"; rowId: string; lang: string }
  | { type: "revert"; rowId: string; lang: string }
  | { type: "decided"; rowId: string; lang: string; status: TranslationStatus; version: number }
  | { type: "append"; rows: Row[] }
  | { type: "network"; online: boolean; waiting: number; reason?: string }
  | {
      type: "refresh";
      lang: string;
      cells: Map<
        string,
        { text: string; status: TranslationStatus; version: number; origin?: TranslationOrigin | null }
      >;
    }
  | {
      type: "remote";
      rowId: string;
      lang: string;
      current: ConflictInfo;
      inFlight: boolean;
      origin?: TranslationOrigin | null;
    }
  | { type: "paragraphs"; edit: RowsEdit; fresh: FreshParagraph[]; langs: string[] }
  | { type: "paragraphChanges"; changes: RowsChanges; fresh: FreshParagraph[]; langs: string[]; by: ChangedBy }
  | { type: "dismissGone"; rowId: string };

/** A filled text's origin after a save of `text`: changed is edited, emptied is gone (as the database marks it). */
function originAfterSave(cell: Cell, text: string): TranslationOrigin | null | undefined {
  if (!cell.origin || text === cell.savedText) return cell.origin;
  return text === "" ? null : { ...cell.origin, edited: true };
}

function updateCell(
  state: EditorState,
  rowIndex: Map<string, number>,
  rowId: string,
  lang: string,
  change: (cell: Cell) => Cell,
) {
  // The index is a hint (a split or merge moves rows): checked, and looked up when stale.
  const hint = rowIndex.get(rowId);
  const i = hint !== undefined && state.rows[hint]?.id === rowId ? hint : state.rows.findIndex((r) => r.id === rowId);
  if (i < 0) return state;
  const row = state.rows[i];
  const cell = row.cells[lang];
  if (!cell) return state;
  const rows = state.rows.slice();
  rows[i] = { ...row, cells: { ...row.cells, [lang]: change(cell) } };
  return { ...state, rows };
}

/** New rows in a new order: the index of rows by id follows. */
function withRows(state: EditorState, rowIndex: Map<string, number>, rows: Row[]): EditorState {
  rowIndex.clear();
  for (const [i, r] of rows.entries()) rowIndex.set(r.id, i);
  return { ...state, rows };
}

export function editorReducer(rowIndex: Map<string, number>) {
  return (state: EditorState, action: EditorAction): EditorState => {
    switch (action.type) {
      case "edit":
        return updateCell(state, rowIndex, action.rowId, action.lang, (c) => ({
          ...c,
          text: action.text,
          state: "dirty",
          error: undefined,
        }));
      case "status":
        return updateCell(state, rowIndex, action.rowId, action.lang, (c) => ({
          ...c,
          status: action.status,
          state: "saving",
        }));
      case "sending":
        return updateCell(state, rowIndex, action.rowId, action.lang, (c) =>
          c.state === "conflict" ? c : { ...c, state: "saving" },
        );
      case "saved":
        return updateCell(state, rowIndex, action.rowId, action.lang, (c) => ({
          ...c,
          origin: originAfterSave(c, action.text),
          savedText: action.text,
          // Typed text may differ from what was stored only by NFC normalisation; keep what is on screen.
          text: action.stillDirty ? c.text : c.text.normalize("NFC") === action.text ? c.text : action.text,
          status: action.status,
          version: action.version,
          state: action.stillDirty ? "dirty" : "saved",
          conflict: undefined,
          error: undefined,
        }));
      case "conflict":
        return updateCell(state, rowIndex, action.rowId, action.lang, (c) => ({
          ...c,
          state: "conflict",
          conflict: { mine: action.mine, current: action.current },
        }));
      case "error":
        return updateCell(state, rowIndex, action.rowId, action.lang, (c) => ({
          ...c,
          state: "error",
          error: action.code,
        }));
      case "resolve":
        return updateCell(state, rowIndex, action.rowId, action.lang, (c) => ({
          ...c,
          text: action.text,
          version: action.version,
          conflict: undefined,
          state: "saving",
        }));
      case "takeTheirs":
        return updateCell(state, rowIndex, action.rowId, action.lang, (c) =>
          c.conflict
            ? {
                ...c,
                text: c.conflict.current.text,
                savedText: c.conflict.current.text,
                status: c.conflict.current.status,
                version: c.conflict.current.version,
                conflict: undefined,
                state: "saved",
              }
            : c,
        );
      case "revert":
        return updateCell(state, rowIndex, action.rowId, action.lang, (c) => ({
          ...c,
          text: c.savedText,
          state: "saved",
          error: undefined,
        }));
      case "decided":
        return updateCell(state, rowIndex, action.rowId, action.lang, (c) => ({
          ...c,
          status: action.status,
          version: action.version,
        }));
      case "append":
        // The caller has already put the new rows into rowIndex.
        return { ...state, rows: [...state.rows, ...action.rows] };
      case "network":
        return { ...state, online: action.online, waiting: action.waiting, offlineReason: action.reason };
      case "remote":
        // Someone else's newer version, read after the live stream announced it.
        return updateCell(state, rowIndex, action.rowId, action.lang, (c) => {
          const next = withRemote(c, action.current, action.inFlight);
          // Taken as saved: with where that text came from.
          return next !== c && next.state === "saved" && action.origin !== undefined
            ? { ...next, origin: action.origin }
            : next;
        });
      case "paragraphs": {
        // A split, a merge or a source edit (editor/source/use-paragraph-edits.ts).
        const rows = applyRowsEdit(state.rows, action.edit, action.fresh, action.langs);
        return rows ? withRows(state, rowIndex, rows) : state;
      }
      case "paragraphChanges": {
        // A source update or a restore from the bin (editor/source/use-paragraph-edits.ts).
        const rows = applyParagraphChanges(state.rows, action.changes, action.fresh, action.langs, action.by);
        return rows ? withRows(state, rowIndex, rows) : state;
      }
      case "dismissGone":
        return withRows(state, rowIndex, withoutGone(state.rows, action.rowId));
      case "refresh": {
        const rows = state.rows.map((row) => {
          const fresh = action.cells.get(row.id);
          const cell = row.cells[action.lang];
          if (!fresh || !cell || cell.state !== "saved" || cell.version === fresh.version) return row;
          return { ...row, cells: { ...row.cells, [action.lang]: { ...cell, ...fresh, savedText: fresh.text } } };
        });
        return { ...state, rows };
      }
    }
  };
}
