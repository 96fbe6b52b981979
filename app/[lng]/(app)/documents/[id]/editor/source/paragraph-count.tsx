"use client";
// "Paragraphs: N" in the editor's header (rendered by the page): the count the page was rendered
// with until a split or merge shown in place changes it (DocumentEditor provides the count now).

import { createContext, useContext } from "react";
import { useTranslation } from "react-i18next";

export const ParagraphCountContext = createContext<number | null>(null);

export function ParagraphCount({ initial }: { initial: number }) {
  const { t } = useTranslation();
  const count = useContext(ParagraphCountContext) ?? initial;
  return <span className="muted doc-count">{t("document.paragraphCount", { count })}</span>;
}
