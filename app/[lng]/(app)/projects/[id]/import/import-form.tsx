"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportReport } from "@/lib/exchange/import/import-document";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "processing" }
  | { kind: "done"; report: ImportReport }
  | { kind: "error"; message: string };

interface Props {
  lng: string;
  projectId: string;
  documents: { id: string; title: string }[];
  mayCreate: boolean;
  mayUpdate: boolean;
  maxMb: number;
  accept: string;
}

/** Uploads with XMLHttpRequest, which (unlike fetch) reports upload progress. */
export function ImportForm({ lng, projectId, documents, mayCreate, mayUpdate, maxMb, accept }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<"new" | "update">(mayCreate ? "new" : "update");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const busy = phase.kind === "uploading" || phase.kind === "processing";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/projects/${encodeURIComponent(projectId)}/documents`);
    // Error messages come back in the interface language.
    xhr.setRequestHeader("Accept-Language", lng);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setPhase({ kind: "uploading", percent: Math.round((100 * e.loaded) / e.total) });
    };
    xhr.upload.onload = () => setPhase({ kind: "processing" });
    xhr.onload = () => {
      const body = xhr.response as { error?: { message?: string } } | ImportReport | null;
      if (xhr.status === 201 && body && "documentId" in body) setPhase({ kind: "done", report: body });
      else {
        const message = body && "error" in body ? body.error?.message : undefined;
        setPhase({ kind: "error", message: message ?? t("errors.generic") });
      }
    };
    xhr.onerror = () => setPhase({ kind: "error", message: t("import.networkError") });
    setPhase({ kind: "uploading", percent: 0 });
    xhr.send(form);
  }

  return (
    <form onSubmit={submit} className="stack" encType="multipart/form-data">
      <label>
        {t("import.file")}
        <input name="file" type="file" accept={accept} required disabled={busy} />
        <span className="muted">{t("import.maxSize", { mb: maxMb })}</span>
      </label>
      <fieldset className="stack" disabled={busy}>
        <legend>{t("import.mode")}</legend>
        {mayCreate && (
          <label className="inline-form">
            <input type="radio" name="mode" value="new" checked={mode === "new"} onChange={() => setMode("new")} />
            {t("import.modeNew")}
          </label>
        )}
        {mayUpdate && (
          <label className="inline-form">
            <input
              type="radio"
              name="mode"
              value="update"
              checked={mode === "update"}
              onChange={() => setMode("update")}
              disabled={documents.length === 0}
            />
            {t("import.modeUpdate")}
          </label>
        )}
      </fieldset>
      {mode === "new" ? (
        <label>
          {t("import.titleLabel")}
          <input name="title" maxLength={200} disabled={busy} />
        </label>
      ) : documents.length === 0 ? (
        <p className="muted">{t("import.noDocuments")}</p>
      ) : (
        <label>
          {t("import.document")}
          <select name="documentId" required disabled={busy}>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="primary" disabled={busy || (mode === "update" && documents.length === 0)}>
        {t("import.submit")}
      </button>
      {busy && <UploadProgress percent={phase.kind === "uploading" ? phase.percent : 100} />}
      {phase.kind === "processing" && <p role="status">{t("import.processing")}</p>}
      {phase.kind === "error" && (
        <p className="form-error" role="alert">
          {phase.message}
        </p>
      )}
      {phase.kind === "done" && <Report lng={lng} report={phase.report} />}
    </form>
  );
}

function UploadProgress({ percent }: { percent: number }) {
  const { t } = useTranslation();
  return (
    <div className="progress">
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={t("import.progress")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span className="progress-part translated" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-summary">{t("import.uploading", { percent })}</p>
    </div>
  );
}

function Report({ lng, report }: { lng: string; report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="stack">
      <p className="form-ok">{t("import.done")}</p>
      <ul>
        <li>{t("import.reportSegments", { count: report.segments })}</li>
        <li>{t("import.reportTranslations", { count: report.translations })}</li>
        <li>{t("import.reportNotes", { count: report.notes })}</li>
      </ul>
      {report.mismatches.length > 0 && (
        <section aria-labelledby="mismatches-heading">
          <h2 id="mismatches-heading">{t("import.mismatchesTitle")}</h2>
          <table className="list">
            <thead>
              <tr>
                <th>№</th>
                <th>{t("import.expected")}</th>
                <th>{t("import.found")}</th>
              </tr>
            </thead>
            <tbody>
              {report.mismatches.map((m) => (
                <tr key={m.position}>
                  <td className="num" aria-label={t("import.mismatchPosition", { position: m.position })}>
                    {m.position}
                  </td>
                  <td>{m.expected ?? t("import.missingParagraph")}</td>
                  <td>{m.found}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <p>
        <Link href={`/${lng}/documents/${report.documentId}`}>{t("import.open")}</Link>
      </p>
    </div>
  );
}
