"use client";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "@/lib/editor/api-client";
import { errorKeys, errorParams } from "@/lib/error-params";
import { useModalDialog } from "./panels";

/** "Approve all remaining translated paragraphs", after an explicit confirmation. */
export function ApproveAllDialog({
  documentId,
  lang,
  count,
  open,
  onClose,
  onDone,
}: {
  documentId: string;
  lang: string;
  count: number;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useModalDialog(open, () => setResult(null));

  const approve = async () => {
    setBusy(true);
    const res = await api.approveAll(documentId, { lang });
    setBusy(false);
    if (!res.ok) return setResult(t(errorKeys(res.error), errorParams(res.error)));
    setResult(t("review.approveAllDone", { count: res.data.approved }));
    onDone();
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="approve-all-title" onClose={onClose}>
      <h2 id="approve-all-title">{t("review.approveAll", { count })}</h2>
      {result ? (
        <p role="status">{result}</p>
      ) : (
        <p>{t("review.approveAllConfirm", { count, lang: t(`lang.${lang}`) })}</p>
      )}
      <div className="row-buttons">
        {!result && (
          <button type="button" className="primary" disabled={busy || count === 0} onClick={approve}>
            {t("review.yes")}
          </button>
        )}
        <form method="dialog">
          <button type="submit">{result ? t("editor.close") : t("notes.cancel")}</button>
        </form>
      </div>
    </dialog>
  );
}
