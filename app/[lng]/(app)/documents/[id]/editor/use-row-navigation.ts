"use client";

import { useCallback, useRef, useState } from "react";
import type { VirtuosoHandle } from "react-virtuoso";
import type { Row } from "@/lib/editor/rows";

/** Above this many paragraphs only the rows on screen are rendered (react-virtuoso). */
export const VIRTUALIZE_ABOVE = 300;

const rowElement = (rowId: string) => document.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(rowId)}"]`);

/** Moving between the rows shown: which one has focus, and scrolling a long list to it. */
export function useRowNavigation(visible: Row[]) {
  const visibleRef = useRef(visible);
  visibleRef.current = visible;
  const virtuoso = useRef<VirtuosoHandle>(null);
  const [focus, setFocus] = useState<{ rowId: string; lang: string; token: number } | null>(null);

  const goTo = useCallback((index: number, lang: string) => {
    const row = visibleRef.current[index];
    if (!row) return;
    if (visibleRef.current.length > VIRTUALIZE_ABOVE) virtuoso.current?.scrollToIndex({ index, align: "center" });
    setFocus({ rowId: row.id, lang, token: Date.now() });
  }, []);

  const goToRow = useCallback(
    (rowId: string, lang: string) => {
      const index = visibleRef.current.findIndex((r) => r.id === rowId);
      if (index >= 0) goTo(index, lang);
    },
    [goTo],
  );

  /**
   * Brings a row into view without moving the cursor (a search match, the row a side panel is about):
   * the part named (the source, or a language's translation) when given, else the row, as little
   * scrolling as it takes with the sticky header and a bottom sheet in the way (CSS scroll margins).
   */
  const reveal = useCallback((rowId: string, where?: string) => {
    const el = rowElement(rowId);
    if (el) {
      const part =
        where === "source"
          ? el.querySelector<HTMLElement>(".segment-source-cell")
          : where
            ? el.querySelector<HTMLElement>(`[data-testid="cell-${CSS.escape(where)}"]`)
            : null;
      (part ?? el).scrollIntoView({ block: "nearest" });
      return;
    }
    const index = visibleRef.current.findIndex((r) => r.id === rowId);
    if (index >= 0) virtuoso.current?.scrollToIndex({ index, align: "center" });
  }, []);

  /** Moves to the first paragraph after `rowId` (in what is shown) that `wanted` accepts; false when none. */
  const goToNextAfter = useCallback(
    (rowId: string, lang: string, wanted: (row: Row) => boolean) => {
      const rows = visibleRef.current;
      const from = rows.findIndex((r) => r.id === rowId);
      const next = rows.findIndex((r, i) => i > from && wanted(r));
      if (next >= 0) goTo(next, lang);
      return next >= 0;
    },
    [goTo],
  );

  return { visibleRef, virtuoso, focus, goTo, goToRow, goToNextAfter, reveal };
}
