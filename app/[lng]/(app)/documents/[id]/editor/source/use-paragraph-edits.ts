"use client";
// Splits, merges, their undo and source edits shown in place, whoever made them: this tab (after its
// request answered) or someone else (the live stream's document.changed with `paragraphs`). The rows
// named are read again (GET /api/v1/segments/{id}) and put into the editor's rows; their notes and
// "source changed" marks follow. A source update or a restore from the bin (`paragraphChanges`) is
// shown the same way, its rows read in one request (GET /api/v1/documents/{id}/paragraphs); a row it
// removed while this tab held an unsaved edit in it stays on screen, marked, until dismissed.
// Changes are applied one at a time, in the document's structure version order: one this view has
// already shown is skipped, and one after a change it never saw (or while the rest of a long
// document is still loading, or one too big for the event to name its rows) asks for a reload
// instead of guessing.

import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from "react";
import { api } from "@/lib/editor/api-client";
import { applyParagraphChanges, hasUnsaved } from "@/lib/editor/paragraph-changes";
import { type ChangedBy, type FreshParagraph, sourceMarks } from "@/lib/editor/paragraph-edit";
import type { Row } from "@/lib/editor/rows";
import type { SaveQueue } from "@/lib/editor/save-queue";
import type { LiveEvent, ParagraphChanges, ParagraphEdit } from "@/lib/live/events";
import type { EditorAction } from "../editor-reducer";
import type { Thread } from "../notes-model";
import { type OwnEdit, reloadAt, type SourceData } from "./source-editing";

interface Options {
  documentId: string;
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
  queue: SaveQueue | null;
  setThreads: Dispatch<SetStateAction<Thread[]>>;
  goToRow: (rowId: string, lang: string) => void;
}

/** Rows still in the document (not those kept on screen for an unsaved edit). */
const inDocument = (rows: Row[], id: string) => rows.some((r) => r.id === id && !r.gone);

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

  const applyMany = useCallback(async (changes: ParagraphChanges, by: ChangedBy): Promise<boolean> => {
    const { complete, documentId } = latest.current;
    if (changes.structureVersion <= known.current) return true;
    if (changes.structureVersion > known.current + 1 || !complete) return false;
    let fresh: FreshParagraph[] = [];
    if (changes.read.length > 0) {
      const res = await api.paragraphs(documentId, changes.read);
      // Positions read after a later change belong to another order of rows: the view cannot follow.
      if (!res.ok || res.data.structureVersion !== changes.structureVersion) return false;
      fresh = res.data.paragraphs;
    }
    const { rows, langs, dispatch, queue } = latest.current;
    if (!applyParagraphChanges(rows, changes, fresh, langs, by)) return false;
    known.current = changes.structureVersion;
    const removed = new Set(changes.removed);
    // A removed row's unsaved edits are kept on screen; sending them would only meet a 404.
    for (const row of rows) {
      if (!removed.has(row.id) || row.gone || !hasUnsaved(row)) continue;
      for (const [lang, cell] of Object.entries(row.cells)) if (cell.state !== "saved") queue?.hold(row.id, lang);
    }
    const focused = focusedRemoved(rows, removed, fresh);
    dispatch({ type: "paragraphChanges", changes, fresh, langs, by });
    const delta =
      fresh.filter((p) => !inDocument(rows, p.id)).length - changes.removed.filter((id) => inDocument(rows, id)).length;
    if (delta !== 0) latest.current.countChanged((n) => n + delta);
    if (focused) setFocusAfter(focused);
    setSource((s) => {
      const marks = { ...s.changes };
      const versions = { ...s.versions };
      for (const id of changes.removed) {
        delete marks[id];
        delete versions[id];
      }
      for (const p of fresh) {
        const m = sourceMarks(p);
        if (m) marks[p.id] = m;
        else delete marks[p.id];
        versions[p.id] = p.version;
      }
      return { changes: marks, versions };
    });
    // Notes came back with restored rows, moved with changed words, left with removed rows: one read.
    const notes = await api.documentNotes(documentId);
    const shown = (th: Thread) => th.lang === null || latest.current.langs.includes(th.lang);
    if (notes.ok) latest.current.setThreads(notes.data.notes.filter(shown));
    return true;
  }, []);

  /** One change at a time, in the order they came. */
  const enqueue = useCallback((change: () => Promise<boolean>) => {
    const next = chain.current.then(change, change);
    chain.current = next.catch(() => false);
    return chain.current;
  }, []);

  /** This tab's own change answered: show it, and put the caret where the translator expects. */
  const changed = useCallback(
    async (own: OwnEdit, focusRowId: string) => {
      const edit = { ...own, structureVersion: own.structureVersion ?? known.current };
      if (!(await enqueue(() => apply(edit)))) {
        reloadAt(focusRowId);
        return;
      }
      setFocusAfter({ rowId: focusRowId, lang: latest.current.langs[0] });
    },
    [enqueue, apply],
  );

  /** Someone's change from the live stream; false when it names no rows (the caller offers a reload). */
  const onLive = useCallback(
    (event: DocumentChanged) => {
      const { paragraphs, paragraphChanges } = event;
      const by = event.by ? { id: event.by.id, name: event.by.name } : null;
      const change = paragraphs
        ? () => apply(paragraphs)
        : paragraphChanges
          ? () => applyMany(paragraphChanges, by)
          : null;
      if (!change) return false;
      void enqueue(change).then((ok) => {
        if (!ok) setReloadBy(event.by?.name ?? null);
      });
      return true;
    },
    [enqueue, apply, applyMany],
  );

  /** A row kept for its unsaved edit after it was removed: the person is done with it. */
  const dismiss = useCallback((rowId: string) => {
    const { rows, queue, dispatch } = latest.current;
    const row = rows.find((r) => r.id === rowId && r.gone);
    if (!row) return;
    for (const lang of Object.keys(row.cells)) queue?.discard(rowId, lang);
    dispatch({ type: "dismissGone", rowId });
  }, []);

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

  return { source, changed, onLive, resynced, reloadBy, dismiss };
}

/**
 * When focus is in a row the change removes (with nothing unsaved: that row stays), the row to move
 * it to: the next one still in the document, else the one before.
 */
function focusedRemoved(rows: Row[], removed: Set<string>, fresh: FreshParagraph[]) {
  const box = typeof document === "undefined" ? null : document.activeElement;
  const id = box?.closest("[data-segment-id]")?.getAttribute("data-segment-id");
  const at = id ? rows.findIndex((r) => r.id === id) : -1;
  if (at < 0 || !removed.has(rows[at].id) || hasUnsaved(rows[at])) return null;
  const lang = box?.getAttribute("data-lang") ?? Object.keys(rows[at].cells)[0];
  const stays = (r: Row) => !removed.has(r.id) && !r.gone;
  const next = rows.slice(at + 1).find(stays) ?? rows.slice(0, at).reverse().find(stays) ?? fresh[0];
  return next && lang ? { rowId: next.id, lang } : null;
}
