"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Virtuoso, type VirtuosoHandle } from "react-virtuoso";
import { ProgressBar } from "@/app/_components/progress-bar";
import { filterRows, isConfirmed, type Row, type RowFilter } from "@/lib/editor/rows";
import { type TranslationStatus, translationStatuses } from "@/lib/segments/status";
import type { EditorActions } from "./editor-actions";
import { HistoryPanel } from "./history-panel";
import { ReplaceDialog } from "./replace-dialog";
import { SegmentRow } from "./segment-row";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useEditor } from "./use-editor";

/** Above this many paragraphs only the rows on screen are rendered (react-virtuoso). */
const VIRTUALIZE_ABOVE = 300;

interface Props {
  documentId: string;
  sourceLang: string;
  langs: string[];
  rows: Row[];
  canEdit: boolean;
}

export function DocumentEditor({ documentId, sourceLang, langs, rows: initialRows, canEdit }: Props) {
  const { t } = useTranslation();
  const editor = useEditor(documentId, initialRows);
  const { state } = editor;
  const [filter, setFilter] = useState<RowFilter>({ status: "", openNotes: false, search: "", lang: langs[0] });
  const visible = useMemo(() => filterRows(state.rows, filter, langs), [state.rows, filter, langs]);
  const visibleRef = useRef(visible);
  visibleRef.current = visible;
  const virtuoso = useRef<VirtuosoHandle>(null);
  const [focus, setFocus] = useState<{ rowId: string; lang: string; token: number } | null>(null);
  const current = useRef<{ rowId: string; lang: string } | null>(null);
  const [historyFor, setHistoryFor] = useState<{ rowId: string; lang: string } | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [replaceOpen, setReplaceOpen] = useState(false);
  const [hint, setHint] = useState<string | null>(null);

  const goTo = useCallback((index: number, lang: string) => {
    const row = visibleRef.current[index];
    if (!row) return;
    if (visibleRef.current.length > VIRTUALIZE_ABOVE) virtuoso.current?.scrollToIndex({ index, align: "center" });
    setFocus({ rowId: row.id, lang, token: Date.now() });
  }, []);

  const { edit, setStatus, revert, flush, keepMine, takeTheirs } = editor;

  const actions = useMemo<EditorActions>(() => {
    const indexOf = (rowId: string) => visibleRef.current.findIndex((r) => r.id === rowId);
    return {
      edit,
      confirm(rowId, lang) {
        const row = visibleRef.current[indexOf(rowId)];
        const cell = row?.cells[lang];
        if (!cell) return;
        if (cell.text.trim() === "") {
          setHint(t("editor.emptyCannotConfirm"));
          return;
        }
        setHint(null);
        setStatus(rowId, lang, "translated");
        // The next paragraph not yet confirmed, after this one.
        const from = indexOf(rowId);
        const next = visibleRef.current.findIndex((r, i) => i > from && !isConfirmed(r.cells[lang]));
        if (next >= 0) goTo(next, lang);
      },
      move(rowId, lang, step) {
        goTo(indexOf(rowId) + step, lang);
      },
      copySource(rowId, lang) {
        const row = visibleRef.current[indexOf(rowId)];
        if (row) edit(rowId, lang, row.source);
      },
      revert,
      firstUntranslated(lang) {
        const index = visibleRef.current.findIndex((r) => !isConfirmed(r.cells[lang]));
        if (index >= 0) goTo(index, lang);
      },
      leave: flush,
      focus(rowId, lang) {
        current.current = { rowId, lang };
        setHistoryFor((h) => (h ? { rowId, lang } : h));
      },
      history(rowId, lang) {
        setHistoryFor({ rowId, lang });
      },
      keepMine,
      takeTheirs,
      showShortcuts() {
        setShortcutsOpen(true);
      },
    };
  }, [edit, setStatus, revert, flush, keepMine, takeTheirs, goTo, t]);

  // "?" anywhere outside a text field opens the shortcut list.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      const typing = target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.isContentEditable;
      if (!typing && e.key === "?") {
        e.preventDefault();
        setShortcutsOpen(true);
      }
      if (e.ctrlKey && (e.key === "j" || e.key === "J") && !typing) {
        e.preventDefault();
        actions.firstUntranslated(langs[0]);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [actions, langs]);

  // Leaving the page sends what is waiting; local storage keeps it if that fails.
  useEffect(() => {
    const onHide = () => {
      if (editor.queue) void editor.queue.flushAll();
    };
    window.addEventListener("pagehide", onHide);
    return () => window.removeEventListener("pagehide", onHide);
  }, [editor.queue]);

  const progress = useMemo(() => {
    const lang = langs[0];
    const paragraphs = Object.fromEntries(translationStatuses.map((s) => [s, 0])) as Record<TranslationStatus, number>;
    const words = { ...paragraphs };
    for (const row of state.rows) {
      const status = row.cells[lang]?.status ?? "new";
      paragraphs[status] += 1;
      words[status] += row.wordCount;
    }
    return { lang, paragraphs, words };
  }, [state.rows, langs]);

  const done = (["translated", "reviewed", "approved"] as const).reduce(
    (acc, s) => ({ p: acc.p + progress.paragraphs[s], w: acc.w + progress.words[s] }),
    { p: 0, w: 0 },
  );
  const totalWords = translationStatuses.reduce((sum, s) => sum + progress.words[s], 0);

  const refreshLang = useCallback(
    async (lang: string) => {
      const res = await fetch(
        `/api/v1/documents/${encodeURIComponent(documentId)}/segments?target=${encodeURIComponent(lang)}`,
      );
      if (!res.ok) return;
      const body = (await res.json()) as {
        segments: { id: string; translation: { text: string; status: TranslationStatus; version: number } }[];
      };
      editor.dispatch({ type: "refresh", lang, cells: new Map(body.segments.map((s) => [s.id, s.translation])) });
    },
    [documentId, editor.dispatch],
  );

  const renderRow = (row: Row) => (
    <SegmentRow
      key={row.id}
      row={row}
      sourceLang={sourceLang}
      langs={langs}
      canEdit={canEdit}
      online={state.online}
      focus={focus?.rowId === row.id ? { lang: focus.lang, token: focus.token } : null}
      actions={actions}
    />
  );

  const historyRow = historyFor ? state.rows.find((r) => r.id === historyFor.rowId) : undefined;
  const offline = !state.online && state.waiting > 0;

  return (
    <div className={`editor cols-${langs.length}`}>
      <div className="editor-toolbar">
        <ProgressBar
          words={progress.words}
          paragraphs={progress.paragraphs}
          labels={{
            title: t("editor.progress", { lang: t(`lang.${progress.lang}`) }),
            summary: t("editor.progressSummary", { done: done.p, total: state.rows.length, words: done.w, totalWords }),
            status: Object.fromEntries(translationStatuses.map((s) => [s, t(`status.${s}`)])) as Record<
              TranslationStatus,
              string
            >,
          }}
        />
        <div className="filters">
          <input
            type="search"
            placeholder={t("editor.search")}
            aria-label={t("editor.search")}
            value={filter.search}
            onChange={(e) => setFilter((f) => ({ ...f, search: e.target.value }))}
          />
          <select
            aria-label={t("editor.statusFilter")}
            value={filter.status}
            onChange={(e) => setFilter((f) => ({ ...f, status: e.target.value as RowFilter["status"] }))}
          >
            <option value="">{t("editor.allStatuses")}</option>
            {translationStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={filter.openNotes}
              onChange={(e) => setFilter((f) => ({ ...f, openNotes: e.target.checked }))}
            />{" "}
            {t("editor.hasOpenNotes")}
          </label>
          <span className="muted" role="status">
            {t("editor.shown", { shown: visible.length, total: state.rows.length })}
          </span>
          <span className="spacer" />
          {canEdit && (
            <button type="button" onClick={() => setReplaceOpen(true)}>
              {t("editor.replace.open")}
            </button>
          )}
          <button type="button" onClick={() => setShortcutsOpen(true)} aria-keyshortcuts="?">
            {t("editor.shortcuts")} (?)
          </button>
        </div>
        {offline && (
          <p className="banner offline" role="status" data-testid="offline-banner">
            {t("editor.offlineBanner", { count: state.waiting })}
          </p>
        )}
        {editor.restored > 0 && state.online && (
          <p className="banner" role="status">
            {t("editor.restored", { count: editor.restored })}
          </p>
        )}
        {!canEdit && <p className="banner">{t("editor.readOnly")}</p>}
        {hint && (
          <p className="banner" role="alert">
            {hint}
          </p>
        )}
      </div>
      <div
        className="editor-table"
        role="table"
        aria-label={t("document.translation")}
        aria-rowcount={visible.length + 1}
      >
        <div className="editor-head" role="row">
          <span role="columnheader">{t("document.position")}</span>
          <span role="columnheader">{t("editor.sourceColumn", { lang: t(`lang.${sourceLang}`) })}</span>
          {langs.map((lang) => (
            <span key={lang} role="columnheader">
              {t("document.translation")} ({t(`lang.${lang}`)})
            </span>
          ))}
        </div>
        {visible.length === 0 && <p className="muted">{t("editor.noRows")}</p>}
        {visible.length > 0 && visible.length <= VIRTUALIZE_ABOVE
          ? // Small documents are rendered whole: the browser's own find and printing see every paragraph.
            visible.map((row) => renderRow(row))
          : visible.length > 0 && (
              <Virtuoso
                ref={virtuoso}
                useWindowScroll
                data={visible}
                increaseViewportBy={{ top: 600, bottom: 900 }}
                computeItemKey={(_, row) => row.id}
                itemContent={(_, row) => renderRow(row)}
              />
            )}
      </div>
      {historyFor && historyRow && (
        <HistoryPanel
          segmentId={historyFor.rowId}
          position={historyRow.position}
          lang={historyFor.lang}
          currentVersion={historyRow.cells[historyFor.lang]?.version ?? 0}
          canEdit={canEdit}
          onRestore={(text) => {
            edit(historyFor.rowId, historyFor.lang, text);
            flush(historyFor.rowId, historyFor.lang);
          }}
          onClose={() => setHistoryFor(null)}
        />
      )}
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      {canEdit && (
        <ReplaceDialog
          documentId={documentId}
          langs={langs}
          open={replaceOpen}
          onClose={() => setReplaceOpen(false)}
          beforeRun={async () => {
            await editor.queue?.flushAll();
          }}
          onApplied={(lang) => void refreshLang(lang)}
        />
      )}
    </div>
  );
}
