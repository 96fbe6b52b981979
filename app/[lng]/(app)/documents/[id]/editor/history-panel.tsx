"use client";

import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { WordDiffView } from "@/app/_components/word-diff-view";
import type { ActionError } from "@/app/_lib/run-action";
import { api } from "@/lib/editor/api-client";
import { SidePanel } from "./panels";

interface Revision {
  version: number;
  text: string;
  status: string;
  author: { id: string; name: string } | null;
  createdAt: string;
  /** The note a review decision was given with (a send-back's reason), kept after it is closed. */
  reason: { noteId: string; body: string; resolved: boolean } | null;
}

/** Every saved version of one translation, newest first, each with a word diff to the one before. */
export function HistoryPanel({
  segmentId,
  position,
  lang,
  currentVersion,
  canEdit,
  onRestore,
  onClose,
}: {
  segmentId: string;
  position: number;
  lang: string;
  currentVersion: number;
  canEdit: boolean;
  onRestore: (text: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState<ActionError | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: currentVersion refreshes the list after each save.
  useEffect(() => {
    let cancelled = false;
    setError(null);
    void api.revisions(segmentId, lang).then((res) => {
      if (cancelled) return;
      if (res.ok) setRevisions(res.data.revisions);
      else setError(res.error);
    });
    return () => {
      cancelled = true;
    };
  }, [segmentId, lang, currentVersion]);

  const title = t("editor.historyTitle", { position, lang: t(`lang.${lang}`) });
  return (
    <SidePanel title={title} onClose={onClose}>
      <ErrorText error={error} />
      {!revisions && !error && <p className="muted">{t("editor.loading")}</p>}
      {revisions?.length === 0 && <p className="muted">{t("editor.noHistory")}</p>}
      <ol className="revisions">
        {revisions?.map((rev, i) => (
          <li key={rev.version} data-testid="revision">
            <div className="revision-head">
              <strong>{t("editor.version", { version: rev.version })}</strong>
              <span className={`status-badge ${rev.status}`}>{t(`status.${rev.status}`)}</span>
              <span className="muted">
                {rev.author?.name ?? t("editor.someone")} · {new Date(rev.createdAt).toLocaleString(i18n.language)}
              </span>
            </div>
            {rev.reason && (
              <p className="revision-reason muted" data-testid="revision-reason">
                {t(rev.reason.resolved ? "editor.reasonClosed" : "editor.reason", { text: rev.reason.body })}
              </p>
            )}
            <p className="revision-diff">
              <WordDiffView before={revisions[i + 1]?.text ?? ""} after={rev.text} lang={lang} />
            </p>
            {canEdit && rev.version !== currentVersion && (
              <button type="button" className="small" onClick={() => onRestore(rev.text)}>
                {t("editor.restore")}
              </button>
            )}
          </li>
        ))}
      </ol>
    </SidePanel>
  );
}
