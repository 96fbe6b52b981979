"use client";

import { useCallback, useEffect, useState } from "react";
import type { EditorPanel, PanelArgs } from "./panel-types";

export interface OpenPanel {
  id: string;
  args: PanelArgs;
}

const WIDTH_KEY = "parallel.sideColumnWidth";
export const MIN_WIDTH = 256;
/** The paragraphs keep at least this much of the window. */
export const KEEP_FOR_ROWS = 480;

export function clampWidth(width: number): number {
  const max = typeof window === "undefined" ? 640 : Math.max(MIN_WIDTH, window.innerWidth - KEEP_FOR_ROWS);
  return Math.round(Math.min(max, Math.max(MIN_WIDTH, width)));
}

/** Which side panel is open (and about what), and the docked column's width, kept for next time. */
export function useSideColumn(panels: readonly EditorPanel[]) {
  const [open, setOpen] = useState<OpenPanel | null>(null);
  const [width, setWidthState] = useState<number | null>(null);

  useEffect(() => {
    const saved = Number(window.localStorage.getItem(WIDTH_KEY));
    if (saved > 0) setWidthState(clampWidth(saved));
  }, []);

  const setWidth = useCallback((next: number) => {
    const clamped = clampWidth(next);
    setWidthState(clamped);
    window.localStorage.setItem(WIDTH_KEY, String(clamped));
  }, []);

  const show = useCallback((id: string, args: PanelArgs = {}) => setOpen({ id, args }), []);
  const close = useCallback(() => setOpen(null), []);

  /** The paragraph in focus changed: panels that follow it move along (a pending note span stays behind). */
  const follow = useCallback(
    (rowId: string, lang: string) => {
      setOpen((current) => {
        if (!current || !panels.find((p) => p.id === current.id)?.followsRow) return current;
        const sameLang = current.args.lang === undefined || current.args.lang === lang;
        if (current.args.rowId === rowId && sameLang) return current;
        return { id: current.id, args: { rowId, lang } };
      });
    },
    [panels],
  );

  return { open, show, close, follow, width, setWidth };
}
