"use client";
// The translation memory in the editor: its buttons (concordance, pre-translate) above the
// paragraphs, the match panel beside the active one, Ctrl+K for concordance from a selection.
// The editor wraps its table in it; everything else of the memory lives in these files.

import { type ReactNode, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Row } from "@/lib/editor/rows";
import { ConcordanceDialog } from "./concordance-dialog";
import { MatchPanel } from "./match-panel";
import { OriginNote } from "./origin-badge";
import { PretranslateDialog } from "./pretranslate-dialog";

interface Props {
  documentId: string;
  projectId: string;
  sourceLang: string;
  langs: string[];
  rows: Row[];
  active: { rowId: string; lang: string } | null;
  canEdit: boolean;
  edit: (rowId: string, lang: string, text: string) => void;
  onPretranslated: (lang: string) => void;
  /** Grows when a memory the project reads was written: the matches are asked again. */
  memoryStamp: number;
  children: ReactNode;
}

/** What is selected on the page: in a text field, or anywhere else. */
function selectedText(): string {
  const el = document.activeElement;
  const inField =
    el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement
      ? el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0)
      : "";
  return inField || (window.getSelection()?.toString() ?? "");
}

export function MemoryPane(props: Props) {
  const { documentId, projectId, sourceLang, langs, rows, active, canEdit, edit, children } = props;
  const { t } = useTranslation();
  const [concordance, setConcordance] = useState<{ query: string; token: number } | null>(null);
  const [pretranslateOpen, setPretranslateOpen] = useState(false);
  const openConcordance = useCallback(() => setConcordance({ query: selectedText().trim(), token: Date.now() }), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === "k" || e.key === "K")) {
        e.preventDefault();
        openConcordance();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [openConcordance]);

  const row = active ? rows.find((r) => r.id === active.rowId) : undefined;
  const cell = active ? row?.cells[active.lang] : undefined;
  const insert = useCallback(
    (text: string) => {
      if (active) edit(active.rowId, active.lang, text);
    },
    [active, edit],
  );

  return (
    <>
      <div className="memory-bar">
        <button type="button" onClick={openConcordance} aria-keyshortcuts="Control+K">
          {t("memory.concordance")} <kbd>Ctrl+K</kbd>
        </button>
        {canEdit && (
          <button type="button" onClick={() => setPretranslateOpen(true)}>
            {t("memory.pretranslate")}
          </button>
        )}
      </div>
      <div className={`memory-body${row ? " with-matches" : ""}`}>
        {children}
        {row && active && (
          <div className="match-column">
            {cell && <OriginNote cell={cell} rows={rows} />}
            <MatchPanel
              segmentId={row.id}
              lang={active.lang}
              sourceLang={sourceLang}
              text={row.cells[active.lang]?.text ?? ""}
              canEdit={canEdit}
              onInsert={insert}
              memoryStamp={props.memoryStamp}
            />
          </div>
        )}
      </div>
      <ConcordanceDialog
        request={concordance}
        projectId={projectId}
        langs={langs}
        sourceLang={sourceLang}
        onClose={() => setConcordance(null)}
      />
      {canEdit && (
        <PretranslateDialog
          documentId={documentId}
          langs={langs}
          open={pretranslateOpen}
          onClose={() => setPretranslateOpen(false)}
          onDone={props.onPretranslated}
        />
      )}
    </>
  );
}
