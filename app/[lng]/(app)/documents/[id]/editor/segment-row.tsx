"use client";

import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { Row } from "@/lib/editor/rows";
import type { EditorActions } from "./editor-actions";
import { TranslationCell } from "./translation-cell";

interface Props {
  row: Row;
  sourceLang: string;
  langs: string[];
  canEdit: boolean;
  online: boolean;
  focus: { lang: string; token: number } | null;
  actions: EditorActions;
}

function SegmentRowImpl({ row, sourceLang, langs, canEdit, online, focus, actions }: Props) {
  const { t } = useTranslation();
  return (
    <div
      className={`editor-row ${row.kind}`}
      data-testid="segment"
      data-position={row.position}
      data-segment-id={row.id}
    >
      <div className="segment-pos">
        {row.position}
        {row.openNotes > 0 && (
          <span className="note-count" title={t("editor.hasOpenNotes")}>
            {row.openNotes}
          </span>
        )}
      </div>
      <div className="segment-source" lang={sourceLang} data-testid="source" role="cell">
        {row.source}
      </div>
      {langs.map((lang) => (
        <TranslationCell
          key={lang}
          rowId={row.id}
          position={row.position}
          lang={lang}
          cell={row.cells[lang]}
          canEdit={canEdit}
          online={online}
          focusToken={focus?.lang === lang ? focus.token : null}
          actions={actions}
        />
      ))}
    </div>
  );
}

export const SegmentRow = memo(SegmentRowImpl);
