"use client";

import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { WordDiffView } from "@/app/_components/word-diff-view";
import type { ActionError } from "@/app/_lib/run-action";
import type { RevisionList } from "@/lib/api/schemas/translations";
import { api, type Out } from "@/lib/editor/api-client";
import { BulkEditLine } from "./find/bulk-edit-line";
import type { EditorPanel } from "./panel-types";

type Revision = Out<typeof RevisionList>["revisions"][number];

/** Every saved version of one translation, newest first, each with a word diff to the one before. */
export function HistoryPanel({
  segmentId,
  lang,
  currentVersion,
  canEdit,
  onRestore,
  onUndone,
}: {
  segmentId: string;
  lang: string;
  currentVersion: number;
  canEdit: boolean;
  onRestore: (text: string) => void;
  /** A replace was undone from here: the editor re-reads the language. */
  onUndone: () => Promise<void>;
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

  return (
    <>
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
            {rev.bulkEdit && <BulkEditLine edit={rev.bulkEdit} onUndone={onUndone} />}
            {canEdit && rev.version !== currentVersion && (
              <button type="button" className="small" onClick={() => onRestore(rev.text)}>
                {t("editor.restore")}
              </button>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Every saved version of the translation in focus. */
export const historyPanel: EditorPanel = {
  id: "history",
  label: (t) => t("editor.history"),
  title: (t, ctx) =>
    ctx.row
      ? t("editor.historyTitle", { position: ctx.row.position, lang: t(`lang.${ctx.lang}`) })
      : t("editor.history"),
  icon: "↺",
  shortcut: { code: "KeyR", alt: true, label: "Alt+R" },
  followsRow: true,
  Component: function HistoryOfRow({ ctx }) {
    const { t } = useTranslation();
    const { row, lang } = ctx;
    if (!row) return <p className="muted">{t("editor.panels.pickParagraph")}</p>;
    return (
      <HistoryPanel
        key={`${row.id}-${lang}`}
        segmentId={row.id}
        lang={lang}
        currentVersion={row.cells[lang]?.version ?? 0}
        canEdit={ctx.permissions.canEdit && !ctx.permissions.lockedStatuses.includes(row.cells[lang]?.status ?? "new")}
        onRestore={(text) => ctx.restore(row.id, lang, text)}
        onUndone={() => ctx.refreshLang(lang)}
      />
    );
  },
};
