// The editor's side panels: each is declared once (an EditorPanel) and listed in panel-registry.ts;
// the side column (side-column.tsx) docks the open one to the right of the paragraphs, gives it its
// title, tab, shortcut and resizing, and hands it what the editor knows (PanelContext).
import type { TFunction } from "i18next";
import type { ComponentType } from "react";
import type { EditorPermissions } from "@/lib/auth/permissions";
import type { Row } from "@/lib/editor/rows";
import type { NoteView } from "@/lib/notes/notes";
import type { FindController } from "./find/use-find";
import type { Thread } from "./notes-model";
import type { PendingAnchor } from "./notes-panel";

/** What a panel was opened with. Panels that follow the paragraph in focus get its row and language. */
export interface PanelArgs {
  rowId?: string;
  lang?: string;
  /** Notes: a new note on this span. */
  anchor?: PendingAnchor | null;
  /** Notes: the thread to show first. */
  threadId?: string | null;
}

/** What the editor knows and can do, as every panel sees it. */
export interface PanelContext {
  documentId: string;
  sourceLang: string;
  langs: string[];
  /** Every paragraph loaded so far, in document order. */
  rows: Row[];
  /** The paragraph the panel is about (its args, else the one in focus); null when none. */
  row: Row | null;
  /** The language it is about (its args, else the one in focus, else the first shown). */
  lang: string;
  threads: Thread[];
  bySegment: Map<string, Thread[]>;
  permissions: EditorPermissions;
  find: FindController;
  /** Opens a panel (or the same one with other arguments). */
  open(id: string, args?: PanelArgs): void;
  close(): void;
  /** Scrolls to a paragraph and puts the cursor in its translation. */
  goToRow(rowId: string, lang: string): void;
  /** Replaces a translation's text, as typing would (it is saved the same way). */
  edit(rowId: string, lang: string, text: string): void;
  /** Puts an earlier text back and saves it at once. */
  restore(rowId: string, lang: string, text: string): void;
  addNote(note: NoteView): void;
  updateNote(note: NoteView): void;
  /** Re-reads one language's translations after a change to many (replace, undo). */
  refreshLang(lang: string): Promise<void>;
  /** Keeps these rows in view, whatever they now hold, until the search changes (e.g. those a replace changed). */
  keepRows(rowIds: string[]): void;
  /** Sends every edit still waiting, e.g. before a change to many paragraphs reads them on the server. */
  flushAll(): Promise<void>;
}

export interface EditorPanel {
  /** Stable and unique: "notes", "history", "all-notes", "replace"; later "matches", "terms", "qa". */
  id: string;
  /** Its tab's label (short). */
  label(t: TFunction): string;
  /** The column's heading and the panel's accessible name, e.g. "Notes on paragraph 9". */
  title(t: TFunction, ctx: PanelContext): string;
  /** One or two characters shown on its tab. */
  icon: string;
  /** A key that opens it from anywhere in the editor, as KeyboardEvent.code (any keyboard layout). */
  shortcut?: { code: string; ctrl?: boolean; alt?: boolean; label: string };
  /** Shows the paragraph in focus and moves along with it (history, notes, matches, terms). */
  followsRow?: boolean;
  /** Whether it can be opened here, e.g. only for people who may edit. */
  available?(ctx: Pick<PanelContext, "permissions" | "langs">): boolean;
  Component: ComponentType<{ ctx: PanelContext; args: PanelArgs }>;
}
