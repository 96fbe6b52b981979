"use client";

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GlossaryImportReport } from "@/lib/api/schemas/glossary";
import { type ApiError, api, type Out } from "@/lib/editor/api-client";
import { errorKeys, errorParams } from "@/lib/error-params";

type Report = Out<typeof GlossaryImportReport>;

/** An import's refusal as the import page shows it: the reason's own message, with its line or entry. */
function importMessage(t: (keys: string[], params: object) => string, error: ApiError) {
  const reason = typeof error.details?.reason === "string" ? error.details.reason : null;
  const keys = reason ? [`import.errors.${reason}`, ...errorKeys(error)] : errorKeys(error);
  return t(keys, { ...errorParams(error), ...error.details });
}

export function GlossaryImport({
  lng,
  projectId,
  maxMb,
  onImported,
}: {
  lng: string;
  projectId: string;
  maxMb: number;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setError(null);
    setReport(null);
    const res = await api.importGlossary(projectId, new FormData(form));
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setReport(res.data);
    form.reset();
    onImported();
  }

  return (
    <section className="card" aria-labelledby="glossary-import">
      <h2 id="glossary-import">{t("glossary.importTitle")}</h2>
      <p className="muted">{t("glossary.importIntro")}</p>
      <form onSubmit={submit} className="inline-form" lang={lng}>
        <label>
          {t("import.file")} <input name="file" type="file" accept=".tbx,.xml,.csv" required disabled={busy} />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? t("import.processing") : t("glossary.importSubmit")}
        </button>
        <span className="muted">{t("import.maxSize", { mb: maxMb })}</span>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {importMessage(t as never, error)}
        </p>
      )}
      {report && (
        <div role="status">
          <p className="form-ok">{t("import.done")}</p>
          <ul>
            <li>{t("terms.importReport.entries", { count: report.entries })}</li>
            <li>{t("terms.importReport.created", { count: report.created })}</li>
            <li>{t("terms.importReport.merged", { count: report.merged })}</li>
            <li>{t("terms.importReport.duplicateTranslations", { count: report.duplicateTranslations })}</li>
            {report.skippedLanguages.length > 0 && (
              <li>{t("terms.importReport.skippedLanguages", { langs: report.skippedLanguages.join(", ") })}</li>
            )}
            {report.withoutSource > 0 && (
              <li>{t("terms.importReport.withoutSource", { count: report.withoutSource })}</li>
            )}
          </ul>
        </div>
      )}
    </section>
  );
}
