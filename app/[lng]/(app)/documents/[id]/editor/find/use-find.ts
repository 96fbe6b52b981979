"use client";
// The editor's one search: what the find field holds and its options, the compiled finder (which
// filters the rows, marks matches in source and translation, and is what find and replace uses),
// the matches of the rows shown in order, and stepping through them with Enter / Shift+Enter.

import { useCallback, useDeferredValue, useMemo, useState } from "react";
import type { Row } from "@/lib/editor/rows";
import type { ErrorCode } from "@/lib/errors";
import { compileFind, type Finder, type FindOptions } from "@/lib/search/find";

/** Where a match is: the source, or the translation into a language. */
export type FindWhere = "source" | (string & {});

export interface FindHit {
  rowId: string;
  where: FindWhere;
  /** Which match of that text (0-based, left to right). */
  index: number;
}

export interface ReplaceSettings {
  text: string;
  preserveCase: boolean;
  lang: string;
}

/** The last bulk replace, for the toast that offers to undo it. */
export interface ReplaceDone {
  bulkEditId: string;
  lang: string;
  occurrences: number;
  paragraphs: number;
}

export interface FindController {
  options: FindOptions;
  set(change: Partial<FindOptions>): void;
  /** Null when there is nothing to find or the pattern is malformed. */
  finder: Finder | null;
  error: { code: ErrorCode; details: { reason: string } } | null;
  total: number;
  /** 1-based place of the current match among all; 0 when none is chosen yet. */
  position: number;
  current: FindHit | null;
  step(by: 1 | -1): void;
  replace: ReplaceSettings;
  setReplace(change: Partial<ReplaceSettings>): void;
  done: ReplaceDone | null;
  setDone(done: ReplaceDone | null): void;
}

const empty: FindOptions = { find: "", matchCase: false, wholeWords: false, regex: false };

export type FindSearch = Omit<FindController, "total" | "position" | "current" | "step"> & {
  /** The text the finder was compiled for ("" while a malformed pattern is refused): what the rows are filtered by. */
  searched: string;
  /** Cleared whenever the search changes. */
  current: FindHit | null;
  setCurrent(hit: FindHit | null): void;
};

/** What is searched and how (the filter of the rows shown is built from its finder). */
export function useFindSearch(langs: string[]): FindSearch {
  const [options, setOptions] = useState<FindOptions>(empty);
  const [current, setCurrent] = useState<FindHit | null>(null);
  const [replace, setReplaceState] = useState<ReplaceSettings>({ text: "", preserveCase: false, lang: langs[0] });
  const [done, setDone] = useState<ReplaceDone | null>(null);

  // Typing in the find field stays quick on a long document: the search follows a moment later.
  const deferred = useDeferredValue(options);
  const { finder, error } = useMemo(() => {
    if (!deferred.find.trim()) return { finder: null, error: null };
    try {
      return { finder: compileFind({ ...deferred, find: deferred.find.trim() }), error: null };
    } catch {
      return { finder: null, error: { code: "invalid_input" as const, details: { reason: "bad_pattern" } } };
    }
  }, [deferred]);

  const set = useCallback((change: Partial<FindOptions>) => {
    setOptions((o) => ({ ...o, ...change }));
    setCurrent(null);
  }, []);
  const setReplace = useCallback(
    (change: Partial<ReplaceSettings>) => setReplaceState((r) => ({ ...r, ...change })),
    [],
  );
  const searched = error ? "" : deferred.find.trim();
  return { options, set, finder, error, searched, replace, setReplace, done, setDone, current, setCurrent };
}

/** The matches in the rows shown, in order, and stepping through them (each brought into view). */
export function useFind(
  search: FindSearch,
  visible: Row[],
  langs: string[],
  reveal: (rowId: string, where?: string) => void,
): FindController {
  const { finder, current, setCurrent } = search;
  const rows = useDeferredValue(visible);
  const hits = useMemo(() => {
    const out: FindHit[] = [];
    if (!finder) return out;
    for (const row of rows) {
      const texts: [FindWhere, string][] = [["source", row.source]];
      for (const lang of langs) texts.push([lang, row.cells[lang]?.text ?? ""]);
      for (const [where, text] of texts) {
        const count = finder.matches(text).length;
        for (let index = 0; index < count; index++) out.push({ rowId: row.id, where, index });
      }
    }
    return out;
  }, [finder, rows, langs]);

  const at = current
    ? hits.findIndex((h) => h.rowId === current.rowId && h.where === current.where && h.index === current.index)
    : -1;

  const step = useCallback(
    (by: 1 | -1) => {
      if (hits.length === 0) return;
      const from = at >= 0 ? at : by === 1 ? -1 : 0;
      const next = hits[(from + by + hits.length) % hits.length];
      setCurrent(next);
      reveal(next.rowId, next.where);
    },
    [hits, at, reveal, setCurrent],
  );

  return { ...search, total: hits.length, position: at + 1, current: at >= 0 ? current : null, step };
}
