"use client";

import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { thresholdAction } from "./actions";

export function ThresholdForm({ projectId, threshold }: { projectId: string; threshold: number }) {
  const { t } = useTranslation();
  const [state, action, pending] = useActionState(thresholdAction, null);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="projectId" value={projectId} />
      <label>
        {t("quality.thresholdLabel")}
        <input name="threshold" type="number" min={0} max={1000} step="0.1" defaultValue={threshold} required />
      </label>
      <button type="submit" disabled={pending}>
        {t("quality.save")}
      </button>
      {state?.ok && <span className="form-ok">{t("members.saved")}</span>}
      <ErrorText error={state && !state.ok ? state.error : null} />
    </form>
  );
}
