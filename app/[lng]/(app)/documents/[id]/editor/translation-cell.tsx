"use client";

import { type KeyboardEvent, memo, type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CellQa, targetSpans } from "@/lib/editor/qa-model";
import type { Cell } from "@/lib/editor/rows";
import type { Span } from "@/lib/notes/anchor";
import { ConflictView } from "./conflict-view";
import type { EditorActions } from "./editor-actions";
import { HighlightedText } from "./highlighted-text";
import { QaFindings } from "./qa-findings";
import { ReviewControls } from "./review-controls";
import { selectionOffsets } from "./selection";
import type { QaController } from "./use-qa";

interface Props {
  rowId: string;
  position: number;
  lang: string;
  cell: Cell;
  canEdit: boolean;
  canComment: boolean;
  online: boolean;
  /** Changes whenever the editor wants this cell focused. */
  focusToken: number | null;
  spans: Span[];
  review: { baseline: string | undefined; rejectRequested: number | null } | null;
  /** Shown under the text: someone else is editing it too (row-presence.tsx). */
  notice?: ReactNode;
  actions: EditorActions;
  /** Quality-check findings of this translation (use-qa.ts). */
  qa?: CellQa;
  qaController?: QaController;
}

function TranslationCellImpl({
  rowId,
  position,
  lang,
  cell,
  canEdit,
  canComment,
  online,
  focusToken,
  spans,
  review,
  notice,
  actions,
  qa,
  qaController,
}: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const readRef = useRef<HTMLParagraphElement>(null);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);

  useEffect(() => {
    if (focusToken === null) return;
    const el = ref.current;
    if (el) {
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    } else readRef.current?.focus();
  }, [focusToken]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const ctrl = e.ctrlKey || e.metaKey;
    let handled = true;
    if (review && ctrl && e.shiftKey && e.key === "Enter") actions.requestReject(rowId, lang);
    else if (review && ctrl && e.key === "Enter") void actions.decide(rowId, lang, "approved");
    else if (ctrl && e.key === "Enter" && canEdit) actions.confirm(rowId, lang);
    else if (ctrl && e.key === "ArrowDown") actions.move(rowId, lang, 1);
    else if (ctrl && e.key === "ArrowUp") actions.move(rowId, lang, -1);
    else if (ctrl && e.key === "Insert" && canEdit) actions.copySource(rowId, lang);
    else if (ctrl && (e.key === "j" || e.key === "J")) actions.firstUntranslated(lang);
    else if (e.key === "Escape" && canEdit) actions.revert(rowId, lang);
    else if (e.key === "F1") actions.showShortcuts();
    else handled = false;
    if (handled) e.preventDefault();
  };

  const trackSelection = () => {
    const el = ref.current;
    setSelection(el && el.selectionEnd > el.selectionStart ? { start: el.selectionStart, end: el.selectionEnd } : null);
  };

  const shownState = !online && (cell.state === "dirty" || cell.state === "saving") ? "offline" : cell.state;
  const label = t("editor.translationOf", { position, lang: t(`lang.${lang}`) });
  const marked = qa ? [...spans, ...targetSpans(qa, cell.text)] : spans;

  return (
    <div className={`cell state-${shownState}`} data-testid={`cell-${lang}`} role="cell">
      {canEdit ? (
        <div className="highlight-wrap">
          {/* The backdrop repeats the text with note spans marked; the textarea above it is transparent. */}
          <div className="highlight-backdrop" aria-hidden="true" data-testid="target-highlights">
            <HighlightedText text={`${cell.text}\u200b`} spans={marked} />
          </div>
          <textarea
            ref={ref}
            className="translation-input"
            lang={lang}
            spellCheck
            value={cell.text}
            aria-label={label}
            data-segment={rowId}
            data-lang={lang}
            maxLength={20_000}
            onChange={(e) => actions.edit(rowId, lang, e.target.value)}
            onKeyDown={onKeyDown}
            onFocus={() => actions.focus(rowId, lang)}
            onBlur={() => actions.leave(rowId, lang)}
            onSelect={trackSelection}
            onMouseUp={trackSelection}
            readOnly={cell.state === "conflict"}
          />
        </div>
      ) : (
        <p
          ref={readRef}
          className={`translation-text${cell.text ? "" : " empty"}`}
          lang={lang}
          data-testid="target"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: reviewers decide and move by keyboard here, without an edit box.
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={() => actions.focus(rowId, lang)}
          onMouseUp={() => setSelection(readRef.current ? selectionOffsets(readRef.current) : null)}
        >
          {cell.text ? <HighlightedText text={cell.text} spans={marked} /> : t("document.empty")}
        </p>
      )}
      {notice}
      <div className="cell-bar">
        <span className={`status-badge ${cell.status}`} data-testid="status">
          {t(`status.${cell.status}`)}
        </span>
        {canEdit && (cell.version > 0 || shownState !== "saved") && (
          <span className={`save-state ${shownState}`} data-testid="save-state" role="status">
            {t(`editor.state.${shownState}`)}
            {cell.error ? `: ${t([`errors.reasons.${cell.error}`, `errors.${cell.error}`])}` : ""}
          </span>
        )}
        <span className="spacer" />
        {canComment && selection && (
          <button
            type="button"
            className="small"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => actions.notes(rowId, { side: "target", lang, ...selection })}
          >
            {t("notes.onSelection")}
          </button>
        )}
        {canEdit && (
          <>
            <button type="button" className="small" onClick={() => actions.copySource(rowId, lang)} title="Ctrl+Insert">
              {t("editor.copySource")}
            </button>
            <button type="button" className="small" onClick={() => actions.confirm(rowId, lang)} title="Ctrl+Enter">
              {t("editor.confirm")}
            </button>
          </>
        )}
        <button type="button" className="small" onClick={() => actions.history(rowId, lang)}>
          {t("editor.history")}
        </button>
      </div>
      {qaController && <QaFindings rowId={rowId} lang={lang} text={cell.text} qa={qa} controller={qaController} />}
      {review && (
        <ReviewControls
          cell={cell}
          lang={lang}
          baseline={review.baseline}
          rejectRequested={review.rejectRequested}
          onDecide={(decision, note) => actions.decide(rowId, lang, decision, note)}
          onRejectDone={() => (ref.current ?? readRef.current)?.focus()}
        />
      )}
      {cell.conflict && (
        <ConflictView
          cell={{ ...cell, conflict: cell.conflict }}
          lang={lang}
          onKeepMine={() => actions.keepMine(rowId, lang)}
          onTakeTheirs={() => actions.takeTheirs(rowId, lang)}
          onSaveMerge={(text) => actions.keepMine(rowId, lang, text)}
        />
      )}
    </div>
  );
}

export const TranslationCell = memo(TranslationCellImpl);
