"use client";
// Confirming or approving a paragraph whose translation has open quality-check errors: the person
// sees the errors and says whether to go ahead. Esc and Cancel keep the paragraph as it is.
import { useTranslation } from "react-i18next";
import { useModalDialog } from "./panels";
import type { QaPending } from "./use-qa";

export function QaConfirmDialog({ pending }: { pending: QaPending | null }) {
  const { t } = useTranslation();
  const ref = useModalDialog(pending !== null);
  const action = pending?.action ?? "confirm";
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="qa-confirm-title"
      onClose={() => pending?.answer(false)}
      data-testid="qa-confirm"
    >
      <h2 id="qa-confirm-title">{t(`qa.editor.confirmTitle.${action}`, { count: pending?.errors.length ?? 0 })}</h2>
      <p>
        {t(`qa.editor.confirmBody.${action}`, {
          position: pending?.position ?? "",
          lang: pending ? t(`lang.${pending.lang}`) : "",
        })}
      </p>
      <ul className="qa-list">
        {pending?.errors.map((f) => (
          <li key={f.key} className="qa-finding qa-error">
            <span className="qa-severity qa-error">{t("qa.severity.error")}</span> {f.message}
          </li>
        ))}
      </ul>
      <div className="row-buttons">
        <button type="button" className="primary" onClick={() => pending?.answer(true)}>
          {t(`qa.editor.proceed.${action}`)}
        </button>
        <button type="button" onClick={() => pending?.answer(false)}>
          {t("notes.cancel")}
        </button>
      </div>
    </dialog>
  );
}
