"use client";

import { useState, useTransition } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import type { ActionError } from "@/app/_lib/run-action";
import { restoreProjectAction } from "./actions";

export function RestoreProjectButton({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const [pending, start] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  return (
    <>
      <button
        type="button"
        className="primary"
        disabled={pending}
        aria-label={t("trash.restoreNamed", { name })}
        onClick={() =>
          start(async () => {
            const result = await restoreProjectAction(id);
            setError(result.ok ? null : result.error);
          })
        }
      >
        {t("trash.restore")}
      </button>
      <ErrorText error={error} />
    </>
  );
}
