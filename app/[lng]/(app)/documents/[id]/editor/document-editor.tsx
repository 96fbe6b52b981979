"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Virtuoso } from "react-virtuoso";
import type { EditorPermissions } from "@/lib/auth/permissions";
import type { ApiError } from "@/lib/editor/api-client";
import { rowHasOpenErrors } from "@/lib/editor/qa-model";
import { repetitionsToFill } from "@/lib/editor/repetitions";
import { filterRows, isConfirmed, type Row, type RowFilter } from "@/lib/editor/rows";
import { errorKeys, errorParams } from "@/lib/error-params";
import { toKkLatn } from "@/lib/translit/kk-latn";
import { ApproveAllDialog } from "./approve-all-dialog";
import type { EditorActions } from "./editor-actions";
import { EditorToolbar } from "./editor-toolbar";
import { LiveStatus } from "./live-status";
import { MemoryPane } from "./memory-pane";
import { groupBySegment, openCount, type Thread } from "./notes-model";
import { ParagraphsChanged } from "./paragraphs-changed";
import { QaConfirmDialog } from "./qa-confirm-dialog";
import { ReplaceDialog } from "./replace-dialog";
import { SegmentRow } from "./segment-row";
import { SentBack } from "./sent-back";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { type Panel, SidePanel } from "./side-panel";
import { type SourceData, useSourceEditingValue } from "./source/source-editing";
import { useDecisions } from "./use-decisions";
import { useEditor } from "./use-editor";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { useLiveUpdates } from "./use-live-updates";
import { useQa } from "./use-qa";
import { useRemainingRows } from "./use-remaining-rows";
import { useRowNavigation, VIRTUALIZE_ABOVE } from "./use-row-navigation";
import { useSegmentLink } from "./use-segment-link";
import { markSentBackRead, useSentBack } from "./use-sent-back";
import { useThreads } from "./use-threads";

interface Props {
  documentId: string;
  projectId: string;
  sourceLang: string;
  langs: string[];
  rows: Row[];
  /** How many paragraphs the document has; when more than `rows`, the rest are loaded after the first paint. */
  totalRows: number;
  threads: Thread[];
  /** Per language, per segment: the text at the last review decision (for review mode). */
  baselines: Record<string, Record<string, string>>;
  permissions: EditorPermissions;
  /** The newest live event when the page was rendered: the stream starts after it. */
  liveAfter: number;
  /** "Source changed" marks and source versions (issue #13, editor/source/). */
  source?: SourceData;
  /** The project's memory settings the editor follows (lib/tm/settings.ts). */
  memory: { projectId: string; repetitions: boolean };
}

