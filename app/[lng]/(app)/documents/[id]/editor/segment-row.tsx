"use client";

import { memo, useMemo, useRef, useState } from "react";
import { useT } from "@/app/i18n/i18n-provider";
import { type RowQa, sourceSpans } from "@/lib/editor/qa-model";
import type { Row } from "@/lib/editor/rows";
import type { Finder } from "@/lib/search/find";
import type { FindHit } from "./find/use-find";
import type { FindMarks } from "./highlighted-text";
import { openCount, spansFor, type Thread } from "./notes-model";
import type { RowContext } from "./row-context";
import { EditingHereNotice, type RowPeople, RowPresence } from "./row-presence";
import { selectionOffsets } from "./selection";
import { SourceTools } from "./source/source-tools";
import { SourceTerms } from "./terms/source-terms";
import { TranslationCell } from "./translation-cell";

interface Props {
  row: Row;
  /** What every row shares (row-context.ts): one object, the same while none of it changes. */
  ctx: RowContext;
  focus: { lang: string; token: number } | null;
  threads: Thread[] | undefined;
  /** The current match, when it is in this row. */
  currentFind: FindHit | null;
  /** Others in this paragraph; and, in the box this tab is typing in, the names of others there too. */
  presence?: { people: RowPeople | undefined; editingWith: { lang: string; names: string[] } | null };
  /** Quality-check findings by language (use-qa.ts). */
  qa?: RowQa;
}

function marks(finder: Finder | null, text: string, current: FindHit | null, where: string): FindMarks | null {
  if (!finder) return null;
  return { ranges: finder.matches(text), current: current?.where === where ? current.index : -1 };
}

function SegmentRowImpl({ row, ctx, focus, threads, currentFind, presence, qa }: Props) {
  const { sourceLang, langs, permissions, online, baselines, finder, display, actions, qaController } = ctx;
  const { t } = useT();
  const sourceRef = useRef<HTMLDivElement>(null);
  const [sourceSelection, setSourceSelection] = useState<{ start: number; end: number } | null>(null);
  const open = openCount(threads);
  const sourceFinds = useMemo(
    () => marks(finder, row.source, currentFind, "source"),
    [finder, row.source, currentFind],
  );
  // Removed from the document while this tab had unsaved work in it: shown read-only, with nothing to
  // decide, check or comment on (the paragraph is in the bin), until dismissed.
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
        {permissions.canComment && !gone && sourceSelection && (
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
            <button type="button" className="small" onClick={() => ctx.sourceEditing.dismissGone(row.id)}>
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
            editing={ctx.sourceEditing}
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
            canComment={permissions.canComment && !gone}
            locked={!gone && permissions.lockedStatuses.includes(cell.status)}
            canUnlock={permissions.canUnlock && !gone}
            online={online}
            focusToken={focus?.lang === lang ? focus.token : null}
            spans={spansFor(threads, "target", lang, cell.text)}
            finds={marks(finder, cell.text, currentFind, lang)}
            review={baselines && !gone ? { baseline: baselines[lang]?.[row.id] } : null}
            shown={shown}
            notice={
              presence?.editingWith?.lang === lang ? <EditingHereNotice names={presence.editingWith.names} /> : null
            }
            actions={actions}
            qa={qa?.[lang]}
            qaController={gone ? undefined : qaController}
          />
        );
      })}
    </div>
  );
}

export const SegmentRow = memo(SegmentRowImpl);
