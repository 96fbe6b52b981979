"use client";

import { memo, useMemo, useRef, useState } from "react";
import { useT } from "@/app/i18n/i18n-provider";
import type { EditorPermissions } from "@/lib/auth/permissions";
import { type RowQa, sourceSpans } from "@/lib/editor/qa-model";
import type { Row } from "@/lib/editor/rows";
import type { Finder } from "@/lib/search/find";
import type { EditorActions } from "./editor-actions";
import type { FindHit } from "./find/use-find";
import type { FindMarks } from "./highlighted-text";
import { openCount, spansFor, type Thread } from "./notes-model";
import { EditingHereNotice, type RowPeople, RowPresence } from "./row-presence";
import { selectionOffsets } from "./selection";
import type { SourceEditing } from "./source/source-editing";
import { SourceTools } from "./source/source-tools";
import { SourceTerms } from "./terms/source-terms";
import { TranslationCell } from "./translation-cell";
import type { QaController } from "./use-qa";

interface Props {
  row: Row;
  sourceLang: string;
  langs: string[];
  permissions: EditorPermissions;
  online: boolean;
  focus: { lang: string; token: number } | null;
  threads: Thread[] | undefined;
  /** Review mode: per language, per segment, the text at the last decision; null when review mode is off. */
  baselines: Record<string, Record<string, string>> | null;
  /** The editor's search, to mark its matches; null when nothing is searched. */
  finder: Finder | null;
  /** The current match, when it is in this row. */
  currentFind: FindHit | null;
  /** Shows a language's text in another script (Kazakh in Latin letters), read-only. */
  display?: (lang: string, text: string) => string | null;
  /** Others in this paragraph; and, in the box this tab is typing in, the names of others there too. */
  presence?: { people: RowPeople | undefined; editingWith: { lang: string; names: string[] } | null };
  actions: EditorActions;
  /** Quality-check findings by language, and what the findings' buttons do (use-qa.ts). */
  qa?: RowQa;
  qaController?: QaController;
  sourceEditing: SourceEditing;
}

function marks(finder: Finder | null, text: string, current: FindHit | null, where: string): FindMarks | null {
  if (!finder) return null;
  return { ranges: finder.matches(text), current: current?.where === where ? current.index : -1 };
}

function SegmentRowImpl({
  row,
  sourceLang,
  langs,
  permissions,
  online,
  focus,
  threads,
  baselines,
  finder,
  currentFind,
  display,
  presence,
  actions,
  qa,
  qaController,
  sourceEditing,
}: Props) {
  const { t } = useT();
  const sourceRef = useRef<HTMLDivElement>(null);
  const [sourceSelection, setSourceSelection] = useState<{ start: number; end: number } | null>(null);
  const open = openCount(threads);
  const sourceFinds = useMemo(
    () => marks(finder, row.source, currentFind, "source"),
    [finder, row.source, currentFind],
  );
  // Removed from the document while this tab had unsaved work in it: shown read-only until dismissed.
  const gone = row.gone;
  const canEdit = permissions.canEdit && !gone;
  return (
    <div
      className={`editor-row ${row.kind}${gone ? " gone" : ""}`}
      role="row"
      data-gone={gone ? "true" : undefined}
      aria-rowindex={row.position + 1}
      data-testid="segment"
      data-position={gone ? undefined : row.position}
      data-segment-id={row.id}
      onFocus={() => actions.hold(row.id)}
      onBlur={(e) => {
        // Focus left the row (not for another window: that comes back to it).
        if (!e.currentTarget.contains(e.relatedTarget as Node | null) && document.hasFocus()) actions.release(row.id);
      }}
    >
      <div className="segment-pos" role="cell">
        <span className="position-number">{row.position}</span>
        <button
          type="button"
          className={`note-count${open ? " open" : ""}`}
          tabIndex={-1}
          onClick={() => actions.notes(row.id)}
          aria-label={`${t("notes.title", { position: row.position })}: ${open}`}
          aria-keyshortcuts="Alt+N"
          title={`${t("notes.title", { position: row.position })} (Alt+N)`}
          data-testid="notes-button"
        >
          {open > 0 ? open : "+"}
        </button>
        <RowPresence people={presence?.people} />
      </div>
      <div className="segment-source-cell" role="cell">
        {/* biome-ignore lint/a11y/noStaticElementInteractions: selecting source text to comment on it is a mouse gesture; notes are also reachable with the row's notes button. */}
        <div
          ref={sourceRef}
          className="segment-source"
          lang={sourceLang}
          data-testid="source"
          onMouseUp={() => setSourceSelection(sourceRef.current ? selectionOffsets(sourceRef.current) : null)}
        >
          <SourceTerms
            rowId={row.id}
            text={row.source}
            spans={[...spansFor(threads, "source", null, row.source), ...sourceSpans(qa)]}
            finds={sourceFinds}
          />
        </div>
        {permissions.canComment && sourceSelection && (
          <button
            type="button"
            className="small"
            tabIndex={-1}
            onClick={() => {
              actions.notes(row.id, { side: "source", lang: null, ...sourceSelection });
              setSourceSelection(null);
            }}
          >
            {t("notes.onSelection")}
          </button>
        )}
        {gone ? (
          <div className="gone-note" role="status" data-testid="gone-note">
            <p>{t("editor.gone.text", { name: gone.by ?? t("editor.someone") })}</p>
            <button type="button" className="small" onClick={() => sourceEditing.dismissGone(row.id)}>
              {t("editor.gone.dismiss")}
            </button>
          </div>
        ) : (
          <SourceTools
            row={row}
            langs={langs}
            sourceLang={sourceLang}
            sourceRef={sourceRef}
            actions={actions}
            editing={sourceEditing}
          />
        )}
      </div>
      {langs.map((lang) => {
        const cell = row.cells[lang];
        const shown = display?.(lang, cell.text) ?? null;
        return (
          <TranslationCell
            key={lang}
            rowId={row.id}
            position={row.position}
            lang={lang}
            cell={cell}
            canEdit={canEdit}
            canComment={permissions.canComment}
            locked={permissions.lockedStatuses.includes(cell.status)}
            canUnlock={permissions.canUnlock}
            online={online}
            focusToken={focus?.lang === lang ? focus.token : null}
            spans={spansFor(threads, "target", lang, cell.text)}
            finds={marks(finder, cell.text, currentFind, lang)}
            review={baselines ? { baseline: baselines[lang]?.[row.id] } : null}
            shown={shown}
            notice={
              presence?.editingWith?.lang === lang ? <EditingHereNotice names={presence.editingWith.names} /> : null
            }
            actions={actions}
            qa={qa?.[lang]}
            qaController={qaController}
          />
        );
      })}
    </div>
  );
}

export const SegmentRow = memo(SegmentRowImpl);
