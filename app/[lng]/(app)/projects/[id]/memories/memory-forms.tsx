"use client";

import { type FormEvent, useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import type { ActionError } from "@/app/_lib/run-action";
import type { MemoryImportAnswer } from "@/lib/api/schemas/memory";
import type { Out } from "@/lib/editor/api-client";
import { bands } from "@/lib/tm/band-list";
import type { MemorySettings } from "@/lib/tm/settings";
import { attachMemoryAction, deleteMemoryAction, detachMemoryAction, memorySettingsAction } from "./actions";

/** A TMX file sent to POST /api/v1/projects/{id}/memories; the page shows the new memory afterwards. */
export function ImportTmxForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState<Out<typeof MemoryImportAnswer> | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    const res = await fetch(`/api/v1/projects/${encodeURIComponent(projectId)}/memories`, {
      method: "POST",
      body: new FormData(event.currentTarget),
      credentials: "same-origin",
    }).catch(() => null);
    setBusy(false);
    const json = await res?.json().catch(() => null);
    if (!res?.ok) return setError(json?.error ?? { code: "internal" });
    setDone(json);
    window.location.reload();
  };
  return (
    <form className="stack" onSubmit={submit}>
      <div className="inline-form">
        <label>
          {t("memory.importFile")}
          <input type="file" name="file" accept=".tmx,application/x-tmx+xml,text/xml" required />
        </label>
        <label>
          {t("memory.importName")}
          <input type="text" name="name" maxLength={200} />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("memory.importing") : t("memory.importRun")}
        </button>
      </div>
      <ErrorText error={error} />
      {done && (
        <p role="status" className="form-ok">
          {t("memory.importDone", done)}
        </p>
      )}
    </form>
  );
}

export function AttachForm({ projectId, choices }: { projectId: string; choices: { id: string; label: string }[] }) {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(attachMemoryAction, null);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="projectId" value={projectId} />
      <div className="inline-form">
        <label>
          {t("memory.attachPick")}
          <select name="memoryId" required>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending}>
          {t("memory.attachRun")}
        </button>
      </div>
      <ErrorText error={state && !state.ok ? state.error : null} />
    </form>
  );
}

export function DetachButton({ projectId, memoryId }: { projectId: string; memoryId: string }) {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(detachMemoryAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="memoryId" value={memoryId} />
      <button type="submit" disabled={pending}>
        {t("memory.detach")}
      </button>
      <ErrorText error={state && !state.ok ? state.error : null} />
    </form>
  );
}

export function DeleteMemoryButton({ memoryId }: { memoryId: string }) {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(deleteMemoryAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("memory.deleteConfirm"))) e.preventDefault();
      }}
    >
      <input type="hidden" name="memoryId" value={memoryId} />
      <button type="submit" className="danger" disabled={pending}>
        {t("memory.delete")}
      </button>
      <ErrorText error={state && !state.ok ? state.error : null} />
    </form>
  );
}

export function MemorySettingsForm({ projectId, settings }: { projectId: string; settings: MemorySettings }) {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(memorySettingsAction, null);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="projectId" value={projectId} />
      <label>
        {t("memory.threshold")}
        <input type="number" name="threshold" min={0} max={100} required defaultValue={settings.threshold} />
      </label>
      <label className="check">
        <input type="checkbox" name="repetitions" defaultChecked={settings.repetitions} />
        {t("memory.repetitionsSetting")}
      </label>
      <label className="check">
        <input type="checkbox" name="exactAsTranslated" defaultChecked={settings.exactAsTranslated} />
        {t("memory.exactSetting")}
      </label>
      <fieldset>
        <legend>{t("memory.weights")}</legend>
        <div className="inline-form">
          {bands.map((b) => (
            <label key={b}>
              {t(`memory.band.${b}`)}
              <input
                type="number"
                name={`weight-${b}`}
                min={0}
                max={100}
                step="any"
                required
                defaultValue={settings.analysisWeights[b]}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <button type="submit" className="primary" disabled={pending}>
          {t("memory.save")}
        </button>
      </div>
      <ErrorText error={state && !state.ok ? state.error : null} />
      {state?.ok && (
        <p role="status" className="form-ok">
          {t("memory.saved")}
        </p>
      )}
    </form>
  );
}
