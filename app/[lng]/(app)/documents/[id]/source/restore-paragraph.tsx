"use client";

import { useState, useTransition } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import type { ActionError } from "@/app/_lib/run-action";
import { restoreParagraphAction } from "./actions";

export function RestoreParagraphButton({ segmentId, position }: { segmentId: string; position: number }) {
  const { t } = useTranslation();
  const [pending, start] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  return (
    <>
      <button
        type="button"
        className="small"
        disabled={pending}
        aria-label={t("source.restoreParagraphNamed", { position })}
        onClick={() =>
          start(async () => {
            const result = await restoreParagraphAction(segmentId);
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
