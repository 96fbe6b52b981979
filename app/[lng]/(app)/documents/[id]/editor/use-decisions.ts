"use client";

import { type Dispatch, type RefObject, type SetStateAction, useCallback, useState } from "react";
import type { ApiError } from "@/lib/editor/api-client";
import { api } from "@/lib/editor/api-client";
import type { Row } from "@/lib/editor/rows";
import type { Decision } from "./editor-actions";
import type { EditorAction } from "./editor-reducer";
import type { Thread } from "./notes-model";

interface Options {
  documentId: string;
  /** Per language, per segment: the text at the last review decision (for review mode). */
  baselines: Record<string, Record<string, string>>;
  rows: RefObject<Row[]>;
  dispatch: Dispatch<EditorAction>;
  setThreads: Dispatch<SetStateAction<Thread[]>>;
  goToNextAfter: (rowId: string, lang: string, wanted: (row: Row) => boolean) => void;
  /** Says why a decision was refused, or clears the message (null). */
  report: (error: ApiError | null) => void;
}

/**
 * Review decisions on one paragraph, an owner's unlock, and re-reading a language after a change to
 * many (replace, undo, approve all).
 */
export function useDecisions({ documentId, baselines, rows, dispatch, setThreads, goToNextAfter, report }: Options) {
  const [decidedTexts, setDecidedTexts] = useState(baselines);

  const decide = useCallback(
    async (rowId: string, lang: string, decision: Decision, note?: string) => {
      const cell = rows.current?.find((r) => r.id === rowId)?.cells[lang];
      if (cell?.state !== "saved") return false;
      const res = await api.decide(rowId, lang, { decision, note, baseVersion: cell.version });
      if (!res.ok) {
        report(res.error);
        return false;
      }
      report(null);
      const { status, version, noteId } = res.data.translation;
      dispatch({ type: "decided", rowId, lang, status, version });
      setDecidedTexts((b) => ({ ...b, [lang]: { ...b[lang], [rowId]: cell.text } }));
      if (noteId) {
        // The reason given when sending back is a note: show the paragraph's threads with it.
        const notes = await api.segmentNotes(rowId);
        if (notes.ok) setThreads((all) => [...all.filter((th) => th.segmentId !== rowId), ...notes.data.notes]);
      }
      // Approving moves on to the next paragraph with a translation not yet approved.
      if (decision === "approved") {
        goToNextAfter(rowId, lang, (r) => Boolean(r.cells[lang]?.text) && r.cells[lang]?.status !== "approved");
      }
      return true;
    },
    [rows, dispatch, goToNextAfter, report, setThreads],
  );

  const unlock = useCallback(
    async (rowId: string, lang: string) => {
      const cell = rows.current?.find((r) => r.id === rowId)?.cells[lang];
      if (!cell) return;
      const res = await api.unlock(rowId, lang, { baseVersion: cell.version });
      if (!res.ok) return report(res.error);
      report(null);
      dispatch({
        type: "decided",
        rowId,
        lang,
        status: res.data.translation.status,
        version: res.data.translation.version,
      });
    },
    [rows, dispatch, report],
  );

  const refreshLang = useCallback(
    async (lang: string) => {
      const res = await api.segments(documentId, lang);
      if (!res.ok) return;
      dispatch({ type: "refresh", lang, cells: new Map(res.data.segments.map((s) => [s.id, s.translation])) });
    },
    [documentId, dispatch],
  );

  return { decide, unlock, refreshLang, decidedTexts };
}
