import type { PendingAnchor } from "./notes-panel";

/** What a row can ask the editor to do; one stable object shared by every row. */
export interface EditorActions {
  edit(rowId: string, lang: string, text: string): void;
  confirm(rowId: string, lang: string): void;
  move(rowId: string, lang: string, step: -1 | 1): void;
  copySource(rowId: string, lang: string): void;
  revert(rowId: string, lang: string): void;
  firstUntranslated(lang: string): void;
  leave(rowId: string, lang: string): void;
  focus(rowId: string, lang: string): void;
  history(rowId: string, lang: string): void;
  keepMine(rowId: string, lang: string, text?: string): void;
  takeTheirs(rowId: string, lang: string): void;
  showShortcuts(): void;
  /** Opens the paragraph's notes, with a new note anchored to a span when given. */
  notes(rowId: string, anchor?: PendingAnchor, threadId?: string): void;
  decide(rowId: string, lang: string, decision: "reviewed" | "approved" | "rejected", note?: string): Promise<boolean>;
  requestReject(rowId: string, lang: string): void;
}
