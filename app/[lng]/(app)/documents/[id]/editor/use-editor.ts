"use client";

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { SIGNING_OUT_EVENT } from "@/lib/editor/outbox";
import type { Row } from "@/lib/editor/rows";
import { SaveQueue } from "@/lib/editor/save-queue";
import type { TranslationStatus } from "@/lib/segments/status";
import { type EditorState, editorReducer } from "./editor-reducer";

/** Editor state plus the save queue behind it: every change goes to local storage, then the server. */
export function useEditor(documentId: string, userId: string, initialRows: Row[]) {
  // One Map for the editor's life: rows loaded after the first screen are added to it.
  const [rowIndex] = useState(() => new Map(initialRows.map((r, i) => [r.id, i])));
  const reducer = useMemo(() => editorReducer(rowIndex), [rowIndex]);
  const [state, dispatch] = useReducer(reducer, { rows: initialRows, online: true, waiting: 0 } satisfies EditorState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const [restored, setRestored] = useState(0);

  const queue = useMemo(
    () =>
      typeof window === "undefined"
        ? null
        : new SaveQueue({
            documentId,
            userId,
            storage: window.localStorage,
            fetch: (...args) => window.fetch(...args),
            onEvent: (event) => {
              if (event.kind === "network") {
                dispatch({ type: "network", online: event.online, waiting: event.waiting, reason: event.reason });
                return;
              }
              const [rowId, lang] = event.key.split("|");
              if (event.kind === "sending") dispatch({ type: "sending", rowId, lang });
              else if (event.kind === "saved") dispatch({ type: "saved", rowId, lang, ...event });
              else if (event.kind === "conflict")
                dispatch({ type: "conflict", rowId, lang, mine: event.mine.text, current: event.current });
              else if (event.kind === "error") dispatch({ type: "error", rowId, lang, code: event.code });
            },
          }),
    [documentId, userId],
  );

  // Unsent edits from an earlier visit come back on screen and are sent.
  useEffect(() => {
    if (!queue) return;
    const entries = queue.restore();
    for (const entry of entries) dispatch({ type: "edit", rowId: entry.segmentId, lang: entry.lang, text: entry.text });
    setRestored(entries.length);
    if (entries.length) queue.retryAll();
    const online = () => queue.retryAll();
    const offline = () => dispatch({ type: "network", online: false, waiting: queue.waiting });
    // Leaving the page sends what is waiting; local storage keeps it if that fails.
    const hide = () => void queue.flushAll();
    const signingOut = () => queue.forget();
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    window.addEventListener("pagehide", hide);
    window.addEventListener(SIGNING_OUT_EVENT, signingOut);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      window.removeEventListener("pagehide", hide);
      window.removeEventListener(SIGNING_OUT_EVENT, signingOut);
    };
  }, [queue]);

  const cellOf = useCallback(
    (rowId: string, lang: string) => {
      const rows = stateRef.current.rows;
      const i = rowIndex.get(rowId);
      // The index is a hint once paragraphs were split or merged: checked, and looked up when stale.
      const row = i !== undefined && rows[i]?.id === rowId ? rows[i] : rows.find((r) => r.id === rowId);
      return row?.cells[lang];
    },
    [rowIndex],
  );

  const edit = useCallback(
    (rowId: string, lang: string, text: string) => {
      const cell = cellOf(rowId, lang);
      if (!cell || !queue) return;
      dispatch({ type: "edit", rowId, lang, text });
      queue.edit(rowId, lang, text, cell.version);
    },
    [cellOf, queue],
  );

  const setStatus = useCallback(
    (rowId: string, lang: string, status: TranslationStatus) => {
      const cell = cellOf(rowId, lang);
      if (!cell || !queue) return;
      dispatch({ type: "status", rowId, lang, status });
      queue.edit(rowId, lang, cell.text, cell.version, status);
    },
    [cellOf, queue],
  );

  const revert = useCallback(
    (rowId: string, lang: string) => {
      queue?.discard(rowId, lang);
      dispatch({ type: "revert", rowId, lang });
    },
    [queue],
  );

  const flush = useCallback((rowId: string, lang: string) => queue?.flush(rowId, lang), [queue]);

  const keepMine = useCallback(
    (rowId: string, lang: string, text?: string) => {
      const cell = cellOf(rowId, lang);
      if (!cell?.conflict || !queue) return;
      const mine = text ?? cell.conflict.mine;
      dispatch({ type: "resolve", rowId, lang, text: mine, version: cell.conflict.current.version });
      queue.resolve(rowId, lang, mine, cell.conflict.current.version);
    },
    [cellOf, queue],
  );

  const takeTheirs = useCallback(
    (rowId: string, lang: string) => {
      queue?.discard(rowId, lang);
      dispatch({ type: "takeTheirs", rowId, lang });
    },
    [queue],
  );

  /** Adds the rows loaded after the first screen, with any unsent edits of theirs from local storage. */
  const append = useCallback(
    (rows: Row[]) => {
      const known = rows.filter((r) => !rowIndex.has(r.id));
      const start = stateRef.current.rows.length;
      for (const [i, r] of known.entries()) rowIndex.set(r.id, start + i);
      dispatch({ type: "append", rows: known });
      for (const entry of queue?.pending() ?? []) {
        if (known.some((r) => r.id === entry.segmentId)) {
          dispatch({ type: "edit", rowId: entry.segmentId, lang: entry.lang, text: entry.text });
        }
      }
    },
    [queue, rowIndex],
  );

  return { state, dispatch, queue, restored, edit, setStatus, revert, flush, keepMine, takeTheirs, append, cellOf };
}
