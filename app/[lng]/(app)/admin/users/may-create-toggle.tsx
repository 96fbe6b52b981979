"use client";

import { useState, useTransition } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import type { ActionError } from "@/app/_lib/run-action";
import { mayCreateProjectsAction } from "./actions";

/** A checkbox that saves as soon as it is changed, and says so. */
export function MayCreateToggle({ userId, name, may }: { userId: string; name: string; may: boolean }) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(may);
  const [pending, start] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          disabled={pending}
          aria-label={t("admin.mayCreateNamed", { name })}
          onChange={(e) => {
            const next = e.target.checked;
            setChecked(next);
            start(async () => {
              const result = await mayCreateProjectsAction(userId, next);
              setSaved(result.ok);
              setError(result.ok ? null : result.error);
              if (!result.ok) setChecked(!next);
            });
          }}
        />
        {checked ? t("admin.yes") : t("admin.no")}
      </label>
      {saved && !pending && <span className="form-ok">{t("members.saved")}</span>}
      <ErrorText error={error} />
    </>
  );
}
