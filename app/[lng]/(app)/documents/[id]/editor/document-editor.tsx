"use client";

import { type CSSProperties, type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EditorPermissions } from "@/lib/auth/permissions";
import type { ApiError } from "@/lib/editor/api-client";
import { isFiltered, type Row } from "@/lib/editor/rows";
import { errorKeys, errorParams } from "@/lib/error-params";
import { toKkLatn } from "@/lib/translit/kk-latn";
import { EditorBanners } from "./editor-banners";
import { EditorDialogs } from "./editor-dialogs";
import { EditorTable } from "./editor-table";
import { EditorToolbar } from "./editor-toolbar";
import { useFind } from "./find/use-find";
import { LiveStatus } from "./live-status";
import { MemoryPane } from "./memory-pane";
import { groupBySegment, type Thread } from "./notes-model";
import { panelContextOf } from "./panel-context";
import { editorPanels } from "./panel-registry";
import { useRowContext } from "./row-context";
import { SegmentRow } from "./segment-row";
import { SideColumn } from "./side-column";
import { ParagraphCountContext } from "./source/paragraph-count";
import type { SourceData } from "./source/source-editing";
import { useDecisions } from "./use-decisions";
import { useDocumentLive } from "./use-document-live";
import { useEditor } from "./use-editor";
import { useEditorActions } from "./use-editor-actions";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { usePanelShortcuts } from "./use-panel-shortcuts";
import { useQa } from "./use-qa";
import { useRemainingRows } from "./use-remaining-rows";
import { useReviewMode } from "./use-review-mode";
import { useRowNavigation } from "./use-row-navigation";
import { useSegmentLink } from "./use-segment-link";
import { useSentBack } from "./use-sent-back";
import { useSideColumn } from "./use-side-column";
import { useStickyOffsets } from "./use-sticky-offsets";
import { useThreads } from "./use-threads";
import { useVisibleRows } from "./use-visible-rows";

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
  const { state, edit, flush, dispatch, append } = editor;
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
  const { filter, setFilter, rowFilter, search, visible, setHeld, keepRows } = useVisibleRows(
    state.rows,
    langs,
    bySegment,
    qa.byRow,
  );
  const { visibleRef, virtuoso, focus, goTo, goToRow, goToNextAfter, reveal } = useRowNavigation(visible);
  qa.navigateWith(goToRow);
  useSegmentLink(state.rows, langs[0], goToRow);
  const find = useFind(search, visible, langs, reveal);
  const side = useSideColumn(editorPanels);
  const [active, setActive] = useState<{ rowId: string; lang: string } | null>(null);
  const activeRef = useRef(active);
  activeRef.current = active;
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

  const { live, sourceEditing, reloadBy } = useDocumentLive({
    documentId,
    langs,
    permissions,
    liveAfter: props.liveAfter,
    structureVersion: props.structureVersion ?? 0,
    source: props.source,
    rows: state.rows,
    complete,
    setRowDelta,
    editor,
    setThreads,
    refreshLang,
    goToRow,
  });

  const showShortcuts = useCallback(() => setShortcutsOpen(true), []);
  const { show: openPanel } = side;
  const actions = useEditorActions({
    t,
    visibleRef,
    filtered: isFiltered(rowFilter),
    editor,
    navigation: { goTo, goToNextAfter },
    review: { decide, unlock },
    qa,
    live,
    panels: { open: openPanel, follow: side.follow },
    setHint,
    setActive,
    activeRef,
    setHeld,
    showShortcuts,
  });

  const firstUntranslated = useCallback(() => actions.firstUntranslated(langs[0]), [actions, langs]);
  const panelShortcuts = usePanelShortcuts(editorPanels, permissions, langs, active, openPanel);
  useEditorShortcuts({ showShortcuts, firstUntranslated, shortcuts: panelShortcuts });

  const sentBack = useSentBack(documentId, langs[0], state.rows, canEdit);
  const translatedCount = state.rows.filter((r) => r.cells[langs[0]]?.status === "translated").length;
  const openThreads = threads.filter((th) => !th.resolved).length;

  const rowContext = useRowContext({
    sourceLang,
    langs,
    permissions,
    online: state.online,
    baselines: reviewMode ? decidedTexts : null,
    finder: find.finder,
    display,
    actions,
    qaController: qa.controller,
    sourceEditing,
  });
  const renderRow = (row: Row) => (
    <SegmentRow
      key={row.id}
      row={row}
      ctx={rowContext}
      focus={focus?.rowId === row.id ? { lang: focus.lang, token: focus.token } : null}
      threads={bySegment.get(row.id)}
      currentFind={find.current?.rowId === row.id ? find.current : null}
      presence={live.presenceFor(row.id)}
      qa={qa.byRow.get(row.id)}
    />
  );

  const ctx = panelContextOf({
    documentId,
    sourceLang,
    langs,
    rows: state.rows,
    threads,
    bySegment,
    permissions,
    find,
    side,
    active,
    goToRow,
    edit,
    flush,
    addNote,
    updateNote,
    refreshLang,
    keepRows,
    queue: editor.queue,
  });

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
      <EditorBanners
        reloadBy={reloadBy}
        beforeReload={async () => editor.queue?.flushAll()}
        loading={totalRows + rowDelta - state.rows.length}
        readOnly={!canEdit && !canDecide}
        sentBack={sentBack}
        goToRow={(rowId) => goToRow(rowId, langs[0])}
      />
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
            <EditorTable
              sourceLang={sourceLang}
              langs={langs}
              visible={visible}
              virtuoso={virtuoso}
              renderRow={renderRow}
            />
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
      <EditorDialogs
        documentId={documentId}
        lang={langs[0]}
        shortcuts={{ open: shortcutsOpen, close: () => setShortcutsOpen(false) }}
        qaPending={qa.pending}
        approveAll={
          canDecide ? { open: approveAllOpen, close: () => setApproveAllOpen(false), count: translatedCount } : null
        }
        replaced={{ done: find.done, close: () => find.setDone(null) }}
        refreshLang={refreshLang}
      />
    </div>
  );
}
