"use client";

import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Row } from "@/lib/editor/rows";
import { DONE_STATUSES, translationStatuses, zeroByStatus } from "@/lib/segments/statuses";

/** One language's progress in the header: a bar of words per status and "English 3/11", the full count on hover and for screen readers. */
function LanguageProgress({ rows, lang }: { rows: Row[]; lang: string }) {
  const { t } = useTranslation();
  const { paragraphs, words } = useMemo(() => {
    const paragraphs = zeroByStatus();
    const words = zeroByStatus();
    for (const row of rows) {
      const status = row.cells[lang]?.status ?? "new";
      paragraphs[status] += 1;
      words[status] += row.wordCount;
    }
    return { paragraphs, words };
  }, [rows, lang]);
  const done = DONE_STATUSES.reduce((n, s) => n + paragraphs[s], 0);
  const doneWords = DONE_STATUSES.reduce((n, s) => n + words[s], 0);
  const totalWords = translationStatuses.reduce((n, s) => n + words[s], 0);
  const summary = t("editor.progressSummary", { done, total: rows.length, words: doneWords, totalWords });
  const legend = translationStatuses
    .filter((s) => paragraphs[s] > 0)
    .map((s) => `${t(`status.${s}`)}: ${paragraphs[s]}`)
    .join(", ");
  return (
    <div
      className="header-progress"
      role="group"
      aria-label={t("editor.progress", { lang: t(`lang.${lang}`) })}
      title={`${summary}\n${legend}`}
    >
      <div className="progress-bar" aria-hidden="true">
        {translationStatuses.map((s) =>
          words[s] > 0 ? (
            <span
              key={s}
              className={`progress-part ${s}`}
              style={{ width: `${(100 * words[s]) / (totalWords || 1)}%` }}
            />
          ) : null,
        )}
      </div>
      <span className="header-progress-text" aria-hidden="true">
        {t(`lang.${lang}`)} {done}/{rows.length}
      </span>
      <span className="sr-only">
        {summary}. {legend}
      </span>
    </div>
  );
}

/** Progress of every language shown (two in the three-column view). */
export function EditorProgress({ rows, langs }: { rows: Row[]; langs: string[] }) {
  return (
    <div className="header-progresses phone-extra">
      {langs.map((lang) => (
        <LanguageProgress key={lang} rows={rows} lang={lang} />
      ))}
    </div>
  );
}
