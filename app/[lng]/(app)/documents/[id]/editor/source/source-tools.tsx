"use client";
// Under a source paragraph in the editor: its "source changed" notes, and for those allowed the
// tools to edit it in place, split it at the caret, merge it with the next one, and its history.

import { type RefObject, useEffect, useRef, useState } from "react";
import { useT } from "@/app/i18n/i18n-provider";
import { type ApiError, api } from "@/lib/editor/api-client";
import type { Row } from "@/lib/editor/rows";
import { errorKeys, errorParams } from "@/lib/error-params";
import type { EditorActions } from "../editor-actions";
import { caretOffset } from "./caret";
import { SourceChangeNote } from "./source-change-note";
import { type SourceEditing, takeFocusTarget } from "./source-editing";
import { SourceHistoryDialog } from "./source-history-dialog";
import { SplitDialog } from "./split-dialog";

interface Props {
  row: Row;
  langs: string[];
  sourceLang: string;
  sourceRef: RefObject<HTMLDivElement | null>;
  actions: EditorActions;
  editing: SourceEditing;
}

type Open = null | "edit" | "split" | "merge" | "history";

export function SourceTools({ row, langs, sourceLang, sourceRef, actions, editing }: Props) {
  const { t } = useT();

  const [open, setOpen] = useState<Open>(null);
  const [expanded, setExpanded] = useState(false);
  const [caret, setCaret] = useState<number | null>(null);
  const here = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocusTarget(row.id)) here.current?.closest("[data-segment-id]")?.scrollIntoView({ block: "center" });
  }, [row.id]);
  // A tool closes back to the one toggle: after a split or merge the rows around it have moved.
  const close = () => {
    setOpen(null);
    setExpanded(false);
  };
  return (
    <div ref={here} className="source-tools">
      <SourceChangeNote
        row={row}
        langs={langs}
        sourceLang={sourceLang}
        marks={editing.sourceChanges[row.id]}
        canConfirm={editing.canEdit}
        onConfirm={(lang) => actions.confirm(row.id, lang)}
      />
      {open === "edit" && <SourceEditForm row={row} sourceLang={sourceLang} editing={editing} onDone={close} />}
      {open === "merge" && <MergeConfirm row={row} editing={editing} onDone={close} />}
      {open === null && (
        <div className="row-buttons source-buttons">
          {/* One small toggle per paragraph: the four tools would crowd every row of a long document. */}
          <button
            type="button"
            className="small link source-toggle"
            aria-expanded={expanded}
            aria-label={t("sourceEdit.tools", { position: row.position })}
            // Keep a caret placed in the paragraph for "Split…".
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => setExpanded((x) => !x)}
          >
            {t("sourceEdit.toolsShort")}
          </button>
          {expanded && editing.canEditSource && (
            <>
              <button type="button" className="small" onClick={() => setOpen("edit")}>
                {t("sourceEdit.edit")}
              </button>
              <button
                type="button"
                className="small"
                // Keep the caret where it was clicked in the paragraph.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setCaret(sourceRef.current ? caretOffset(sourceRef.current) : null);
                  setOpen("split");
                }}
              >
                {t("sourceEdit.split")}
              </button>
              <button type="button" className="small" onClick={() => setOpen("merge")}>
                {t("sourceEdit.merge")}
              </button>
            </>
          )}
          {expanded && (
            <button type="button" className="small link" onClick={() => setOpen("history")}>
              {t("sourceEdit.history")}
            </button>
          )}
        </div>
      )}
      {open === "split" && (
        <SplitDialog
          row={row}
          langs={langs}
          sourceLang={sourceLang}
          offset={caret}
          editing={editing}
          open
          onClose={close}
        />
      )}
      {open === "history" && (
        <SourceHistoryDialog
          segmentId={row.id}
          position={row.position}
          sourceLang={sourceLang}
          editing={editing}
          open
          onClose={close}
        />
      )}
    </div>
  );
}

function ErrorLine({ error }: { error: ApiError | null }) {
  const { t } = useT();
  if (!error) return null;
  const current = error.code === "conflict" && error.current && "text" in error.current ? error.current.text : null;
  return (
    <div className="form-error" role="alert">
      <p>{t(errorKeys(error), errorParams(error))}</p>
      {current !== null && <p className="conflict-current">{t("sourceEdit.nowReads", { text: current })}</p>}
    </div>
  );
}

function SourceEditForm({
  row,
  sourceLang,
  editing,
  onDone,
}: {
  row: Row;
  sourceLang: string;
  editing: SourceEditing;
  onDone: () => void;
}) {
  const { t } = useT();

  const [text, setText] = useState(row.source);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    await editing.flush();
    const result = await api.editSource(row.id, { source: text, baseVersion: editing.sourceVersions[row.id] ?? 0 });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone();
    // The paragraphs' order stays: only this row is read again.
    await editing.changed({ segmentId: row.id }, row.id);
  }
  return (
    <div className="source-edit">
      <label className="field">
        {t("sourceEdit.editLabel", { position: row.position })}
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={Math.min(8, Math.max(2, Math.ceil(text.length / 70)))}
          lang={sourceLang}
          // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this paragraph.
          autoFocus
          onKeyDown={(e) => {
            if (e.key === "Escape") onDone();
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void save();
          }}
        />
      </label>
      <p className="muted small-print">{t("sourceEdit.editHint")}</p>
      <ErrorLine error={error} />
      <div className="row-actions">
        <button
          type="button"
          className="primary small"
          disabled={busy || text.trim() === ""}
          onClick={() => void save()}
        >
          {t("sourceEdit.save")}
        </button>
        <button type="button" className="small" onClick={onDone}>
          {t("documents.cancel")}
        </button>
      </div>
    </div>
  );
}

function MergeConfirm({ row, editing, onDone }: { row: Row; editing: SourceEditing; onDone: () => void }) {
  const { t } = useT();

  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function merge() {
    setBusy(true);
    await editing.flush();
    const result = await api.merge(row.id);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone();
    const { segmentId, removedSegmentId: removed, structureVersion } = result.data;
    await editing.changed({ segmentId, removed, structureVersion }, segmentId);
  }
  return (
    <div className="source-edit" role="group" aria-label={t("sourceEdit.merge")}>
      <p>{t("sourceEdit.mergeAsk", { position: row.position, next: row.position + 1 })}</p>
      <ErrorLine error={error} />
      <div className="row-actions">
        <button type="button" className="primary small" disabled={busy} onClick={() => void merge()}>
          {t("sourceEdit.mergeButton")}
        </button>
        <button type="button" className="small" onClick={onDone}>
          {t("documents.cancel")}
        </button>
      </div>
    </div>
  );
}
