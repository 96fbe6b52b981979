// The PanelContext the open side panel gets (panel-types.ts): what the editor knows, the paragraph and
// language the panel is about (its arguments, else the translation in focus), and what it can do.
import type { EditorPermissions } from "@/lib/auth/permissions";
import type { Row } from "@/lib/editor/rows";
import type { NoteView } from "@/lib/notes/notes";
import type { FindController } from "./find/use-find";
import type { Thread } from "./notes-model";
import type { PanelArgs, PanelContext } from "./panel-types";
import type { OpenPanel } from "./use-side-column";

interface Parts {
  documentId: string;
  sourceLang: string;
  langs: string[];
  rows: Row[];
  threads: Thread[];
  bySegment: Map<string, Thread[]>;
  permissions: EditorPermissions;
  find: FindController;
  side: { open: OpenPanel | null; show(id: string, args?: PanelArgs): void; close(): void };
  /** The translation in focus, if any. */
  active: { rowId: string; lang: string } | null;
  goToRow(rowId: string, lang: string): void;
  edit(rowId: string, lang: string, text: string): void;
  flush(rowId: string, lang: string): void;
  addNote(note: NoteView): void;
  updateNote(note: NoteView): void;
  refreshLang(lang: string): Promise<void>;
  keepRows(rowIds: string[]): void;
  queue: { flushAll(): Promise<unknown> } | null;
}

export function panelContextOf(p: Parts): PanelContext {
  const { side, active, langs, edit, flush } = p;
  const rowId = side.open?.args.rowId ?? active?.rowId;
  return {
    documentId: p.documentId,
    sourceLang: p.sourceLang,
    langs,
    rows: p.rows,
    row: p.rows.find((r) => r.id === rowId) ?? null,
    lang: side.open?.args.lang ?? active?.lang ?? langs[0],
    threads: p.threads,
    bySegment: p.bySegment,
    permissions: p.permissions,
    find: p.find,
    open: side.show,
    close: side.close,
    goToRow: p.goToRow,
    edit,
    restore: (rowId, lang, text) => {
      edit(rowId, lang, text);
      flush(rowId, lang);
    },
    addNote: p.addNote,
    updateNote: p.updateNote,
    refreshLang: p.refreshLang,
    keepRows: p.keepRows,
    flushAll: async () => {
      await p.queue?.flushAll();
    },
  };
}
