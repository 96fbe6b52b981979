"use client";

import { useTranslation } from "react-i18next";
import { LinkifiedText } from "@/app/_components/linkified-text";
import type { Row } from "@/lib/editor/rows";
import type { Thread } from "./notes-model";

/** For translators: the paragraphs a reviewer sent back, first, each with the reviewer's reason. */
export function SentBack({
  rows,
  lang,
  bySegment,
  onJump,
}: {
  rows: Row[];
  lang: string;
  bySegment: Map<string, Thread[]>;
  onJump: (rowId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="sent-back" aria-label={t("review.sentBack", { count: rows.length })}>
      <h2>{t("review.sentBack", { count: rows.length })}</h2>
      <p className="muted">{t("review.sentBackIntro")}</p>
      <ul>
        {rows.map((row) => {
          // The reason is the newest open note on this translation.
          const reason = (bySegment.get(row.id) ?? [])
            .filter((th) => th.lang === lang && !th.resolved)
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
          return (
            <li key={row.id} data-testid="sent-back-item">
              <button type="button" className="link" onClick={() => onJump(row.id)}>
                {t("notes.paragraph", { position: row.position })}
              </button>
              {": "}
              {reason ? <LinkifiedText text={reason.body} /> : t("review.noReason")}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
