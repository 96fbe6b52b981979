import type { PendingAnchor } from "./notes-panel";

export type Decision = "reviewed" | "approved" | "rejected";

/** What a row can ask the editor to do; one stable object shared by every row. */
export interface EditorActions {
  edit(rowId: string, lang: string, text: string): void;
  confirm(rowId: string, lang: string): void;
  move(rowId: string, lang: string, step: -1 | 1): void;
  copySource(rowId: string, lang: string): void;
  revert(rowId: string, lang: string): void;
  firstUntranslated(lang: string): void;
  /** The translation's text box lost focus: what is waiting is sent. */
  leave(rowId: string, lang: string): void;
  /** A translation got focus: it is the active one (side panels follow it). */
  focus(rowId: string, lang: string): void;
  /** Focus entered or left a row: the row being edited stays in a filtered view until focus leaves it. */
  hold(rowId: string): void;
  release(rowId: string): void;
  history(rowId: string, lang: string): void;
  keepMine(rowId: string, lang: string, text?: string): void;
  takeTheirs(rowId: string, lang: string): void;
  showShortcuts(): void;
  /** Opens the paragraph's notes, with a new note anchored to a span when given. */
  notes(rowId: string, anchor?: PendingAnchor, threadId?: string): void;
  decide(rowId: string, lang: string, decision: Decision, note?: string): Promise<boolean>;
  /** An owner opens a reviewed or approved translation to translators again. */
  unlock(rowId: string, lang: string): Promise<void>;
}
