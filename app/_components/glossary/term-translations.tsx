"use client";
// A term's translations with their status: preferred plain, admitted marked, forbidden struck
// through and named (the strike alone would tell nothing to a screen reader or in print).

import { useTranslation } from "react-i18next";
import { TERM_STATUSES, type TermStatus } from "@/lib/terms/types";

export interface ShownTranslation {
  lang: string;
  term: string;
  status: TermStatus;
}

export function TermText({ translation }: { translation: ShownTranslation }) {
  const { t } = useTranslation();
  const { term, status, lang } = translation;
  return (
    <span className={`term-translation ${status}`}>
      {status === "forbidden" ? <s lang={lang}>{term}</s> : <span lang={lang}>{term}</span>}
      {status !== "preferred" && <span className="term-status"> ({t(`terms.status.${status}`)})</span>}
    </span>
  );
}

/** The translations into one language, one per line. */
export function TermTranslations({ translations }: { translations: ShownTranslation[] }) {
  if (translations.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="term-translations">
      {translations.map((tr) => (
        <li key={`${tr.lang}:${tr.term}`}>
          <TermText translation={tr} />
        </li>
      ))}
    </ul>
  );
}

/** The <option>s of a term status select. */
export function StatusOptions() {
  const { t } = useTranslation();
  return TERM_STATUSES.map((s) => (
    <option key={s} value={s}>
      {t(`terms.status.${s}`)}
    </option>
  ));
}

/** The <option>s of a language select, named in the interface language. */
export function LanguageOptions({ langs }: { langs: string[] }) {
  const { t } = useTranslation();
  return langs.map((l) => (
    <option key={l} value={l}>
      {t(`lang.${l}`)}
    </option>
  ));
}
