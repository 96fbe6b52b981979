// Which paragraph the translator is working on (its terms are underlined fully, listed in the terms
// panel and inserted by the shortcut), and the words last selected in a source paragraph (what
// "add a term" starts from). Read from the page's focus and selection, not from the shared editor code.

export interface ActivePlace {
  rowId: string;
  /** The translation language last focused in that row; null when only its source was used. */
  lang: string | null;
}

export class ActiveRow {
  place: ActivePlace | null = null;
  /** The last non-empty selection in a source paragraph. */
  sourceSelection: { rowId: string; text: string } | null = null;
  private listeners = new Set<() => void>();

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getPlace = () => this.place;

  set(rowId: string, lang: string | null) {
    const keep = lang ?? (this.place?.rowId === rowId ? this.place.lang : null);
    if (this.place?.rowId === rowId && this.place.lang === keep) return;
    this.place = { rowId, lang: keep };
    for (const listener of this.listeners) listener();
  }

  /** Follows focus and selection in `root` until the returned function is called. */
  watch(root: Document): () => void {
    const onFocus = (e: FocusEvent) => {
      const el = e.target instanceof Element ? e.target : null;
      const row = el?.closest("[data-segment-id]");
      if (!row) return;
      const cell = el?.closest('[data-testid^="cell-"]')?.getAttribute("data-testid");
      this.set(row.getAttribute("data-segment-id")!, cell ? cell.slice("cell-".length) : null);
    };
    const onSelection = () => {
      const selection = root.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const node = selection.anchorNode;
      const source = (node instanceof Element ? node : node?.parentElement)?.closest('[data-testid="source"]');
      if (!source) return;
      const rowId = source.closest("[data-segment-id]")?.getAttribute("data-segment-id");
      if (!rowId) return;
      const text = selection.toString().replace(/\s+/gu, " ").trim();
      this.sourceSelection = text ? { rowId, text } : null;
      if (text) this.set(rowId, null);
    };
    root.addEventListener("focusin", onFocus);
    root.addEventListener("selectionchange", onSelection);
    return () => {
      root.removeEventListener("focusin", onFocus);
      root.removeEventListener("selectionchange", onSelection);
    };
  }
}
