"use client";

import Link from "next/link";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ProgressBar } from "@/app/_components/progress-bar";
import type { EditorPermissions } from "@/lib/auth/permissions";
import type { Row, RowFilter } from "@/lib/editor/rows";
import { DONE_STATUSES, type TranslationStatus, translationStatuses, zeroByStatus } from "@/lib/segments/status";

interface Props {
  documentId: string;
  rows: Row[];
  langs: string[];
  filter: RowFilter;
  setFilter: (change: (f: RowFilter) => RowFilter) => void;
  shown: number;
  online: boolean;
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

/** Progress, filters, tools and the banners that tell the person what is going on. */
export function EditorToolbar(props: Props) {
  const { t, i18n } = useTranslation();
  const { rows, langs, filter, setFilter, permissions } = props;
  const progress = useMemo(() => {
    const paragraphs = zeroByStatus();
    const words = { ...paragraphs };
    for (const row of rows) {
      const status = row.cells[langs[0]]?.status ?? "new";
      paragraphs[status] += 1;
      words[status] += row.wordCount;
    }
    return { paragraphs, words };
  }, [rows, langs]);
  const done = DONE_STATUSES.reduce((acc, s) => ({ p: acc.p + progress.paragraphs[s], w: acc.w + progress.words[s] }), {
    p: 0,
    w: 0,
  });
  const totalWords = translationStatuses.reduce((sum, s) => sum + progress.words[s], 0);
  const offline = !props.online && props.waiting > 0;

  return (
    <div className="editor-toolbar">
      <ProgressBar
        words={progress.words}
        paragraphs={progress.paragraphs}
        labels={{
          title: t("editor.progress", { lang: t(`lang.${langs[0]}`) }),
          summary: t("editor.progressSummary", { done: done.p, total: rows.length, words: done.w, totalWords }),
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
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filter.qaErrors ?? false}
            onChange={(e) => setFilter((f) => ({ ...f, qaErrors: e.target.checked }))}
          />{" "}
          {t("qa.editor.filter", { count: props.qaErrorRows ?? 0 })}
        </label>
        <span className="muted" role="status">
          {t("editor.shown", { shown: props.shown, total: rows.length })}
        </span>
        {props.live}
        <span className="spacer" />
        <button type="button" onClick={props.onAllNotes}>
          {t("notes.allCount", { count: props.openThreads })}
        </button>
        {props.onTerms && (
          <button type="button" onClick={props.onTerms}>
            {t("terms.panelButton")}
          </button>
        )}
        {permissions.canDecide && (
          <label className="checkbox toggle">
            <input type="checkbox" checked={props.reviewMode} onChange={(e) => props.setReviewMode(e.target.checked)} />{" "}
            {t("review.mode")}
          </label>
        )}
        {permissions.canDecide && props.reviewMode && (
          <button type="button" onClick={props.onApproveAll} disabled={props.translatedCount === 0}>
            {t("review.approveAll", { count: props.translatedCount })}
          </button>
        )}
        {permissions.canEdit && (
          <button type="button" onClick={props.onReplace}>
            {t("editor.replace.open")}
          </button>
        )}
        {props.kkLatin && (
          <label className="checkbox">
            <input type="checkbox" checked={props.kkLatin.on} onChange={(e) => props.kkLatin?.set(e.target.checked)} />{" "}
            {t("editor.kkLatin")}
          </label>
        )}
        <Link href={`/${i18n.language}/documents/${props.documentId}/quality?target=${langs[0]}`}>
          {t("review.quality")}
        </Link>
        <Link href={`/${i18n.language}/documents/${props.documentId}/qa?target=${langs[0]}`}>{t("qa.page.link")}</Link>
        <Link href={`/${i18n.language}/documents/${props.documentId}/export`}>{t("export.link")}</Link>
        <button type="button" onClick={props.onShortcuts} aria-keyshortcuts="?">
          {t("editor.shortcuts")} (?)
        </button>
      </div>
      {offline && (
        <p className="banner offline" role="status" data-testid="offline-banner">
          {t("editor.offlineBanner", { count: props.waiting })}
        </p>
      )}
      {props.restored > 0 && props.online && (
        <p className="banner" role="status">
          {t("editor.restored", { count: props.restored })}
        </p>
      )}
      {!permissions.canEdit && <p className="banner">{t("editor.readOnly")}</p>}
      {props.hint && (
        <p className="banner" role="alert">
          {props.hint}
        </p>
      )}
    </div>
  );
}
