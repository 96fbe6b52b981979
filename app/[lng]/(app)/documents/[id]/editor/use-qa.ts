"use client";
// Quality-check findings in the editor. The document report (errors and warnings of every paragraph,
// document checks included) is read once the rows are loaded; a paragraph is checked again through
// POST /api/v1/qa/check 300 ms after its translation stops changing, and when it gets focus (every
// severity). Measured: the check answers in a few milliseconds on the server (bench/qa.ts), so the
// browser asks the server rather than running the checks itself — spelling dictionaries and the
// glossaries are the server's, and one implementation answers everywhere.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "@/lib/editor/api-client";
import {
  type CellQa,
  cellsFromReport,
  openErrors,
  type QaFindingData,
  type RowQa,
  rowHasOpenErrors,
  withCheck,
  withReport,
} from "@/lib/editor/qa-model";
import type { Row } from "@/lib/editor/rows";
import { errorKeys, errorParams } from "@/lib/error-params";
import { applyFix } from "@/lib/qa/fix";

const DEBOUNCE_MS = 300;
/** More cells changed at once than this (a replace, approve all): read the report again instead. */
const BULK = 20;

export interface QaController {
  canEdit: boolean;
  canIgnore: boolean;
  /** Owners: "add to dictionary" on a spelling finding. */
  canAddWords: boolean;
  focus(rowId: string, lang: string): void;
  fix(rowId: string, lang: string, finding: QaFindingData): void;
  /** Resolves to an error message, or null when done. */
  ignore(rowId: string, lang: string, finding: QaFindingData, reason: string): Promise<string | null>;
  unignore(rowId: string, lang: string, finding: QaFindingData): Promise<string | null>;
  addWord(rowId: string, lang: string, word: string): Promise<string | null>;
  goToRow(rowId: string, lang: string): void;
  positionOf(rowId: string): number | undefined;
}

/** A confirmation waiting for the person: confirm or approve a paragraph with open errors. */
export interface QaPending {
  rowId: string;
  lang: string;
  position: number;
  action: "confirm" | "approve";
  errors: QaFindingData[];
  answer(proceed: boolean): void;
}

interface Options {
  documentId: string;
  projectId: string;
  sourceLang: string;
  langs: string[];
  rows: Row[];
  /** Every row is loaded (big documents load the rest after the first screen). */
  complete: boolean;
  edit(rowId: string, lang: string, text: string): void;
  permissions: { canEdit: boolean; canIgnoreQa: boolean; canSetQa: boolean };
}

const cellKey = (rowId: string, lang: string) => `${rowId}|${lang}`;

