"use client";
// Splits, merges, their undo and source edits shown in place, whoever made them: this tab (after its
// request answered) or someone else (the live stream's document.changed with `paragraphs`). The rows
// named are read again (GET /api/v1/segments/{id}) and put into the editor's rows; their notes and
// "source changed" marks follow. Changes are applied one at a time, in the document's structure
// version order: one this view has already shown is skipped, and one after a change it never saw
// (or while the rest of a long document is still loading) asks for a reload instead of guessing.

import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from "react";
import { api } from "@/lib/editor/api-client";
import { type FreshParagraph, sourceMarks } from "@/lib/editor/paragraph-edit";
import type { Row } from "@/lib/editor/rows";
import type { LiveEvent, ParagraphEdit } from "@/lib/live/events";
import type { EditorAction } from "../editor-reducer";
import type { Thread } from "../notes-model";
import { type OwnEdit, reloadAt, type SourceData } from "./source-editing";

interface Options {
  langs: string[];
  rows: Row[];
  /** Whether every paragraph is loaded (a long document's rest comes after the first screen). */
  complete: boolean;
  /** How many paragraphs the changes shown so far added (negative: removed). */
  countChanged: Dispatch<SetStateAction<number>>;
  /** The document's structure version the page's rows were read at. */
  structureVersion: number;
  source: SourceData | undefined;
  dispatch: Dispatch<EditorAction>;
  setThreads: Dispatch<SetStateAction<Thread[]>>;
  goToRow: (rowId: string, lang: string) => void;
}

type DocumentChanged = Extract<LiveEvent, { type: "document.changed" }>;

export function useParagraphEdits(options: Options) {
  const latest = useRef(options);
  latest.current = options;
  const known = useRef(options.structureVersion);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const [source, setSource] = useState<SourceData>(() => options.source ?? { changes: {}, versions: {} });
  const [reloadBy, setReloadBy] = useState<string | null | undefined>(undefined);
  const [focusAfter, setFocusAfter] = useState<{ rowId: string; lang: string } | null>(null);

  const apply = useCallback(async (edit: ParagraphEdit): Promise<boolean> => {
    const { complete } = latest.current;
    const moves = Boolean(edit.inserted || edit.removed);
    if (moves && edit.structureVersion <= known.current) return true; // shown already (this tab's own change)
    if (edit.structureVersion > known.current + 1 || !complete) return false;
    const ids = [edit.segmentId, ...(edit.inserted ? [edit.inserted] : [])];
    const answers = await Promise.all(ids.map((id) => api.paragraph(id)));
    const fresh: FreshParagraph[] = [];
    for (const a of answers) {
      // Gone meanwhile (a later merge, the document trashed): the view cannot follow in place.
      if (!a.ok) return false;
      fresh.push(a.data.segment);
    }
    // Read after the answers: an earlier change of the queue is drawn by now.
    const { rows, langs, dispatch, setThreads } = latest.current;
    if (!rows.some((r) => r.id === edit.segmentId)) return false;
    known.current = Math.max(known.current, edit.structureVersion);
    const has = (id: string | undefined) => Boolean(id && rows.some((r) => r.id === id));
    const delta = (edit.inserted && !has(edit.inserted) ? 1 : 0) - (has(edit.removed) ? 1 : 0);
    dispatch({ type: "paragraphs", edit, fresh, langs });
    if (delta !== 0) latest.current.countChanged((n) => n + delta);
    setSource((s) => {
      const changes = { ...s.changes };
      const versions = { ...s.versions };
      if (edit.removed) {
        delete changes[edit.removed];
        delete versions[edit.removed];
      }
      for (const p of fresh) {
        const marks = sourceMarks(p);
        if (marks) changes[p.id] = marks;
        else delete changes[p.id];
        versions[p.id] = p.version;
      }
      return { changes, versions };
    });
    // Notes moved with their words (a split's second part, a merge's first): read again.
    const notes = await Promise.all(ids.map((id) => api.segmentNotes(id)));
    const gone = new Set([...ids, ...(edit.removed ? [edit.removed] : [])]);
    const shown = (th: Thread) => th.lang === null || latest.current.langs.includes(th.lang);
    const read = notes.flatMap((n) => (n.ok ? n.data.notes.filter(shown) : []));
    if (notes.every((n) => n.ok)) setThreads((all) => [...all.filter((th) => !gone.has(th.segmentId)), ...read]);
    return true;
  }, []);

  /** One change at a time, in the order they came. */
  const enqueue = useCallback(
    (edit: ParagraphEdit) => {
      const next = chain.current.then(
        () => apply(edit),
        () => apply(edit),
      );
      chain.current = next.catch(() => false);
      return chain.current;
    },
    [apply],
  );

  /** This tab's own change answered: show it, and put the caret where the translator expects. */
  const changed = useCallback(
    async (own: OwnEdit, focusRowId: string) => {
      const edit = { ...own, structureVersion: own.structureVersion ?? known.current };
      if (!(await enqueue(edit))) {
        reloadAt(focusRowId);
        return;
      }
      setFocusAfter({ rowId: focusRowId, lang: latest.current.langs[0] });
    },
    [enqueue],
  );

  /** Someone's change from the live stream; false when it names no rows (the caller offers a reload). */
  const onLive = useCallback(
    (event: DocumentChanged) => {
      if (!event.paragraphs) return false;
      void enqueue(event.paragraphs).then((ok) => {
        if (!ok) setReloadBy(event.by?.name ?? null);
      });
      return true;
    },
    [enqueue],
  );

  /**
   * The stream could not replay what was missed: if the paragraphs changed meanwhile (any row's read
   * says the structure version), the rows on screen may be out of order: offer a reload.
   */
  const resynced = useCallback(() => {
    const first = latest.current.rows[0];
    if (!first) return;
    void api.paragraph(first.id).then((res) => {
      if (!res.ok || res.data.structureVersion !== known.current) setReloadBy(null);
    });
  }, []);

  // Focus goes to the row once it is drawn (goToRow looks among the rows shown).
  const { rows, goToRow } = options;
  useEffect(() => {
    if (!focusAfter || !rows.some((r) => r.id === focusAfter.rowId)) return;
    goToRow(focusAfter.rowId, focusAfter.lang);
    setFocusAfter(null);
  }, [rows, focusAfter, goToRow]);

  return { source, changed, onLive, resynced, reloadBy };
}
