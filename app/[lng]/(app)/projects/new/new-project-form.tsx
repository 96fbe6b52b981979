"use client";

import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { LanguagePicker } from "@/app/_components/language-picker";
import { keepValues } from "@/app/_lib/keep-values";
import { languageLabel } from "@/lib/i18n/language-label";
import { canonicalTag, commonLanguageTags } from "@/lib/projects/language-tags";
import { createProjectAction } from "./actions";

export function NewProjectForm({ lng }: { lng: string }) {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(createProjectAction, null);
  const [source, setSource] = useState("uk");
  const sourceTag = canonicalTag(source);
  return (
    <form onSubmit={keepValues(action)} className="stack">
      <input type="hidden" name="lng" value={lng} />
      <label>
        {t("projects.name")}
        <input name="name" required maxLength={200} autoComplete="off" />
      </label>
      <label>
        {t("projects.description")}
        <textarea name="description" rows={3} maxLength={2000} />
      </label>
      <label>
        {t("projects.sourceLang")}
        <input
          name="sourceLang"
          value={source}
          onChange={(e) => setSource(e.target.value)}
          list="source-languages"
          required
          aria-describedby="source-name"
        />
      </label>
      <datalist id="source-languages">
        {commonLanguageTags.map((tag) => (
          <option key={tag} value={tag}>
            {languageLabel(t, tag, lng)}
          </option>
        ))}
      </datalist>
      <p id="source-name" className="muted small-print">
        {sourceTag ? languageLabel(t, sourceTag, lng) : t("projects.tagHint")}
      </p>
      <LanguagePicker
        name="targetLangs"
        initial={["en", "kk"]}
        exclude={sourceTag ?? source}
        legend={t("projects.targetLangs")}
      />
      <div className="row-actions">
        <button type="submit" className="primary" disabled={pending}>
          {t("projects.create")}
        </button>
      </div>
      <ErrorText error={state && !state.ok ? state.error : null} />
    </form>
  );
}
