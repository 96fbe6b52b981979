"use client";

import {
  type KeyboardEvent,
  memo,
  type ReactNode,
  type RefObject,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { useT } from "@/app/i18n/i18n-provider";
import { type CellQa, targetSpans } from "@/lib/editor/qa-model";
import type { Cell } from "@/lib/editor/rows";
import type { Span } from "@/lib/notes/anchor";
import { CellMenu } from "./cell-menu";
import { ConflictView } from "./conflict-view";
import type { Decision, EditorActions } from "./editor-actions";
import { type FindMarks, HighlightedText } from "./highlighted-text";
import { OriginBadge } from "./origin-badge";
import { QaFindings } from "./qa-findings";
import { type DecisionRequest, ReviewControls } from "./review-controls";
import { selectionOffsets } from "./selection";
import type { QaController } from "./use-qa";

interface Props {
  rowId: string;
  position: number;
  lang: string;
  cell: Cell;
  canEdit: boolean;
  canComment: boolean;
  /** Reviewed or approved, and the asker's role may not change it (approved work protected). */
  locked: boolean;
  canUnlock: boolean;
  online: boolean;
  /** Changes whenever the editor wants this cell focused. */
  focusToken: number | null;
  spans: Span[];
  finds: FindMarks | null;
  review: { baseline: string | undefined } | null;
  /** The text shown in another script (Kazakh in Latin letters): read-only, the text stays as it is. */
  shown: string | null;
  /** Shown under the text: someone else is editing it too (row-presence.tsx). */
  notice?: ReactNode;
  actions: EditorActions;
  /** Quality-check findings of this translation (use-qa.ts). */
  qa?: CellQa;
  qaController?: QaController;
}

function TranslationCellImpl(props: Props) {
  const { rowId, position, lang, cell, canComment, locked, online, focusToken, spans, finds, review, shown, actions } =
    props;
  const { qa, qaController, notice } = props;
  const { t } = useT();
  const reasonId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const readRef = useRef<HTMLDivElement>(null);
  // Whichever of the two the cell shows: where focus goes back after a menu or a question.
  const textRef = useMemo<RefObject<HTMLElement | null>>(
    () => ({
      get current() {
        return ref.current ?? readRef.current;
      },
    }),
    [],
  );
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [request, setRequest] = useState<DecisionRequest | null>(null);
  const editable = props.canEdit && !locked && shown === null;

  useEffect(() => {
    if (focusToken === null) return;
    const el = ref.current;
    if (el) {
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    } else readRef.current?.focus();
  }, [focusToken]);

  const decide = (decision: Decision) => setRequest({ decision, token: Date.now() });
  const noteOnSelection = () => selection && actions.notes(rowId, { side: "target", lang, ...selection });

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const ctrl = e.ctrlKey || e.metaKey;
    let handled = true;
    if (review && ctrl && e.shiftKey && e.key === "Enter") decide("rejected");
    else if (review && ctrl && e.key === "Enter") decide("approved");
    else if (review && e.altKey && e.key === "Enter") decide("reviewed");
    else if (ctrl && e.key === "Enter" && editable) actions.confirm(rowId, lang);
    else if (ctrl && e.key === "ArrowDown") actions.move(rowId, lang, 1);
    else if (ctrl && e.key === "ArrowUp") actions.move(rowId, lang, -1);
    else if (ctrl && e.key === "Insert" && editable) actions.copySource(rowId, lang);
    else if (ctrl && (e.key === "j" || e.key === "J")) actions.firstUntranslated(lang);
    else if ((e.shiftKey && e.key === "F10") || e.key === "ContextMenu") setMenuOpen(true);
    else if (e.altKey && e.code === "KeyM" && canComment && selection) noteOnSelection();
    else if (e.key === "Escape" && editable) actions.revert(rowId, lang);
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
  const why = shown !== null ? t("editor.latinReadOnly") : locked ? t(`editor.lockedReason.${cell.status}`) : null;

  return (
    <div className={`cell state-${shownState}${locked ? " locked" : ""}`} data-testid={`cell-${lang}`} role="cell">
      {/* On phones, where the column heads are hidden, each translation says its language. */}
      <span className="cell-lang" aria-hidden="true">
        {t(`lang.${lang}`)}
      </span>
      {props.canEdit && shown === null ? (
        <div className="highlight-wrap">
          {/* The backdrop repeats the text with note spans and matches marked; the textarea above it is transparent. */}
          <div className="highlight-backdrop" aria-hidden="true" data-testid="target-highlights">
            <HighlightedText text={`${cell.text}\u200b`} spans={marked} finds={finds} />
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
            aria-describedby={why ? reasonId : undefined}
            aria-keyshortcuts="Control+Enter Shift+F10"
            maxLength={20_000}
            onChange={(e) => actions.edit(rowId, lang, e.target.value)}
            onKeyDown={onKeyDown}
            onFocus={() => actions.focus(rowId, lang)}
            onBlur={() => actions.leave(rowId, lang)}
            onSelect={trackSelection}
            onMouseUp={trackSelection}
            readOnly={cell.state === "conflict" || locked}
          />
        </div>
      ) : (
        <div
          ref={readRef}
          className={`translation-text${cell.text ? "" : " empty"}`}
          lang={shown !== null ? "kk-Latn" : lang}
          data-testid={shown !== null ? "target-latin" : "target"}
          // A read-only text box: reviewers decide and move by keyboard from here.
          role="textbox"
          aria-readonly="true"
          aria-multiline="true"
          aria-label={label}
          aria-describedby={why ? reasonId : undefined}
          aria-keyshortcuts="Control+Enter Shift+F10"
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={() => actions.focus(rowId, lang)}
          onMouseUp={() => setSelection(readRef.current ? selectionOffsets(readRef.current) : null)}
        >
          {shown !== null ? (
            shown || t("document.empty")
          ) : cell.text ? (
            <HighlightedText text={cell.text} spans={marked} finds={finds} />
          ) : (
            t("document.empty")
          )}
        </div>
      )}
      {why && (
        <p className="cell-reason" id={reasonId} data-testid="cell-reason">
          {why}
        </p>
      )}
      {notice}
      <div className="cell-bar">
        <span className={`status-badge ${cell.status}`} data-testid="status">
          {t(`status.${cell.status}`)}
        </span>
        <OriginBadge cell={cell} />
        {locked && (
          <span className="lock-badge" data-testid="lock-badge">
            <span aria-hidden="true">🔒 </span>
            {t("editor.locked")}
          </span>
        )}
        {props.canEdit && (cell.version > 0 || shownState !== "saved") && (
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
            tabIndex={-1}
            onMouseDown={(e) => e.preventDefault()}
            onClick={noteOnSelection}
            title="Alt+M"
          >
            {t("notes.onSelection")}
          </button>
        )}
        {editable && (
          <button
            type="button"
            className="small"
            tabIndex={-1}
            onClick={() => actions.confirm(rowId, lang)}
            title="Ctrl+Enter"
          >
            {t("editor.confirm")}
          </button>
        )}
        <CellMenu
          position={position}
          lang={lang}
          cell={cell}
          editable={editable}
          canUnlock={props.canUnlock}
          canComment={canComment}
          hasSelection={selection !== null}
          review={review !== null}
          open={menuOpen}
          setOpen={setMenuOpen}
          returnFocus={textRef}
          on={{
            copySource: () => actions.copySource(rowId, lang),
            revert: () => actions.revert(rowId, lang),
            history: () => actions.history(rowId, lang),
            notes: () => actions.notes(rowId),
            noteOnSelection,
            unlock: () => void actions.unlock(rowId, lang),
            decide,
          }}
        />
      </div>
      {qaController && <QaFindings rowId={rowId} lang={lang} text={cell.text} qa={qa} controller={qaController} />}
      {review && (
        <ReviewControls
          cell={cell}
          lang={lang}
          baseline={review.baseline}
          request={request}
          onDecide={(decision, note) => actions.decide(rowId, lang, decision, note)}
          onDone={() => textRef.current?.focus()}
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
