"use client";
// ?segment=<id> in the editor's address (the QA report links each finding so) moves to that
// paragraph once it is loaded, in the first language shown.
import { useEffect, useRef } from "react";
import type { Row } from "@/lib/editor/rows";

export function useSegmentLink(rows: Row[], lang: string, goToRow: (rowId: string, lang: string) => void) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    const wanted = new URLSearchParams(window.location.search).get("segment");
    if (!wanted) {
      done.current = true;
      return;
    }
    if (!rows.some((r) => r.id === wanted)) return;
    done.current = true;
    // After the rows are on screen: the list may scroll to it only once it is drawn.
    requestAnimationFrame(() => goToRow(wanted, lang));
  }, [rows, lang, goToRow]);
}
