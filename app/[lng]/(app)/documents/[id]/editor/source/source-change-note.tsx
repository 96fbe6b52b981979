"use client";

// "Source changed": under a paragraph whose translation was written for an older source, a word
// diff of the old and the new source, until someone confirms the translation again.

import { WordDiffView } from "@/app/_components/word-diff-view";
import { useT } from "@/app/i18n/i18n-provider";
import { isConfirmed, type Row } from "@/lib/editor/rows";
import { languageLabel } from "@/lib/i18n/language-label";

interface Props {
  row: Row;
  langs: string[];
  sourceLang: string;
  marks: Record<string, string> | undefined;
  canConfirm: boolean;
  onConfirm: (lang: string) => void;
}

export function SourceChangeNote({ row, langs, sourceLang, marks, canConfirm, onConfirm }: Props) {
  const { t, i18n } = useT();
  // The mark goes when the translation is confirmed (the database drops it; this mirrors that at once).
  const open = langs.filter((lang) => marks?.[lang] !== undefined && !isConfirmed(row.cells[lang]));
  if (open.length === 0) return null;
  // Languages written for the same old text share one diff.
  const byOld = new Map<string, string[]>();
  for (const lang of open) byOld.set(marks?.[lang] as string, [...(byOld.get(marks?.[lang] as string) ?? []), lang]);
  return (
    <>
      {[...byOld].map(([old, forLangs]) => (
        <div key={old} className="source-changed" role="note" data-testid="source-changed">
          <p className="source-changed-title">
            {t("sourceEdit.changedTitle", {
              langs: forLangs.map((l) => languageLabel(t, l, i18n.language)).join(", "),
            })}
          </p>
          <p className="source-changed-diff">
            <WordDiffView before={old} after={row.source} lang={sourceLang} />
          </p>
          {canConfirm && (
            <div className="row-actions">
              {forLangs.map((lang) => (
                <button key={lang} type="button" className="small" onClick={() => onConfirm(lang)}>
                  {forLangs.length > 1
                    ? t("sourceEdit.confirmLang", { lang: languageLabel(t, lang, i18n.language) })
                    : t("sourceEdit.confirm")}
                </button>
              ))}
            </div>
          )}
        </div>
      ))}
    </>
  );
}
