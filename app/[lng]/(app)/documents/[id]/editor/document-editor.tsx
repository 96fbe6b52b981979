"use client";

import { type CSSProperties, type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Virtuoso } from "react-virtuoso";
import type { EditorPermissions } from "@/lib/auth/permissions";
import type { ApiError } from "@/lib/editor/api-client";
import { rowHasOpenErrors } from "@/lib/editor/qa-model";
import { filterRows, isConfirmed, isFiltered, type Row, type RowFilter } from "@/lib/editor/rows";
import { errorKeys, errorParams } from "@/lib/error-params";
import { toKkLatn } from "@/lib/translit/kk-latn";
import { ApproveAllDialog } from "./approve-all-dialog";
import type { EditorActions } from "./editor-actions";
import { EditorToolbar } from "./editor-toolbar";
import { ReplaceToast } from "./find/replace-toast";
import { useFind, useFindSearch } from "./find/use-find";
import { LiveStatus } from "./live-status";
import { MemoryPane } from "./memory-pane";
import { groupBySegment, openCount, type Thread } from "./notes-model";
import { editorPanels } from "./panel-registry";
import type { PanelContext } from "./panel-types";
import { ParagraphsChanged } from "./paragraphs-changed";
import { QaConfirmDialog } from "./qa-confirm-dialog";
import { SegmentRow } from "./segment-row";
import { SentBack } from "./sent-back";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { SideColumn } from "./side-column";
import { ParagraphCountContext } from "./source/paragraph-count";
import { type SourceData, useSourceEditingValue } from "./source/source-editing";
import { useParagraphEdits } from "./source/use-paragraph-edits";
import { useDecisions } from "./use-decisions";
import { useEditor } from "./use-editor";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { useLiveUpdates } from "./use-live-updates";
import { usePanelShortcuts } from "./use-panel-shortcuts";
import { useQa } from "./use-qa";
import { useRemainingRows } from "./use-remaining-rows";
import { useReviewMode } from "./use-review-mode";
import { useRowNavigation, VIRTUALIZE_ABOVE } from "./use-row-navigation";
import { useSegmentLink } from "./use-segment-link";
import { markSentBackRead, useSentBack } from "./use-sent-back";
import { useSideColumn } from "./use-side-column";
import { useStickyOffsets } from "./use-sticky-offsets";
import { useThreads } from "./use-threads";

interface Props {
  /** The document's title, the asker's role and the choice of languages (server-rendered by the page). */
  heading: ReactNode;
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
  /** The document's paragraph structure version the rows were read at (splits and merges shown in place). */
  structureVersion?: number;
  /** The project's memory settings the editor follows (lib/tm/settings.ts). */
  memory: { projectId: string; repetitions: boolean };
}

