"use client";
// The owner's form for a project's quality checks: severity and mute per check, quote style and
// "add to dictionary" words per target language, citation styles, English spelling, the length
// check's sample size. Saved as a whole; fields left at the default are not stored.
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { CHECK_CODES, type CheckCode } from "@/lib/qa/settings";
import { type Severity, severities } from "@/lib/qa/types";
import { saveQaSettingsAction } from "./actions";
import { QUOTE_PRESETS, quoteKey } from "./settings-from-form";

type Quotes = { primary: [string, string]; secondary: [string, string] };

export interface QaSettingsFormProps {
  projectId: string;
  langs: string[];
  /** The settings with defaults filled in (what the checks use now). */
  effective: {
    severity: Record<CheckCode, Severity>;
    muted: string[];
    quotes: Record<string, Quotes>;
    citations: { brackets: boolean; patterns: string[] };
    dictionary: Record<string, string[]>;
    englishSpelling: "us" | "gb" | "either";
    length: { minSamples: number };
  };
  /** The defaults, to say which choice is the default. */
  defaults: { severity: Record<CheckCode, Severity>; quotes: Record<string, Quotes> };
}

const shown = (key: string) => `${key[0]}…${key[1]}  ${key[2]}…${key[3]}`;

export function QaSettingsForm({ projectId, langs, effective, defaults }: QaSettingsFormProps) {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(saveQaSettingsAction, null);
  return (
    <form action={action} className="stack qa-settings">
      <input type="hidden" name="projectId" value={projectId} />
      {langs.map((lang) => (
        <input key={lang} type="hidden" name="lang" value={lang} />
      ))}
      <section className="card" aria-labelledby="qa-checks-heading">
        <h2 id="qa-checks-heading">{t("qa.settings.checks")}</h2>
        <p className="muted">{t("qa.settings.checksHint")}</p>
        <table className="list qa-checks">
          <thead>
            <tr>
              <th>{t("qa.report.check")}</th>
              <th>{t("qa.report.severity")}</th>
              <th>{t("qa.settings.muted")}</th>
            </tr>
          </thead>
          <tbody>
            {CHECK_CODES.map((code) => (
              <tr key={code}>
                <td>{t(`qa.checks.${code}`)}</td>
                <td>
                  <select
                    name={`severity.${code}`}
                    defaultValue={effective.severity[code]}
                    aria-label={`${t(`qa.checks.${code}`)}: ${t("qa.report.severity")}`}
                  >
                    {severities.map((s) => (
                      <option key={s} value={s}>
                        {t(`qa.severity.${s}`)}
                        {s === defaults.severity[code] ? ` (${t("qa.settings.default")})` : ""}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      name={`muted.${code}`}
                      defaultChecked={effective.muted.includes(code)}
                      aria-label={`${t(`qa.checks.${code}`)}: ${t("qa.settings.mute")}`}
                    />{" "}
                    {t("qa.settings.mute")}
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card stack" aria-labelledby="qa-quotes-heading">
        <h2 id="qa-quotes-heading">{t("qa.settings.quotes")}</h2>
        <p className="muted">{t("qa.settings.quotesHint")}</p>
        {langs.map((lang) => {
          const current = effective.quotes[lang] ?? effective.quotes[lang.split("-")[0]];
          const fallback = defaults.quotes[lang.split("-")[0]];
          const options = [...new Set([...(current ? [quoteKey(current)] : []), ...QUOTE_PRESETS])];
          return (
            <label key={lang}>
              {t(`lang.${lang}`)}{" "}
              <select name={`quotes.${lang}`} defaultValue={current ? quoteKey(current) : ""}>
                {!fallback && <option value="">{t("qa.settings.noQuoteStyle")}</option>}
                {options.map((key) => (
                  <option key={key} value={key}>
                    {shown(key)}
                    {fallback && quoteKey(fallback) === key ? ` (${t("qa.settings.default")})` : ""}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </section>

      <section className="card stack" aria-labelledby="qa-citations-heading">
        <h2 id="qa-citations-heading">{t("qa.settings.citations")}</h2>
        <label className="checkbox">
          <input type="checkbox" name="citations.brackets" defaultChecked={effective.citations.brackets} />{" "}
          {t("qa.settings.brackets")}
        </label>
        <label htmlFor="citation-patterns">{t("qa.settings.patterns")}</label>
        <textarea
          id="citation-patterns"
          name="citations.patterns"
          rows={3}
          defaultValue={effective.citations.patterns.join("\n")}
          aria-describedby="citation-patterns-hint"
          spellCheck={false}
        />
        <p id="citation-patterns-hint" className="muted">
          {t("qa.settings.patternsHint")}
        </p>
      </section>

      <section className="card stack" aria-labelledby="qa-spelling-heading">
        <h2 id="qa-spelling-heading">{t("qa.settings.spelling")}</h2>
        {langs.map((lang) => (
          <div key={lang} className="stack">
            <label htmlFor={`dictionary-${lang}`}>{t("qa.settings.dictionary", { lang: t(`lang.${lang}`) })}</label>
            <textarea
              id={`dictionary-${lang}`}
              name={`dictionary.${lang}`}
              lang={lang}
              rows={4}
              defaultValue={(effective.dictionary[lang] ?? []).join("\n")}
              aria-describedby="dictionary-hint"
            />
          </div>
        ))}
        <p id="dictionary-hint" className="muted">
          {t("qa.settings.dictionaryHint")}
        </p>
        {langs.some((l) => l.startsWith("en")) && (
          <label>
            {t("qa.settings.englishSpelling")}{" "}
            <select name="englishSpelling" defaultValue={effective.englishSpelling}>
              {(["either", "us", "gb"] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`qa.settings.english.${v}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </section>

      <section className="card stack" aria-labelledby="qa-length-heading">
        <h2 id="qa-length-heading">{t("qa.checks.length")}</h2>
        <label>
          {t("qa.settings.minSamples")}{" "}
          <input
            type="number"
            name="length.minSamples"
            min={5}
            max={10_000}
            defaultValue={effective.length.minSamples}
            className="qa-number"
          />
        </label>
      </section>

      <p className="row-buttons">
        <button type="submit" className="primary" disabled={pending}>
          {t("qa.settings.save")}
        </button>
        {state?.ok && (
          <span className="form-ok" role="status">
            {t("members.saved")}
          </span>
        )}
      </p>
      <ErrorText error={state && !state.ok ? state.error : null} />
    </form>
  );
}
