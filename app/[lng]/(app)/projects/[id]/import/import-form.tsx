"use client";

import Link from "next/link";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "@/lib/editor/api-client";
import type { ImportReport } from "@/lib/exchange/import/import-document";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "processing"; ticket: string; position: number | null }
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

/** A ticket to follow the import's place in line; getRandomValues works on plain http too. */
function newTicket(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * While the server works on the upload, asks it every second where the import is: waiting for one
 * of the server's import slots (with its place in line) or running.
 */
function usePlaceInLine(phase: Phase, setPosition: (ticket: string, position: number | null) => void) {
  const ticket = phase.kind === "processing" ? phase.ticket : null;
  useEffect(() => {
    if (!ticket) return;
    let stopped = false;
    // A failure here says nothing: the answer to the upload itself tells what went wrong.
    const ask = async () => {
      const place = await api.importPlace(ticket);
      const waiting = place.ok && place.data.state === "waiting" ? (place.data.position ?? null) : null;
      if (!stopped) setPosition(ticket, waiting);
    };
    void ask();
    const timer = setInterval(ask, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [ticket, setPosition]);
}

/** Uploads with XMLHttpRequest, which (unlike fetch) reports upload progress. */
export function ImportForm({ lng, projectId, documents, mayCreate, mayUpdate, maxMb, accept }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<"new" | "update">(mayCreate ? "new" : "update");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const busy = phase.kind === "uploading" || phase.kind === "processing";
  const setPosition = useCallback(
    (ticket: string, position: number | null) =>
      setPhase((p) => (p.kind === "processing" && p.ticket === ticket ? { ...p, position } : p)),
    [],
  );
  usePlaceInLine(phase, setPosition);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ticket = newTicket();
    form.set("ticket", ticket);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/projects/${encodeURIComponent(projectId)}/documents`);
    // Error messages come back in the interface language.
    xhr.setRequestHeader("Accept-Language", lng);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setPhase({ kind: "uploading", percent: Math.round((100 * e.loaded) / e.total) });
    };
    xhr.upload.onload = () => setPhase({ kind: "processing", ticket, position: null });
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
      {phase.kind === "processing" && (
        <p role="status">
          {phase.position === null ? t("import.processing") : t("import.waiting", { position: phase.position })}
        </p>
      )}
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
        {report.downgraded.length > 0 && <li>{t("import.reportDowngraded", { count: report.downgraded.length })}</li>}
        {report.locked.length > 0 && <li>{t("import.reportLocked", { count: report.locked.length })}</li>}
      </ul>
      {report.locked.length > 0 && <Locked rows={report.locked} />}
      {report.downgraded.length > 0 && <Downgraded rows={report.downgraded} />}
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

/** Translations the file would change that the importer may not change (approved work): left as they are. */
function Locked({ rows }: { rows: ImportReport["locked"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="locked-heading">
      <h2 id="locked-heading">{t("import.lockedTitle")}</h2>
      <p className="muted">{t("import.lockedIntro")}</p>
      <table className="list">
        <thead>
          <tr>
            <th>№</th>
            <th>{t("document.targetLanguage")}</th>
            <th>{t("import.appliedStatus")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => (
            <tr key={`${l.position}-${l.lang}`} data-testid="import-locked">
              <td className="num" aria-label={t("import.mismatchPosition", { position: l.position })}>
                {l.position}
              </td>
              <td>{t(`lang.${l.lang}`, { defaultValue: l.lang })}</td>
              <td>{t(`status.${l.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Statuses from the file that the importer's role may not set (or that do not fit the text). */
function Downgraded({ rows }: { rows: ImportReport["downgraded"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="downgraded-heading">
      <h2 id="downgraded-heading">{t("import.downgradedTitle")}</h2>
      <p className="muted">{t("import.downgradedIntro")}</p>
      <table className="list">
        <thead>
          <tr>
            <th>№</th>
            <th>{t("document.targetLanguage")}</th>
            <th>{t("import.requestedStatus")}</th>
            <th>{t("import.appliedStatus")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={`${d.position}-${d.lang}`}>
              <td className="num" aria-label={t("import.mismatchPosition", { position: d.position })}>
                {d.position}
              </td>
              <td>{t(`lang.${d.lang}`, { defaultValue: d.lang })}</td>
              <td>{t(`status.${d.requested}`)}</td>
              <td>{t(`status.${d.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
