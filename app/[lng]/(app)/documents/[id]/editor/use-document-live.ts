"use client";
// The editor's live wiring in one place: the document's event stream and presence (use-live-updates.ts)
// and the paragraph changes it shows in place, this tab's own and others' (source/use-paragraph-edits.ts),
// with what the rows' source tools share (source/source-editing.tsx). Splits, merges and the like change
// how many paragraphs the document has: `rowDelta` says by how much since the page was rendered.
import type { Dispatch, SetStateAction } from "react";
import type { EditorPermissions } from "@/lib/auth/permissions";
import type { Cell, Row } from "@/lib/editor/rows";
import type { SaveQueue } from "@/lib/editor/save-queue";
import type { EditorAction } from "./editor-reducer";
import type { Thread } from "./notes-model";
import { type SourceData, useSourceEditingValue } from "./source/source-editing";
import { useParagraphEdits } from "./source/use-paragraph-edits";
import { useLiveUpdates } from "./use-live-updates";

interface Options {
  documentId: string;
  langs: string[];
  permissions: EditorPermissions;
  /** The newest live event when the page was rendered: the stream starts after it. */
  liveAfter: number;
  /** The document's paragraph structure version the rows were read at. */
  structureVersion: number;
  source: SourceData | undefined;
  rows: Row[];
  /** Whether every paragraph is loaded. */
  complete: boolean;
  setRowDelta: Dispatch<SetStateAction<number>>;
  editor: {
    cellOf(rowId: string, lang: string): Cell | undefined;
    dispatch: Dispatch<EditorAction>;
    queue: SaveQueue | null;
  };
  setThreads: Dispatch<SetStateAction<Thread[]>>;
  refreshLang(lang: string): Promise<void>;
  goToRow(rowId: string, lang: string): void;
}

export function useDocumentLive(o: Options) {
  const { documentId, langs, permissions, editor, setThreads } = o;
  const paragraphs = useParagraphEdits({
    documentId,
    langs,
    rows: o.rows,
    complete: o.complete,
    countChanged: o.setRowDelta,
    structureVersion: o.structureVersion,
    source: o.source,
    dispatch: editor.dispatch,
    queue: editor.queue,
    setThreads,
    goToRow: o.goToRow,
  });

  const live = useLiveUpdates({
    documentId,
    langs,
    userId: permissions.userId,
    startAfter: o.liveAfter,
    cellOf: editor.cellOf,
    dispatch: editor.dispatch,
    queue: editor.queue,
    setThreads,
    refreshLang: o.refreshLang,
    onParagraphs: paragraphs.onLive,
    onResync: paragraphs.resynced,
  });

  const sourceEditing = useSourceEditingValue(
    documentId,
    permissions,
    paragraphs.source,
    editor.queue,
    paragraphs.changed,
    paragraphs.dismiss,
  );

  // Someone's change this view could not follow in place, or one of its own: the reload offer.
  const reloadBy = live.paragraphsChangedBy !== undefined ? live.paragraphsChangedBy : paragraphs.reloadBy;
  return { live, sourceEditing, reloadBy };
}
