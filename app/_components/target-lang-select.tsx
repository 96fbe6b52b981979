"use client";

import { useTranslation } from "react-i18next";

/** "Target language" as a select, shown only when there is more than one to choose from. */
export function TargetLangSelect({
  langs,
  value,
  onChange,
}: {
  langs: string[];
  value: string;
  onChange: (lang: string) => void;
}) {
  const { t } = useTranslation();
  if (langs.length < 2) return null;
  return (
    <label>
      {t("document.targetLanguage")}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {langs.map((l) => (
          <option key={l} value={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