export function useQa({ documentId, projectId, sourceLang, langs, rows, complete, edit, permissions }: Options) {
  const { t } = useTranslation();
  const [byRow, setByRow] = useState<Map<string, RowQa>>(() => new Map());
  const [pending, setPending] = useState<QaPending | null>(null);
  // The editor's row navigation comes after the filter that reads these findings: set each render.
  const navigate = useRef<(rowId: string, lang: string) => void>(() => {});
  const navigateWith = useCallback((goToRow: (rowId: string, lang: string) => void) => {
    navigate.current = goToRow;
  }, []);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const byRowRef = useRef(byRow);
  byRowRef.current = byRow;
  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  const indexRef = useRef(rowIndex);
  indexRef.current = rowIndex;
  const rowOf = useCallback((rowId: string) => {
    const i = indexRef.current.get(rowId);
    return i === undefined ? undefined : rowsRef.current[i];
  }, []);

  const setCell = useCallback(
    (rowId: string, lang: string, update: (cell: CellQa | undefined) => CellQa | undefined) => {
      setByRow((prev) => {
        const row = { ...prev.get(rowId) };
        const cell = update(row[lang]);
        if (cell) row[lang] = cell;
        else delete row[lang];
        const next = new Map(prev);
        next.set(rowId, row);
        return next;
      });
    },
    [],
  );

  const loadReport = useCallback(
    async (lang: string) => {
      const res = await api.documentQa(documentId, lang, "severity=error,warning");
      if (!res.ok) return;
      // The report checked what is saved: its offsets are the saved text's.
      const cells = cellsFromReport(res.data.findings, (id) => rowOf(id)?.cells[lang]?.savedText);
      setByRow((prev) => {
        const next = new Map(prev);
        for (const id of new Set([...prev.keys(), ...cells.keys()])) {
          const row = { ...prev.get(id) };
          const merged = withReport(row[lang], cells.get(id));
          if (merged) row[lang] = merged;
          else delete row[lang];
          next.set(id, row);
        }
        return next;
      });
    },
    [documentId, rowOf],
  );

  useEffect(() => {
    if (complete) for (const lang of langs) void loadReport(lang);
  }, [complete, langs, loadReport]);

  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const checkNow = useCallback(
    async (rowId: string, lang: string): Promise<CellQa | undefined> => {
      const row = rowOf(rowId);
      const cell = row?.cells[lang];
      if (!row || !cell) return undefined;
      const key = cellKey(rowId, lang);
      // This check covers a waiting one.
      clearTimeout(timers.current.get(key));
      timers.current.delete(key);
      const text = cell.text;
      const res = await api.qaCheck({
        source: row.source,
        target: text,
        sourceLang,
        targetLang: lang,
        projectId,
        segmentId: rowId,
      });
      // An answer for a text no longer in the box is dropped: the check of the newer one is on its way.
      if (!res.ok || rowOf(rowId)?.cells[lang]?.text !== text) return undefined;
      const fresh = withCheck(byRowRef.current.get(rowId)?.[lang], text, res.data.findings);
      setCell(rowId, lang, () => fresh);
      return fresh;
    },
    [projectId, sourceLang, rowOf, setCell],
  );

  const schedule = useCallback(
    (rowId: string, lang: string, delay = DEBOUNCE_MS) => {
      const key = cellKey(rowId, lang);
      clearTimeout(timers.current.get(key));
      timers.current.set(
        key,
        setTimeout(() => void checkNow(rowId, lang), delay),
      );
    },
    [checkNow],
  );

  useEffect(
    () => () => {
      for (const timer of timers.current.values()) clearTimeout(timer);
    },
    [],
  );

  // Texts as last seen: a text that changes (typing, a fix, undo, Esc, a restored edit) is checked again.
  const seenRows = useRef(new WeakSet<Row>());
  const seenTexts = useRef(new Map<string, string>());
  useEffect(() => {
    const changed = new Map<string, string[]>();
    for (const row of rows) {
      if (seenRows.current.has(row)) continue;
      seenRows.current.add(row);
      for (const lang of langs) {
        const text = row.cells[lang]?.text;
        if (text === undefined) continue;
        const key = cellKey(row.id, lang);
        const before = seenTexts.current.get(key);
        seenTexts.current.set(key, text);
        if (before !== undefined && before !== text) changed.set(lang, [...(changed.get(lang) ?? []), row.id]);
      }
    }
    for (const [lang, ids] of changed) {
      if (ids.length > BULK) void loadReport(lang);
      else for (const id of ids) schedule(id, lang);
    }
  }, [rows, langs, schedule, loadReport]);

  const message = useCallback((error: Parameters<typeof errorKeys>[0]) => t(errorKeys(error), errorParams(error)), [t]);

  const markIgnored = useCallback(
    (rowId: string, lang: string, key: string, mark: QaFindingData["ignore"] | undefined) =>
      setCell(rowId, lang, (cell) => {
        if (!cell) return cell;
        const set = (f: QaFindingData): QaFindingData =>
          f.key !== key
            ? f
            : mark
              ? { ...f, ignored: true, ignore: mark }
              : { ...f, ignored: false, ignore: undefined };
        return { ...cell, findings: cell.findings.map(set), documentFindings: cell.documentFindings.map(set) };
      }),
    [setCell],
  );

  const controller = useMemo<QaController>(
    () => ({
      canEdit: permissions.canEdit,
      canIgnore: permissions.canIgnoreQa,
      canAddWords: permissions.canSetQa,
      focus(rowId, lang) {
        const row = rowOf(rowId);
        const qa = byRowRef.current.get(rowId)?.[lang];
        if (row && (!qa?.complete || qa.text !== row.cells[lang]?.text)) schedule(rowId, lang, 0);
      },
      fix(rowId, lang, finding) {
        const text = rowOf(rowId)?.cells[lang]?.text;
        const qa = byRowRef.current.get(rowId)?.[lang];
        // The fix's offsets are those of the text it was found in.
        if (text === undefined || !finding.fix || qa?.text !== text) return;
        edit(rowId, lang, applyFix(text, finding.fix));
      },
      async ignore(rowId, lang, finding, reason) {
        const res = await api.qaIgnore(rowId, lang, {
          key: finding.key,
          check: finding.check,
          messageKey: finding.messageKey,
          params: finding.params,
          reason,
        });
        if (!res.ok) return message(res.error);
        markIgnored(rowId, lang, finding.key, res.data.ignore);
        return null;
      },
      async unignore(rowId, lang, finding) {
        if (!finding.ignore) return null;
        const res = await api.qaUnignore(finding.ignore.id);
        if (!res.ok) return message(res.error);
        markIgnored(rowId, lang, finding.key, undefined);
        return null;
      },
      async addWord(rowId, lang, word) {
        const res = await api.addDictionaryWord(projectId, { lang, word });
        if (!res.ok) return message(res.error);
        await checkNow(rowId, lang);
        void loadReport(lang);
        return null;
      },
      goToRow: (rowId, lang) => navigate.current(rowId, lang),
      positionOf: (rowId) => rowOf(rowId)?.position,
    }),
    [permissions, rowOf, schedule, edit, message, markIgnored, projectId, checkNow, loadReport],
  );

  /**
   * Before confirming or approving: true when the paragraph has no open error (checked afresh if its
   * text changed since), or when the person says to go ahead anyway.
   */
  const guard = useCallback(
    async (rowId: string, lang: string, action: QaPending["action"]): Promise<boolean> => {
      const row = rowOf(rowId);
      if (!row) return true;
      let qa = byRowRef.current.get(rowId)?.[lang];
      if (!qa || qa.text !== row.cells[lang]?.text) qa = (await checkNow(rowId, lang)) ?? qa;
      const errors = openErrors(qa);
      if (errors.length === 0) return true;
      return new Promise<boolean>((resolve) =>
        setPending({
          rowId,
          lang,
          position: row.position,
          action,
          errors,
          answer(proceed) {
            setPending(null);
            resolve(proceed);
          },
        }),
      );
    },
    [rowOf, checkNow],
  );

  const errorRows = useMemo(
    () => [...byRow.values()].filter((row) => rowHasOpenErrors(row, langs)).length,
    [byRow, langs],
  );

  return { byRow, controller, guard, pending, errorRows, navigateWith };
}
