"use client";
// A new version of the source: the file is sent once to count what would change (a dry run), the
// counts are shown, and only "Apply" changes the document, with the same file.

import Link from "next/link";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SourceUpdateCounts } from "@/lib/api/schemas/projects";
import type { Out } from "@/lib/editor/api-client";

type Counts = Out<typeof SourceUpdateCounts>;
type Phase =
  | { kind: "idle" }
  | { kind: "busy"; what: "preview" | "apply" }
  | { kind: "preview"; counts: Counts }
  | { kind: "done"; counts: Counts }
  | { kind: "error"; message: string };

interface Props {
  lng: string;
  documentId: string;
  accept: string;
  maxMb: number;
}

export function SourceUpdateForm({ lng, documentId, accept, maxMb }: Props) {
  const { t } = useTranslation();
  const file = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });

  async function send(dryRun: boolean) {
    const chosen = file.current?.files?.[0];
    if (!chosen) return;
    const body = new FormData();
    body.set("file", chosen);
    setPhase({ kind: "busy", what: dryRun ? "preview" : "apply" });
    try {
      const res = await fetch(
        `/api/v1/documents/${encodeURIComponent(documentId)}/source${dryRun ? "?dryRun=true" : ""}`,
        {
          method: "POST",
          body,
          headers: { "Accept-Language": lng },
          credentials: "same-origin",
        },
      );
      const json = await res.json().catch(() => null);
      if (!res.ok) return setPhase({ kind: "error", message: json?.error?.message ?? t("errors.generic") });
      setPhase({ kind: dryRun ? "preview" : "done", counts: json as Counts });
    } catch {
      setPhase({ kind: "error", message: t("import.networkError") });
    }
  }

  function preview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send(true);
  }

  const busy = phase.kind === "busy";
  return (
    <form onSubmit={preview} className="stack">
      <label>
        {t("source.file")}
        <input
          ref={file}
          name="file"
          type="file"
          accept={accept}
          required
          disabled={busy}
          onChange={() => setPhase({ kind: "idle" })}
        />
        <span className="muted">{t("import.maxSize", { mb: maxMb })}</span>
      </label>
      <div className="row-actions">
        <button type="submit" disabled={busy}>
          {t("source.preview")}
        </button>
        {phase.kind === "preview" && (
          <button type="button" className="primary" onClick={() => void send(false)}>
            {t("source.apply")}
          </button>
        )}
      </div>
      {busy && <p role="status">{phase.what === "preview" ? t("source.previewing") : t("source.applying")}</p>}
      {phase.kind === "error" && (
        <p className="form-error" role="alert">
          {phase.message}
        </p>
      )}
      {(phase.kind === "preview" || phase.kind === "done") && (
        <div className={phase.kind === "done" ? "notice" : "preview-box"} role="status" data-testid="source-counts">
          <p>
            <strong>{phase.kind === "done" ? t("source.applied") : t("source.wouldChange")}</strong>
          </p>
          <dl className="facts">
            <dt>{t("source.kept")}</dt>
            <dd data-testid="count-kept">{phase.counts.kept}</dd>
            <dt>{t("source.changed")}</dt>
            <dd data-testid="count-changed">{phase.counts.changed}</dd>
            <dt>{t("source.added")}</dt>
            <dd data-testid="count-added">{phase.counts.added}</dd>
            <dt>{t("source.removed")}</dt>
            <dd data-testid="count-removed">{phase.counts.removed}</dd>
          </dl>
          {phase.kind === "preview" && <p className="muted">{t("source.previewExplain")}</p>}
          {phase.kind === "done" && <Link href={`/${lng}/documents/${documentId}`}>{t("source.toEditor")}</Link>}
        </div>
      )}
    </form>
  );
}
