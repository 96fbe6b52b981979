"use client";
// Choosing a project's target languages: the chosen ones in order (each removable), a list of
// common languages by name in the interface language, and any other BCP 47 tag typed in. The form
// gets one hidden `name` field per chosen tag; the server checks them again.

import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { languageLabel } from "@/lib/i18n/language-label";
import { canonicalTag, commonLanguageTags } from "@/lib/projects/language-tags";

interface Props {
  name: string;
  initial: string[];
  /** The source language: never offered as a target. */
  exclude: string;
  legend: string;
  /** Told when a language is removed (the settings page asks before hiding one with translations). */
  onChange?: (tags: string[]) => void;
}

export function LanguagePicker({ name, initial, exclude, legend, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [tags, setTags] = useState(initial);
  const [typed, setTyped] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const label = (tag: string) => languageLabel(t, tag, i18n.language);
  const update = (next: string[]) => {
    setTags(next);
    onChange?.(next);
  };
  const add = (raw: string) => {
    const tag = canonicalTag(raw);
    if (!tag) return setProblem(t("errors.reasons.bad_language_tag", { value: raw }));
    if (tag === canonicalTag(exclude)) return setProblem(t("errors.reasons.source_among_targets", { value: tag }));
    setProblem(null);
    setTyped("");
    if (!tags.includes(tag)) update([...tags, tag]);
  };
  const offered = commonLanguageTags.filter((tag) => tag !== exclude && !tags.includes(tag));
  return (
    <fieldset className="language-picker">
      <legend>{legend}</legend>
      {tags.length === 0 && <p className="muted">{t("projects.noTargetsYet")}</p>}
      <ul className="chips" aria-label={legend}>
        {tags.map((tag) => (
          <li key={tag}>
            <input type="hidden" name={name} value={tag} />
            <span lang={tag}>{label(tag)}</span> <code>{tag}</code>
            <button
              type="button"
              className="small"
              aria-label={t("projects.removeLanguage", { lang: label(tag) })}
              onClick={() => update(tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <label>
          {t("projects.addCommon")}
          <select
            value=""
            onChange={(e) => {
              if (e.target.value) add(e.target.value);
            }}
          >
            <option value="">{t("projects.chooseLanguage")}</option>
            {offered.map((tag) => (
              <option key={tag} value={tag}>
                {label(tag)} ({tag})
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-other`}>
          {t("projects.otherTag")}
          <input
            id={`${id}-other`}
            value={typed}
            placeholder="de-AT"
            aria-describedby={`${id}-hint`}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                if (typed.trim()) add(typed);
              }
            }}
          />
        </label>
        <button type="button" disabled={!typed.trim()} onClick={() => add(typed)}>
          {t("projects.addLanguage")}
        </button>
      </div>
      <p id={`${id}-hint`} className="muted small-print">
        {typed.trim() && canonicalTag(typed) ? label(canonicalTag(typed) as string) : t("projects.tagHint")}
      </p>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
