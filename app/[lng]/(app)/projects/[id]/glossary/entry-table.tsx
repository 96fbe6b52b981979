"use client";

import { useTranslation } from "react-i18next";
import type { EntryView } from "@/app/_components/glossary/entry-dialog";
import { TermTranslations } from "@/app/_components/glossary/term-translations";

interface Props {
  entries: EntryView[];
  sourceLang: string;
  targetLangs: string[];
  glossaries: { projectId: string; projectName: string; own: boolean }[];
  onEdit: (entry: EntryView) => void;
  onDelete: (entry: EntryView) => void;
}

/** The entries, one row each; on a phone each row is a card (globals.css). */
export function EntryTable({ entries, sourceLang, targetLangs, glossaries, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p className="muted">{t("glossary.none")}</p>;
  const fromName = (projectId: string) => glossaries.find((g) => g.projectId === projectId)?.projectName ?? "";
  return (
    <table className="list glossary-table">
      <thead>
        <tr>
          <th>{t("glossary.sourceTerm", { lang: t(`lang.${sourceLang}`) })}</th>
          {targetLangs.map((l) => (
            <th key={l}>{t(`lang.${l}`)}</th>
          ))}
          <th>{t("glossary.details")}</th>
          <th>
            <span className="visually-hidden">{t("glossary.actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-testid="glossary-entry">
            <td data-label={t(`lang.${sourceLang}`)}>
              <strong lang={e.sourceLang}>{e.term}</strong>
              {e.caseSensitive && <span className="term-flag"> {t("glossary.caseSensitiveShort")}</span>}
              {!e.editable && e.projectId !== glossaries.find((g) => g.own)?.projectId && (
                <div className="muted small-text">{t("glossary.fromProject", { project: fromName(e.projectId) })}</div>
              )}
            </td>
            {targetLangs.map((l) => (
              <td key={l} data-label={t(`lang.${l}`)}>
                <TermTranslations translations={e.translations.filter((tr) => tr.lang === l)} />
              </td>
            ))}
            <td data-label={t("glossary.details")} className="entry-details">
              {e.partOfSpeech && <span className="muted">{t(`terms.partOfSpeech.${e.partOfSpeech}`)}. </span>}
              {e.definition && <span lang={e.sourceLang}>{e.definition} </span>}
              {e.note && <span className="muted">{e.note}</span>}
            </td>
            <td>
              {e.editable && (
                <div className="row-actions">
                  <button
                    type="button"
                    className="small"
                    onClick={() => onEdit(e)}
                    aria-label={`${t("glossary.edit")}: ${e.term}`}
                  >
                    {t("glossary.edit")}
                  </button>
                  <button
                    type="button"
                    className="small danger"
                    onClick={() => onDelete(e)}
                    aria-label={`${t("glossary.delete")}: ${e.term}`}
                  >
                    {t("glossary.delete")}
                  </button>
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
