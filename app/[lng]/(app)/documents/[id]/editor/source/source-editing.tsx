"use client";
// What the editor's source-paragraph tools share (issue #13): who may change the source, the
// "source changed" marks, source versions, and what to do around a change (send pending saves
// first, then reload the rows, whose positions and ids may have moved). DocumentEditor makes one
// stable object of it and hands it to every row.

import { useMemo } from "react";
import type { EditorPermissions } from "@/lib/auth/permissions";

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
}

export function useSourceEditingValue(
  documentId: string,
  permissions: EditorPermissions,
  source: SourceData | undefined,
  queue: { flushAll(): Promise<unknown> } | null | undefined,
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
    }),
    [documentId, canEditSource, canEdit, source, queue],
  );
}

const FOCUS_KEY = "parallel.focus-segment";

/** After a structural change: reload the page's rows, coming back to this paragraph. */
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
