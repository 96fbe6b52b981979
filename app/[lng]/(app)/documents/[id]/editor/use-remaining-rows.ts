"use client";

import { useEffect } from "react";
import type { Row } from "@/lib/editor/rows";
import { loadRemainingRows } from "./load-rows";

/** The rest of a big document, fetched once the first screen is up, handed to `append`. */
export function useRemainingRows(
  documentId: string,
  langs: string[],
  loaded: number,
  totalRows: number,
  append: (rows: Row[]) => void,
) {
  useEffect(() => {
    if (loaded >= totalRows) return;
    let cancelled = false;
    void loadRemainingRows(documentId, langs, loaded).then((rows) => {
      if (!cancelled && rows) append(rows);
    });
    return () => {
      cancelled = true;
    };
  }, [documentId, langs, loaded, totalRows, append]);
}