export function DocumentEditor({
  documentId,
  projectId,
  sourceLang,
  langs,
  rows: initialRows,
  totalRows,
  threads: initialThreads,
  baselines,
  permissions,
  liveAfter,
  source,
  memory,
}: Props) {
  const { t } = useTranslation();
  const { canEdit, canComment, canDecide } = permissions;
  const editor = useEditor(documentId, permissions.userId, initialRows);
  const { state } = editor;
  const [filter, setFilter] = useState<RowFilter>({ status: "", openNotes: false, search: "", lang: langs[0] });
  const { threads, setThreads, addNote, updateNote } = useThreads(initialThreads);
  const bySegment = useMemo(() => groupBySegment(threads), [threads]);
  const complete = state.rows.length >= totalRows;
  const qa = useQa({
    documentId,
    projectId,
    sourceLang,
    langs,
    rows: state.rows,
    complete,
    edit: editor.edit,
    permissions,
  });
  const visible = useMemo(
    () =>
      filterRows(state.rows, filter, {
        langs,
        openNotes: (id) => openCount(bySegment.get(id)),
        qaErrors: (id) => rowHasOpenErrors(qa.byRow.get(id), langs),
      }),
    [state.rows, filter, langs, bySegment, qa.byRow],
  );
  const { visibleRef, virtuoso, focus, goTo, goToRow, goToNextAfter } = useRowNavigation(visible);
  qa.navigateWith(goToRow);
  useSegmentLink(state.rows, langs[0], goToRow);
  const [panel, setPanel] = useState<Panel>(null);
  const [active, setActive] = useState<{ rowId: string; lang: string } | null>(null);
  const rowsRef = useRef(state.rows);
  rowsRef.current = state.rows;
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [replaceOpen, setReplaceOpen] = useState(false);
  const [approveAllOpen, setApproveAllOpen] = useState(false);
  const [reviewMode, setReviewMode] = useState(false);
  const [rejectRequest, setRejectRequest] = useState<{ rowId: string; lang: string; token: number } | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [kkLatin, setKkLatin] = useState(false);
  // Kazakh shown in the 2021 Latin alphabet: read-only, the text itself stays Cyrillic.
  const display = useMemo(
    () => (kkLatin ? (lang: string, text: string) => (lang === "kk" ? toKkLatn(text) : null) : undefined),
    [kkLatin],
  );

  const { edit, setStatus, revert, flush, keepMine, takeTheirs, dispatch, append } = editor;
  useRemainingRows(documentId, langs, initialRows.length, totalRows, append);

  const report = useCallback(
    (error: ApiError | null) => setHint(error ? t(errorKeys(error), errorParams(error)) : null),
    [t],
  );
  const { decide, refreshLang, decidedTexts } = useDecisions({
    documentId,
    baselines,
    rows: visibleRef,
    dispatch,
    setThreads,
    goToNextAfter,
    report,
  });

  const live = useLiveUpdates({
    documentId,
    langs,
    userId: permissions.userId,
    startAfter: liveAfter,
    cellOf: editor.cellOf,
    dispatch,
    queue: editor.queue,
    setThreads,
    refreshLang,
  });

  const showShortcuts = useCallback(() => setShortcutsOpen(true), []);
  const { guard: qaGuard, controller: qaController } = qa;
  const actions = useMemo<EditorActions>(() => {
    const indexOf = (rowId: string) => visibleRef.current.findIndex((r) => r.id === rowId);
    return {
      edit,
      confirm(rowId, lang) {
        const cell = visibleRef.current[indexOf(rowId)]?.cells[lang];
        if (!cell) return;
        if (cell.text.trim() === "") {
          setHint(t("editor.emptyCannotConfirm"));
          return;
        }
        setHint(null);
        // Open quality-check errors: the person confirms anyway or goes back to fix them.
        void qaGuard(rowId, lang, "confirm").then((proceed) => {
          if (!proceed) return;
          setStatus(rowId, lang, "translated");
          // Repetitions of this paragraph still empty get its text as drafts (a project setting).
          if (memory.repetitions)
            for (const id of repetitionsToFill(rowsRef.current, rowId, lang)) {
              edit(id, lang, cell.text);
              flush(id, lang);
            }
          goToNextAfter(rowId, lang, (r) => !isConfirmed(r.cells[lang]));
        });
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
      leave(rowId, lang) {
        flush(rowId, lang);
        live.blur(rowId, lang);
      },
      focus(rowId, lang) {
        qaController.focus(rowId, lang);
        setActive((a) => (a?.rowId === rowId && a.lang === lang ? a : { rowId, lang }));
        setPanel((p) => (p?.kind === "history" ? { kind: "history", rowId, lang } : p));
        live.focus(rowId, lang);
      },
      history(rowId, lang) {
        setPanel({ kind: "history", rowId, lang });
      },
      keepMine,
      takeTheirs,
      showShortcuts,
      notes(rowId, anchor, threadId) {
        setPanel({ kind: "notes", rowId, anchor: anchor ?? null, threadId: threadId ?? null });
      },
      async decide(rowId, lang, decision, note) {
        if (decision === "approved" && !(await qaGuard(rowId, lang, "approve"))) return false;
        return decide(rowId, lang, decision, note);
      },
      requestReject(rowId, lang) {
        setRejectRequest({ rowId, lang, token: Date.now() });
      },
    };
  }, [
    edit,
    setStatus,
    revert,
    flush,
    keepMine,
    takeTheirs,
    goTo,
    goToNextAfter,
    decide,
    showShortcuts,
    visibleRef,
    t,
    qaGuard,
    qaController,
    live.focus,
    live.blur,
    memory.repetitions,
  ]);

  const firstUntranslated = useCallback(() => actions.firstUntranslated(langs[0]), [actions, langs]);
  useEditorShortcuts({ showShortcuts, firstUntranslated });

  const sentBack = useSentBack(documentId, langs[0], state.rows, canEdit);
  const translatedCount = state.rows.filter((r) => r.cells[langs[0]]?.status === "translated").length;
  const openThreads = threads.filter((th) => !th.resolved).length;
  const activeBaselines = reviewMode ? decidedTexts : null;

  const sourceEditing = useSourceEditingValue(documentId, permissions, source, editor.queue);
  const renderRow = (row: Row) => (
    <SegmentRow
      key={row.id}
      row={row}
      sourceLang={sourceLang}
      langs={langs}
      canEdit={canEdit}
      canComment={canComment}
      online={state.online}
      focus={focus?.rowId === row.id ? { lang: focus.lang, token: focus.token } : null}
      threads={bySegment.get(row.id)}
      baselines={activeBaselines}
      rejectRequest={rejectRequest?.rowId === row.id ? rejectRequest : null}
      display={display}
      presence={live.presenceFor(row.id)}
      actions={actions}
      qa={qa.byRow.get(row.id)}
      qaController={qaController}
      sourceEditing={sourceEditing}
    />
  );

  return (
    <div className={`editor cols-${langs.length}${reviewMode ? " review-mode" : ""}`}>
      <EditorToolbar
        documentId={documentId}
        rows={state.rows}
        langs={langs}
        filter={filter}
        setFilter={setFilter}
        shown={visible.length}
        online={state.online}
        waiting={state.waiting}
        restored={editor.restored}
        permissions={permissions}
        reviewMode={reviewMode}
        setReviewMode={setReviewMode}
        openThreads={openThreads}
        translatedCount={translatedCount}
        hint={hint}
        onShortcuts={showShortcuts}
        onReplace={() => setReplaceOpen(true)}
        onAllNotes={() => setPanel({ kind: "all-notes" })}
        onTerms={() => setPanel((p) => (p?.kind === "terms" ? null : { kind: "terms" }))}
        onApproveAll={() => setApproveAllOpen(true)}
        kkLatin={langs.includes("kk") ? { on: kkLatin, set: setKkLatin } : null}
        qaErrorRows={qa.errorRows}
        live={<LiveStatus status={live.status} people={live.people} />}
      />
      <ParagraphsChanged by={live.paragraphsChangedBy} beforeReload={async () => editor.queue?.flushAll()} />
      {!complete && (
        <p className="banner" role="status" data-testid="loading-rows">
          {t("editor.loadingRows", { count: totalRows - state.rows.length })}
        </p>
      )}
      {sentBack.length > 0 && (
        <SentBack
          entries={sentBack}
          onJump={(entry) => {
            markSentBackRead(entry);
            goToRow(entry.row.id, langs[0]);
          }}
        />
      )}
      <MemoryPane
        documentId={documentId}
        projectId={memory.projectId}
        sourceLang={sourceLang}
        langs={langs}
        rows={state.rows}
        active={active}
        canEdit={canEdit}
        edit={edit}
        onPretranslated={(lang) => void refreshLang(lang)}
      >
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
      </MemoryPane>
      <SidePanel
        panel={panel}
        setPanel={setPanel}
        rows={state.rows}
        langs={langs}
        threads={threads}
        bySegment={bySegment}
        permissions={permissions}
        restore={(rowId, lang, text) => {
          edit(rowId, lang, text);
          flush(rowId, lang);
        }}
        addNote={addNote}
        updateNote={updateNote}
        goToRow={goToRow}
      />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <QaConfirmDialog pending={qa.pending} />
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
      {canDecide && (
        <ApproveAllDialog
          documentId={documentId}
          lang={langs[0]}
          count={translatedCount}
          open={approveAllOpen}
          onClose={() => setApproveAllOpen(false)}
          onDone={() => void refreshLang(langs[0])}
        />
      )}
    </div>
  );
}
