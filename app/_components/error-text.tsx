"use client";

import { useTranslation } from "react-i18next";
import type { ActionError } from "@/app/_lib/run-action";
import { errorKeys, errorParams } from "@/lib/error-params";

/** An action's error, in the interface language, announced to screen readers. */
export function ErrorText({ error }: { error?: ActionError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {t(errorKeys(error), errorParams(error))}
    </p>
  );
}
