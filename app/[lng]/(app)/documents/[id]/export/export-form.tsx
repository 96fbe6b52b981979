"use client";

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ExportFormat, singleTargetFormats, type Untranslated } from "@/lib/exchange/types";

export interface ExportChoice {
  value: string;
  name: string;
  hint?: string;
}

/** Per exportable target: how many paragraphs have no translation, and no approved one. */
export type Gaps = Record<string, { untranslated: number; unapproved: number }>;

export interface ExportDefaults {
  format: ExportFormat;
  targets: string[];
  approvedOnly: boolean;
  /** Leave out translations with open quality-check errors (issue #16). */
  withoutQaErrors: boolean;
  notes: boolean;
  untranslated: Untranslated;
}

/**
 * A plain GET form to the export API (the file streams straight to the browser), which refuses in
 * the form, with the reason, what the API would refuse: several languages for a one-language format.
 * For translation-only formats it says what happens to paragraphs without a translation.
 */
export function ExportForm({
  action,
  formats,
  targets,
  sourceName,
  total,
  gaps,
  defaults,
}: {
  action: string;
  formats: ExportChoice[];
  targets: ExportChoice[];
  /** The source language's name, for "write the source text (Ukrainian)". */
  sourceName: string;
  /** Paragraphs in the document. */
  total: number;
  gaps: Gaps;
  defaults: ExportDefaults;
}) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>(defaults.format);
  const [ticked, setTicked] = useState<string[]>(defaults.targets);
  const [approvedOnly, setApprovedOnly] = useState(defaults.approvedOnly);
  const [untranslated, setUntranslated] = useState<Untranslated>(defaults.untranslated);
  const single = singleTargetFormats.includes(format);
  const conflict = single && ticked.length > 1;
  // What a one-language export takes: the ticked language, or the project's first.
  const lang = ticked[0] ?? targets[0]?.value;
  const langName = targets.find((c) => c.value === lang)?.name ?? lang;

  const toggle = (value: string, on: boolean) =>
    setTicked((all) => (on ? [...all, value] : all.filter((v) => v !== value)).sort(byOrder(targets)));
  const onSubmit = (event: FormEvent) => {
    if (conflict) event.preventDefault();
  };

  const gap = lang ? gaps[lang] : undefined;
  const missing = gap ? (approvedOnly ? gap.unapproved : gap.untranslated) : 0;
  const outcome =
    missing === 0
      ? t(approvedOnly ? "export.allApproved" : "export.allTranslated", { lang: langName })
      : t(
          approvedOnly
            ? untranslated === "source"
              ? "export.approvedWillSource"
              : "export.approvedWillOmit"
            : untranslated === "source"
              ? "export.willSource"
              : "export.willOmit",
          { lang: langName, count: missing, total, source: sourceName },
        );

  return (
    <form className="card stack" method="get" action={action} onSubmit={onSubmit} data-testid="export-form">
      <fieldset className="stack">
        <legend>{t("export.format")}</legend>
        {formats.map((f) => (
          <label key={f.value} className="checkbox">
            <input
              type="radio"
              name="format"
              value={f.value}
              checked={format === f.value}
              onChange={() => setFormat(f.value as ExportFormat)}
              required
            />
            <span>
              {f.name} <span className="muted">— {f.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="stack" aria-describedby="targets-hint targets-conflict">
        <legend>{t("export.targets")}</legend>
        {targets.map((c) => (
          <label key={c.value} className="checkbox">
            <input
              type="checkbox"
              name="target"
              value={c.value}
              checked={ticked.includes(c.value)}
              onChange={(e) => toggle(c.value, e.target.checked)}
              aria-invalid={conflict && ticked.includes(c.value) ? true : undefined}
            />
            <span>
              {c.name} <span className="muted">({c.value})</span>
            </span>
          </label>
        ))}
        <p className="muted" id="targets-hint">
          {t("export.targetsHint")}
        </p>
        <p className="form-error" id="targets-conflict" role="alert" data-testid="export-conflict">
          {conflict ? t("errors.reasons.one_target") : ""}
        </p>
      </fieldset>
      <fieldset className="stack">
        <legend>{t("export.options")}</legend>
        {/* A checkbox sends nothing when unticked: the hidden 0 before it says "no", its 1 wins when ticked. */}
        <input type="hidden" name="approvedOnly" value="0" />
        <label className="checkbox">
          <input
            type="checkbox"
            name="approvedOnly"
            value="1"
            checked={approvedOnly}
            onChange={(e) => setApprovedOnly(e.target.checked)}
          />
          {t("export.approvedOnly")}
        </label>
        <input type="hidden" name="withoutQaErrors" value="0" />
        <label className="checkbox">
          <input type="checkbox" name="withoutQaErrors" value="1" defaultChecked={defaults.withoutQaErrors} />
          {t("export.withoutQaErrors")}
        </label>
        <input type="hidden" name="notes" value="0" />
        <label className="checkbox">
          <input type="checkbox" name="notes" value="1" defaultChecked={defaults.notes} />
          {t("export.includeNotes")}
        </label>
      </fieldset>
      {single && (
        <fieldset className="stack" aria-describedby="untranslated-outcome">
          <legend>{t("export.untranslated")}</legend>
          {(["source", "omit"] as const).map((choice) => (
            <label key={choice} className="checkbox">
              <input
                type="radio"
                name="untranslated"
                value={choice}
                checked={untranslated === choice}
                onChange={() => setUntranslated(choice)}
              />
              {choice === "source"
                ? t("export.untranslatedSource", { source: sourceName })
                : t("export.untranslatedOmit")}
            </label>
          ))}
          <p className="notice" id="untranslated-outcome" data-testid="untranslated-outcome" aria-live="polite">
            {outcome}
          </p>
        </fieldset>
      )}
      <p>
        <button type="submit" className="primary" disabled={conflict} aria-describedby="targets-conflict">
          {t("export.download")}
        </button>
      </p>
    </form>
  );
}

const byOrder = (choices: ExportChoice[]) => (a: string, b: string) =>
  choices.findIndex((c) => c.value === a) - choices.findIndex((c) => c.value === b);