export function DocumentEditor(props: Props) {
  const { documentId, sourceLang, langs, totalRows, baselines, permissions, memory } = props;
  const { t } = useTranslation();
  const { canEdit, canDecide } = permissions;
  const editor = useEditor(documentId, permissions.userId, props.rows);
  const { state, edit, setStatus, revert, flush, keepMine, takeTheirs, dispatch, append } = editor;
  const [filter, setFilter] = useState<RowFilter>({ status: "", openNotes: false, search: "", lang: langs[0] });
  const { threads, setThreads, addNote, updateNote } = useThreads(props.threads);
  const bySegment = useMemo(() => groupBySegment(threads), [threads]);
  // Splits and merges shown in place change how many paragraphs the document has.
  const [rowDelta, setRowDelta] = useState(0);
  const complete = state.rows.length >= totalRows + rowDelta;
  const qa = useQa({
    documentId,
    projectId: props.projectId,
    sourceLang,
    langs,
    rows: state.rows,
    complete,
    edit,
    permissions,
  });
  // The row being edited stays in a filtered view until focus leaves it; rows a replace changed stay
  // until the search changes.
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
      filterRows(state.rows, rowFilter, {
        langs,
        openNotes: (id) => openCount(bySegment.get(id)),
        qaErrors: (id) => rowHasOpenErrors(qa.byRow.get(id), langs),
        finder: search.finder ?? undefined,
        keep,
      }),
    [state.rows, rowFilter, langs, bySegment, qa.byRow, search.finder, keep],
  );
  const { visibleRef, virtuoso, focus, goTo, goToRow, goToNextAfter, reveal } = useRowNavigation(visible);
  qa.navigateWith(goToRow);
  useSegmentLink(state.rows, langs[0], goToRow);
  const find = useFind(search, visible, langs, reveal);
  const side = useSideColumn(editorPanels);
  const [active, setActive] = useState<{ rowId: string; lang: string } | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [approveAllOpen, setApproveAllOpen] = useState(false);
  const [reviewMode, setReviewMode] = useReviewMode(permissions.userId, documentId, canDecide && !canEdit);
  const [hint, setHint] = useState<string | null>(null);
  const [kkLatin, setKkLatin] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const header = useRef<HTMLElement>(null);
  useStickyOffsets(root, header);
  // Kazakh shown in the 2021 Latin alphabet: read-only, the text itself stays Cyrillic.
  const display = useMemo(
    () => (kkLatin ? (lang: string, text: string) => (lang === "kk" ? toKkLatn(text) : null) : undefined),
    [kkLatin],
  );

  useRemainingRows(documentId, langs, props.rows.length, totalRows, append);

  const report = useCallback(
    (error: ApiError | null) => setHint(error ? t(errorKeys(error), errorParams(error)) : null),
    [t],
  );
  const { decide, unlock, refreshLang, decidedTexts } = useDecisions({
    documentId,
    baselines,
    rows: visibleRef,
    dispatch,
    setThreads,
    goToNextAfter,
    report,
  });

  const paragraphs = useParagraphEdits({
    documentId,
    langs,
    rows: state.rows,
    complete,
    countChanged: setRowDelta,
    structureVersion: props.structureVersion ?? 0,
    source: props.source,
    dispatch,
    queue: editor.queue,
    setThreads,
    goToRow,
  });

  const live = useLiveUpdates({
    documentId,
    langs,
    userId: permissions.userId,
    startAfter: props.liveAfter,
    cellOf: editor.cellOf,
    dispatch,
    queue: editor.queue,
    setThreads,
    refreshLang,
    onParagraphs: paragraphs.onLive,
    onResync: paragraphs.resynced,
  });

  const showShortcuts = useCallback(() => setShortcutsOpen(true), []);
  const { guard: qaGuard, controller: qaController } = qa;
  const { show: openPanel, follow } = side;
  const filtered = isFiltered(rowFilter);
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
          // Its repetitions still open are filled by the server after the confirm (lib/tm/propagate.ts)
          // and arrive through the live stream (document.changed, reason repetitions).
          setStatus(rowId, lang, "translated");
          // The next paragraph not yet confirmed; in a filtered view, failing that, the next of the filter.
          if (!goToNextAfter(rowId, lang, (r) => !isConfirmed(r.cells[lang])) && filtered)
            goToNextAfter(rowId, lang, () => true);
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
        follow(rowId, lang);
        live.focus(rowId, lang);
      },
      hold: setHeld,
      release: (rowId) => setHeld((h) => (h === rowId ? null : h)),
      history: (rowId, lang) => openPanel("history", { rowId, lang }),
      keepMine,
      takeTheirs,
      showShortcuts,
      notes: (rowId, anchor, threadId) => openPanel("notes", { rowId, anchor, threadId }),
      async decide(rowId, lang, decision, note) {
        if (decision === "approved" && !(await qaGuard(rowId, lang, "approve"))) return false;
        return decide(rowId, lang, decision, note);
      },
      unlock,
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
    unlock,
    showShortcuts,
    visibleRef,
    t,
    filtered,
    openPanel,
    follow,
    qaGuard,
    qaController,
    live.focus,
    live.blur,
  ]);

  const firstUntranslated = useCallback(() => actions.firstUntranslated(langs[0]), [actions, langs]);
  const panelShortcuts = usePanelShortcuts(editorPanels, permissions, langs, active, openPanel);
  useEditorShortcuts({ showShortcuts, firstUntranslated, shortcuts: panelShortcuts });

  const sentBack = useSentBack(documentId, langs[0], state.rows, canEdit);
  const translatedCount = state.rows.filter((r) => r.cells[langs[0]]?.status === "translated").length;
  const openThreads = threads.filter((th) => !th.resolved).length;
  const activeBaselines = reviewMode ? decidedTexts : null;

  const sourceEditing = useSourceEditingValue(
    documentId,
    permissions,
    paragraphs.source,
    editor.queue,
    paragraphs.changed,
    paragraphs.dismiss,
  );
  const panelRowId = side.open?.args.rowId ?? active?.rowId;
  const ctx: PanelContext = {
    documentId,
    sourceLang,
    langs,
    rows: state.rows,
    row: state.rows.find((r) => r.id === panelRowId) ?? null,
    lang: side.open?.args.lang ?? active?.lang ?? langs[0],
    threads,
    bySegment,
    permissions,
    find,
    open: openPanel,
    close: side.close,
    goToRow,
    edit,
    restore: (rowId, lang, text) => {
      edit(rowId, lang, text);
      flush(rowId, lang);
    },
    addNote,
    updateNote,
    refreshLang,
    keepRows: (ids) => setPinned({ for: search.options, ids }),
    flushAll: async () => {
      await editor.queue?.flushAll();
    },
  };

  const renderRow = (row: Row) => (
    <SegmentRow
      key={row.id}
      row={row}
      sourceLang={sourceLang}
      langs={langs}
      permissions={permissions}
      online={state.online}
      focus={focus?.rowId === row.id ? { lang: focus.lang, token: focus.token } : null}
      threads={bySegment.get(row.id)}
      baselines={activeBaselines}
      finder={find.finder}
      currentFind={find.current?.rowId === row.id ? find.current : null}
      display={display}
      presence={live.presenceFor(row.id)}
      actions={actions}
      qa={qa.byRow.get(row.id)}
      qaController={qaController}
      sourceEditing={sourceEditing}
    />
  );

  const width = side.width ?? 384;
  return (
    <div
      ref={root}
      className={`editor cols-${langs.length}${reviewMode ? " review-mode" : ""}${side.open ? " with-side" : ""}`}
      style={{ "--side-w": `${width}px` } as CSSProperties}
    >
      <header ref={header} className="editor-header">
        <EditorToolbar
          heading={
            <ParagraphCountContext.Provider value={totalRows + rowDelta}>
              {props.heading}
            </ParagraphCountContext.Provider>
          }
          documentId={documentId}
          projectId={props.projectId}
          rows={state.rows}
          langs={langs}
          filter={filter}
          setFilter={setFilter}
          find={find}
          shown={visible.length}
          online={state.online}
          offlineReason={state.offlineReason}
          waiting={state.waiting}
          restored={editor.restored}
          permissions={permissions}
          reviewMode={reviewMode}
          setReviewMode={setReviewMode}
          openThreads={openThreads}
          translatedCount={translatedCount}
          hint={hint}
          onShortcuts={showShortcuts}
          onReplace={() => openPanel("replace")}
          onAllNotes={() => openPanel("all-notes")}
          onTerms={() => openPanel("terms")}
          onApproveAll={() => setApproveAllOpen(true)}
          kkLatin={langs.includes("kk") ? { on: kkLatin, set: setKkLatin } : null}
          qaErrorRows={qa.errorRows}
          live={<LiveStatus status={live.status} people={live.people} />}
        />
      </header>
      <ParagraphsChanged
        by={live.paragraphsChangedBy !== undefined ? live.paragraphsChangedBy : paragraphs.reloadBy}
        beforeReload={async () => editor.queue?.flushAll()}
      />
      {!complete && (
        <p className="banner" role="status" data-testid="loading-rows">
          {t("editor.loadingRows", { count: totalRows + rowDelta - state.rows.length })}
        </p>
      )}
      {!canEdit && !canDecide && <p className="banner">{t("editor.readOnly")}</p>}
      {sentBack.length > 0 && (
        <SentBack
          entries={sentBack}
          onJump={(entry) => {
            markSentBackRead(entry);
            goToRow(entry.row.id, langs[0]);
          }}
        />
      )}
      <div className="editor-body">
        <div className="editor-main">
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
            memoryStamp={live.memoryStamp}
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
        </div>
        {side.open && (
          <SideColumn
            panels={editorPanels}
            open={side.open}
            ctx={ctx}
            width={width}
            setWidth={side.setWidth}
            onOpened={reveal}
          />
        )}
      </div>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} panels={editorPanels} />
      <QaConfirmDialog pending={qa.pending} />
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
      {find.done && <ReplaceToast done={find.done} onClose={() => find.setDone(null)} refreshLang={refreshLang} />}
    </div>
  );
}
