"use client";

import { type KeyboardEvent, memo, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Cell } from "@/lib/editor/rows";
import { ConflictView } from "./conflict-view";
import type { EditorActions } from "./editor-actions";

interface Props {
  rowId: string;
  position: number;
  lang: string;
  cell: Cell;
  canEdit: boolean;
  online: boolean;
  /** Changes whenever the editor wants this cell focused. */
  focusToken: number | null;
  actions: EditorActions;
}

function TranslationCellImpl({ rowId, position, lang, cell, canEdit, online, focusToken, actions }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusToken === null || !ref.current) return;
    const el = ref.current;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [focusToken]);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const ctrl = e.ctrlKey || e.metaKey;
    let handled = true;
    if (ctrl && e.key === "Enter") actions.confirm(rowId, lang);
    else if (ctrl && e.key === "ArrowDown") actions.move(rowId, lang, 1);
    else if (ctrl && e.key === "ArrowUp") actions.move(rowId, lang, -1);
    else if (ctrl && e.key === "Insert") actions.copySource(rowId, lang);
    else if (ctrl && (e.key === "j" || e.key === "J")) actions.firstUntranslated(lang);
    else if (e.key === "Escape") actions.revert(rowId, lang);
    else if (e.key === "F1") actions.showShortcuts();
    else handled = false;
    if (handled) e.preventDefault();
  };

  const shownState = !online && (cell.state === "dirty" || cell.state === "saving") ? "offline" : cell.state;
  const label = t("editor.translationOf", { position, lang: t(`lang.${lang}`) });

  return (
    <div className={`cell state-${shownState}`} data-testid={`cell-${lang}`} role="cell">
      {canEdit ? (
        <textarea
          ref={ref}
          className="translation-input"
          lang={lang}
          spellCheck
          value={cell.text}
          aria-label={label}
          maxLength={20_000}
          onChange={(e) => actions.edit(rowId, lang, e.target.value)}
          onKeyDown={onKeyDown}
          onFocus={() => actions.focus(rowId, lang)}
          onBlur={() => actions.leave(rowId, lang)}
          readOnly={cell.state === "conflict"}
        />
      ) : (
        <p className={`translation-text${cell.text ? "" : " empty"}`} lang={lang} data-testid="target">
          {cell.text || t("document.empty")}
        </p>
      )}
      <div className="cell-bar">
        <span className={`status-badge ${cell.status}`} data-testid="status">
          {t(`status.${cell.status}`)}
        </span>
        {canEdit && (cell.version > 0 || shownState !== "saved") && (
          <span className={`save-state ${shownState}`} data-testid="save-state" role="status">
            {t(`editor.state.${shownState}`)}
            {cell.error ? `: ${t(`errors.${cell.error}`, { defaultValue: cell.error })}` : ""}
          </span>
        )}
        <span className="spacer" />
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
