"use client";
// A source paragraph's history: every version of its text (with what changed from the one before),
// and the splits, merges and edits that made them, each undoable while nothing changed since.

import { useState } from "react";
import { WordDiffView } from "@/app/_components/word-diff-view";
import type { ActionError } from "@/app/_lib/run-action";
import { useT } from "@/app/i18n/i18n-provider";
import { errorKeys, errorParams } from "@/lib/error-params";
import type { sourceHistory } from "@/lib/segments/source-history";
import { useModalDialog } from "../panels";
import { sourceHistoryAction, undoAction } from "./source-actions";
import type { SourceEditing } from "./source-editing";

type History = Awaited<ReturnType<typeof sourceHistory>>;

export function SourceHistoryDialog(p: {
  segmentId: string;
  position: number;
  sourceLang: string;
  editing: SourceEditing;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useT();

  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useModalDialog(p.open, () => {
    setHistory(null);
    setError(null);
    void sourceHistoryAction(p.segmentId).then((result) => {
      if (result.ok) setHistory(result.data);
      else setError(result.error);
    });
  });
  async function undo(eventId: string) {
    setBusy(true);
    await p.editing.flush();
    const result = await undoAction(eventId);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    p.onClose();
    const { segmentId, inserted, removed, structureVersion } = result.data;
    await p.editing.changed({ segmentId, inserted, removed, structureVersion }, segmentId);
  }
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <dialog ref={ref} className="dialog wide" aria-labelledby={`source-history-${p.segmentId}`} onClose={p.onClose}>
      <h2 id={`source-history-${p.segmentId}`}>{t("sourceEdit.historyTitle", { position: p.position })}</h2>
      {!history && !error && <p role="status">{t("sourceEdit.loading")}</p>}
      {error && (
        <p className="form-error" role="alert">
          {t(errorKeys(error), errorParams(error))}
        </p>
      )}
      {history && history.events.length > 0 && (
        <>
          <h3>{t("sourceEdit.changes")}</h3>
          <ul className="revisions">
            {history.events.map((e) => (
              <li key={e.id} data-testid="source-event">
                <span className="revision-head">
                  <strong>{t(`sourceEdit.event.${e.kind}`, { defaultValue: e.kind })}</strong>
                  <span className="muted">
                    {e.author?.name ?? t("sourceEdit.someone")} · {when(e.createdAt)}
                  </span>
                  {e.undone && <span className="warn-badge">{t("sourceEdit.undone")}</span>}
                </span>
                {e.undoable && p.editing.canEditSource && (
                  <button type="button" className="small" disabled={busy} onClick={() => void undo(e.id)}>
                    {t("sourceEdit.undo")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {history && (
        <>
          <h3>{t("sourceEdit.versions")}</h3>
          <ol className="revisions" reversed>
            {history.versions.map((v, i) => {
              const older = history.versions[i + 1];
              return (
                <li key={v.version}>
                  <span className="revision-head">
                    <strong>{t(`sourceEdit.kind.${v.kind}`)}</strong>
                    <span className="muted">
                      {v.author?.name ?? t("sourceEdit.someone")} · {when(v.createdAt)}
                    </span>
                  </span>
                  <p className="revision-diff">
                    {older ? (
                      <WordDiffView before={older.source} after={v.source} lang={p.sourceLang} />
                    ) : (
                      <span lang={p.sourceLang}>{v.source}</span>
                    )}
                  </p>
                </li>
              );
            })}
          </ol>
        </>
      )}
      <div className="row-actions">
        <button type="button" onClick={p.onClose}>
          {t("editor.close")}
        </button>
      </div>
    </dialog>
  );
}
