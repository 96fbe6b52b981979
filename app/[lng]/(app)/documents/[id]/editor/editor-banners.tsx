"use client";
// The notices between the editor's header and its rows: paragraphs changed in a way this view cannot
// follow (reload), the rest of a long document still loading, a read-only view, and the paragraphs
// sent back to this translator.
import { useTranslation } from "react-i18next";
import { ParagraphsChanged } from "./paragraphs-changed";
import { SentBack } from "./sent-back";
import { markSentBackRead, type SentBackEntry } from "./use-sent-back";

interface Props {
  /** Who changed the paragraphs so that a reload is needed (null: someone); undefined: no reload needed. */
  reloadBy: string | null | undefined;
  beforeReload: () => Promise<void>;
  /** How many paragraphs are still loading. */
  loading: number;
  readOnly: boolean;
  sentBack: SentBackEntry[];
  goToRow(rowId: string): void;
}

export function EditorBanners({ reloadBy, beforeReload, loading, readOnly, sentBack, goToRow }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <ParagraphsChanged by={reloadBy} beforeReload={beforeReload} />
      {loading > 0 && (
        <p className="banner" role="status" data-testid="loading-rows">
          {t("editor.loadingRows", { count: loading })}
        </p>
      )}
      {readOnly && <p className="banner">{t("editor.readOnly")}</p>}
      {sentBack.length > 0 && (
        <SentBack
          entries={sentBack}
          onJump={(entry) => {
            markSentBackRead(entry);
            goToRow(entry.row.id);
          }}
        />
      )}
    </>
  );
}
