"use client";
// The paragraphs as a table: the column heads, then every row shown. Small documents are rendered
// whole (the browser's own find and printing see every paragraph); longer ones through a virtual list
// that draws only the rows near the viewport.
import type { ReactNode, RefObject } from "react";
import { useTranslation } from "react-i18next";
import { Virtuoso, type VirtuosoHandle } from "react-virtuoso";
import type { Row } from "@/lib/editor/rows";
import { VIRTUALIZE_ABOVE } from "./use-row-navigation";

interface Props {
  sourceLang: string;
  langs: string[];
  visible: Row[];
  virtuoso: RefObject<VirtuosoHandle | null>;
  renderRow: (row: Row) => ReactNode;
}

export function EditorTable({ sourceLang, langs, visible, virtuoso, renderRow }: Props) {
  const { t } = useTranslation();
  return (
    <div
      className="editor-table"
      role="table"
      aria-label={t("document.translation")}
      aria-rowcount={visible.length + 1}
    >
      <div className="editor-head" role="row">
        <span role="columnheader">{t("document.position")}</span>
        <span role="columnheader">{t("editor.sourceColumn", { lang: t(`lang.${sourceLang}`) })}</span>
        {langs.map((lang) => (
          <span key={lang} role="columnheader">
            {t("document.translation")} ({t(`lang.${lang}`)})
          </span>
        ))}
      </div>
      {visible.length === 0 && <p className="muted">{t("editor.noRows")}</p>}
      {visible.length > 0 && visible.length <= VIRTUALIZE_ABOVE
        ? visible.map((row) => renderRow(row))
        : visible.length > 0 && (
            <Virtuoso
              ref={virtuoso}
              useWindowScroll
              data={visible}
              increaseViewportBy={{ top: 600, bottom: 900 }}
              computeItemKey={(_, row) => row.id}
              itemContent={(_, row) => renderRow(row)}
            />
          )}
    </div>
  );
}
