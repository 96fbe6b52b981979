"use client";
// The terminology keys, anywhere in the editor: Ctrl+Shift+1…9 inserts the preferred translation of
// the active paragraph's n-th term (as the terms panel and the tooltip number them) at the caret;
// Ctrl+Shift+L adds a term from the words selected in the source (and the translation). Browsers
// keep neither combination for themselves (TERM_SHORTCUTS, listed in the shortcuts dialog).

import { useEffect } from "react";
import { distinctTerms, type TermsStore } from "@/lib/editor/terms-store";
import type { FoundTerm } from "@/lib/terms/recognize";
import type { ActiveRow } from "./active-row";

export const TERM_SHORTCUTS = [
  ["Ctrl+Shift+1 … 9", "insertTerm"],
  ["Ctrl+Shift+L", "addTerm"],
] as const;

interface Handlers {
  store: TermsStore;
  active: ActiveRow;
  sourceOf: (rowId: string) => string | undefined;
  insertTerm: (rowId: string, term: FoundTerm) => boolean;
  addTerm: () => void;
  canEdit: boolean;
}

export function useTermShortcuts({ store, active, sourceOf, insertTerm, addTerm, canEdit }: Handlers) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !e.shiftKey || e.altKey) return;
      // e.code: with Shift held, e.key is "!", "@"… and differs between keyboard layouts.
      const digit = /^Digit([1-9])$/.exec(e.code);
      if (digit) {
        const place = active.place;
        const source = place ? sourceOf(place.rowId) : undefined;
        if (!place || source === undefined) return;
        const term = distinctTerms(store.termsFor(source))[Number(digit[1]) - 1];
        e.preventDefault();
        if (term) insertTerm(place.rowId, term);
      } else if (e.code === "KeyL" && canEdit) {
        e.preventDefault();
        addTerm();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store, active, sourceOf, insertTerm, addTerm, canEdit]);
}
