"use client";
// Which rows the editor shows: the filter (status, open notes, quality errors, language), the search
// of the find field, and the rows kept in view whatever they now hold — the row being edited until
// focus leaves it, and the rows a replace changed until the search changes.
import { useMemo, useState } from "react";
import { type RowQa, rowHasOpenErrors } from "@/lib/editor/qa-model";
import { filterRows, type Row, type RowFilter } from "@/lib/editor/rows";
import { useFindSearch } from "./find/use-find";
import { openCount, type Thread } from "./notes-model";

export function useVisibleRows(
  rows: Row[],
  langs: string[],
  bySegment: Map<string, Thread[]>,
  qaByRow: Map<string, RowQa>,
) {
  const [filter, setFilter] = useState<RowFilter>({ status: "", openNotes: false, search: "", lang: langs[0] });
  const [held, setHeld] = useState<string | null>(null);
  const search = useFindSearch(langs);
  const [pinned, setPinned] = useState<{ for: unknown; ids: string[] }>({ for: null, ids: [] });
  const keep = useMemo(() => {
    const ids = pinned.for === search.options ? pinned.ids : [];
    return new Set(held ? [...ids, held] : ids);
  }, [pinned, search.options, held]);
  const rowFilter = useMemo(() => ({ ...filter, search: search.searched }), [filter, search.searched]);
  const visible = useMemo(
    () =>
      filterRows(rows, rowFilter, {
        langs,
        openNotes: (id) => openCount(bySegment.get(id)),
        qaErrors: (id) => rowHasOpenErrors(qaByRow.get(id), langs),
        finder: search.finder ?? undefined,
        keep,
      }),
    [rows, rowFilter, langs, bySegment, qaByRow, search.finder, keep],
  );
  /** Keeps these rows in view, whatever they now hold, until the search changes. */
  const keepRows = (ids: string[]) => setPinned({ for: search.options, ids });
  return { filter, setFilter, rowFilter, search, visible, setHeld, keepRows };
}
