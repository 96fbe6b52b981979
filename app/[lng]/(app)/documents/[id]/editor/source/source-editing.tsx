"use client";
// What the editor's source-paragraph tools share (issue #13): who may change the source, the
// "source changed" marks, source versions, and what to do around a change (send pending saves
// first, then show the change in place: use-paragraph-edits.ts). DocumentEditor makes one stable
// object of it and hands it to every row.

import { useMemo } from "react";
import type { EditorPermissions } from "@/lib/auth/permissions";
import type { ParagraphEdit } from "@/lib/live/events";

/** A change this tab made; a source edit leaves the structure version as it is (none given). */
export type OwnEdit = Omit<ParagraphEdit, "structureVersion"> & { structureVersion?: number };

export interface SourceData {
  /** Segment id → language → the source text its translation was written for. */
  changes: Record<string, Record<string, string>>;
  /** Segment id → its source version, for paragraphs edited at least once (0 otherwise). */
  versions: Record<string, number>;
}

export interface SourceEditing {
  documentId: string;
  canEditSource: boolean;
  canEdit: boolean;
  sourceChanges: SourceData["changes"];
  sourceVersions: SourceData["versions"];
  /** Sends every edit still waiting, so a split or merge works on what the translator typed. */
  flush: () => Promise<void>;
  /** A change this tab made answered: its rows are read again in place, focus goes to `focusRowId`. */
  changed: (edit: OwnEdit, focusRowId: string) => Promise<void>;
  /** A row removed while it held an unsaved edit, kept on screen until now: it goes, the edit with it. */
  dismissGone: (rowId: string) => void;
}

export function useSourceEditingValue(
  documentId: string,
  permissions: EditorPermissions,
  source: SourceData | undefined,
  queue: { flushAll(): Promise<unknown> } | null | undefined,
  changed: SourceEditing["changed"],
  dismissGone: SourceEditing["dismissGone"],
): SourceEditing {
  const { canEditSource, canEdit } = permissions;
  return useMemo(
    () => ({
      documentId,
      canEditSource,
      canEdit,
      sourceChanges: source?.changes ?? {},
      sourceVersions: source?.versions ?? {},
      flush: async () => {
        await queue?.flushAll();
      },
      changed,
      dismissGone,
    }),
    [documentId, canEditSource, canEdit, source, queue, changed, dismissGone],
  );
}

const FOCUS_KEY = "parallel.focus-segment";

/** When a change cannot be shown in place: reload the page's rows, coming back to this paragraph. */
export function reloadAt(segmentId: string) {
  try {
    sessionStorage.setItem(FOCUS_KEY, segmentId);
  } catch {
    // Private mode: the reload still works, it just starts at the top.
  }
  window.location.reload();
}

/** Whether this paragraph is the one to come back to after a reload (true once). */
export function takeFocusTarget(segmentId: string): boolean {
  try {
    if (sessionStorage.getItem(FOCUS_KEY) !== segmentId) return false;
    sessionStorage.removeItem(FOCUS_KEY);
    return true;
  } catch {
    return false;
  }
}
