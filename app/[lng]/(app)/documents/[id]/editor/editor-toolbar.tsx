"use client";
// The editor's sticky header, two lines at most on a 1024 px screen: the document (title, languages,
// progress per language, review mode), then the search, the filters and the tools, with the rarely
// used ones in a menu. Banners that say what is going on (offline, restored edits) sit under it.

import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EditorPermissions } from "@/lib/auth/permissions";
import type { Row, RowFilter } from "@/lib/editor/rows";
import { translationStatuses } from "@/lib/segments/statuses";
import { EditorProgress } from "./editor-progress";
import { FindField } from "./find/find-field";
import type { FindController } from "./find/use-find";
import { MenuButton, type MenuItem } from "./menu-button";

interface Props {
  /** The document's title, role and language choice, from the page. */
  heading: ReactNode;
  documentId: string;
  projectId: string;
  rows: Row[];
  langs: string[];
  filter: RowFilter;
  setFilter: (change: (f: RowFilter) => RowFilter) => void;
  find: FindController;
  shown: number;
  online: boolean;
  /** The server's error code while it cannot save ("unavailable": its disk is full or read-only). */
  offlineReason?: string;
  waiting: number;
  restored: number;
  permissions: EditorPermissions;
  reviewMode: boolean;
  setReviewMode: (on: boolean) => void;
  openThreads: number;
  translatedCount: number;
  hint: string | null;
  onShortcuts: () => void;
  onReplace: () => void;
  onAllNotes: () => void;
  onTerms?: () => void;
  onApproveAll: () => void;
  kkLatin: { on: boolean; set: (on: boolean) => void } | null;
  /** Paragraphs with an open quality-check error (use-qa.ts). */
  qaErrorRows?: number;
  /** Live status and who else is here (live-status.tsx). */
  live?: ReactNode;
}

export function EditorToolbar(props: Props) {
  const { t, i18n } = useTranslation();
  const { rows, langs, filter, setFilter, permissions } = props;
  const [moreOpen, setMoreOpen] = useState(false);
  // Phones: the header keeps the title and the search; the rest folds behind one button.
  const [extras, setExtras] = useState(false);
  const offline = !props.online && props.waiting > 0;
  const base = `/${i18n.language}/documents/${props.documentId}`;

  const more: MenuItem[] = [
    { id: "quality", label: t("review.quality"), href: `${base}/quality?target=${langs[0]}`, onSelect: () => {} },
    { id: "qa", label: t("qa.page.link"), href: `${base}/qa?target=${langs[0]}`, onSelect: () => {} },
    { id: "export", label: t("export.link"), href: `${base}/export`, onSelect: () => {} },
    { id: "source", label: t("source.link"), href: `${base}/source`, onSelect: () => {} },
    { id: "analysis", label: t("memory.analysis"), href: `${base}/analysis?target=${langs[0]}`, onSelect: () => {} },
    {
      id: "memories",
      label: t("memory.memories"),
      href: `/${i18n.language}/projects/${props.projectId}/memories`,
      onSelect: () => {},
    },
    {
      id: "glossary",
      label: t("glossary.title"),
      href: `/${i18n.language}/projects/${props.projectId}/glossary`,
      onSelect: () => {},
    },
    ...(props.kkLatin
      ? [
          {
            id: "kk-latin",
            label: t("editor.kkLatin"),
            checked: props.kkLatin.on,
            onSelect: () => props.kkLatin?.set(!props.kkLatin.on),
          },
        ]
      : []),
    ...(permissions.canDecide
      ? [
          {
            id: "approve-all",
            label: t("review.approveAll", { count: props.translatedCount }),
            disabled: props.translatedCount === 0,
            onSelect: props.onApproveAll,
          },
        ]
      : []),
    { id: "shortcuts", label: t("editor.shortcuts"), shortcut: "?", onSelect: props.onShortcuts },
  ];

  return (
    <div className={`editor-header-lines${extras ? " extras-open" : ""}`}>
      <div className="editor-title-line">
        {props.heading}
        <EditorProgress rows={rows} langs={langs} />
        {permissions.canDecide && (
          <label className="checkbox toggle phone-extra">
            <input type="checkbox" checked={props.reviewMode} onChange={(e) => props.setReviewMode(e.target.checked)} />{" "}
            {t("review.mode")}
          </label>
        )}
        <button
          type="button"
          className="phone-only extras-toggle"
          aria-expanded={extras}
          onClick={() => setExtras(!extras)}
        >
          {t("editor.filtersAndTools")}
        </button>
      </div>
      <div className="editor-tools">
        <FindField find={props.find} id="editor-find" />
        <select
          className="phone-extra filter-item"
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
        <label className="checkbox phone-extra filter-item" title={t("editor.hasOpenNotes")}>
          <input
            type="checkbox"
            checked={filter.openNotes}
            onChange={(e) => setFilter((f) => ({ ...f, openNotes: e.target.checked }))}
          />{" "}
          {t("editor.hasOpenNotes")}
        </label>
        <label
          className="checkbox phone-extra filter-item"
          title={t("qa.editor.filter", { count: props.qaErrorRows ?? 0 })}
        >
          <input
            type="checkbox"
            checked={filter.qaErrors ?? false}
            onChange={(e) => setFilter((f) => ({ ...f, qaErrors: e.target.checked }))}
          />{" "}
          {t("qa.editor.filter", { count: props.qaErrorRows ?? 0 })}
        </label>
        <span
          className="muted shown-count phone-extra filter-item"
          role="status"
          data-testid="shown-count"
          title={t("editor.shown", { shown: props.shown, total: rows.length })}
        >
          {t("editor.shown", { shown: props.shown, total: rows.length })}
        </span>
        {props.live}
        <span className="spacer" />
        <button type="button" className="phone-extra" onClick={props.onAllNotes} aria-keyshortcuts="Alt+A">
          {t("notes.allCount", { count: props.openThreads })}
        </button>
        {props.onTerms && (
          <button type="button" className="phone-extra" onClick={props.onTerms}>
            {t("terms.panelButton")}
          </button>
        )}
        {permissions.canEdit && (
          <button
            type="button"
            className="phone-extra"
            onClick={props.onReplace}
            aria-label={t("editor.replace.open")}
            aria-keyshortcuts="Control+H"
            title={`${t("editor.replace.open")} (Ctrl+H)`}
          >
            <span className="tool-label">{t("editor.replace.short")}</span>
            <span className="tool-icon" aria-hidden="true">
              ⇄
            </span>
          </button>
        )}
        <MenuButton label={t("editor.more")} items={more} open={moreOpen} setOpen={setMoreOpen} className="more-menu">
          {t("editor.more")} ▾
        </MenuButton>
      </div>
      {offline && (
        <p className="banner offline" role="status" data-testid="offline-banner">
          {props.offlineReason === "unavailable"
            ? `${t("errors.unavailable")} ${t("editor.pendingBanner", { count: props.waiting })}`
            : t("editor.offlineBanner", { count: props.waiting })}
        </p>
      )}
      {props.restored > 0 && props.online && (
        <p className="banner" role="status">
          {t("editor.restored", { count: props.restored })}
        </p>
      )}
      {props.hint && (
        <p className="banner" role="alert">
          {props.hint}
        </p>
      )}
    </div>
  );
}
