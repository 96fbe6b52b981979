"use client";
// A document's row on its project's page, for the project's owners: rename in place, move up or
// down, move to the trash.

import { useActionState, useEffect, useState, useTransition } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { keepValues } from "@/app/_lib/keep-values";
import type { ActionError } from "@/app/_lib/run-action";
import { moveDocumentAction, renameDocumentAction, trashDocumentAction } from "./document-actions";

interface Props {
  id: string;
  title: string;
  position: number;
  last: boolean;
}

export function DocumentManageActions({ id, title, position, last }: Props) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [state, rename, renamingNow] = useActionState(renameDocumentAction, null);
  const [pending, start] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const run = (fn: () => Promise<{ ok: boolean; error?: ActionError }>) =>
    start(async () => {
      const result = await fn();
      setError(result.ok ? null : (result.error ?? null));
    });
  // A rename that went through closes the form; the page shows the new title.
  useEffect(() => {
    if (state?.ok) setRenaming(false);
  }, [state]);
  if (renaming) {
    return (
      <form onSubmit={keepValues(rename)} className="inline-form">
        <input type="hidden" name="documentId" value={id} />
        <label>
          {t("documents.newTitle")}
          <input name="title" defaultValue={title} required maxLength={200} />
        </label>
        <button type="submit" className="primary" disabled={renamingNow}>
          {t("documents.saveTitle")}
        </button>
        <button type="button" onClick={() => setRenaming(false)}>
          {t("documents.cancel")}
        </button>
        <ErrorText error={state && !state.ok ? state.error : null} />
      </form>
    );
  }
  return (
    <div className="row-actions">
      <button
        type="button"
        className="small"
        onClick={() => setRenaming(true)}
        aria-label={t("documents.renameNamed", { title })}
      >
        {t("documents.rename")}
      </button>
      <button
        type="button"
        className="small"
        disabled={pending || position === 1}
        onClick={() => run(() => moveDocumentAction(id, position - 1))}
        aria-label={t("documents.moveUpNamed", { title })}
      >
        ↑
      </button>
      <button
        type="button"
        className="small"
        disabled={pending || last}
        onClick={() => run(() => moveDocumentAction(id, position + 1))}
        aria-label={t("documents.moveDownNamed", { title })}
      >
        ↓
      </button>
      <button
        type="button"
        className="small danger"
        disabled={pending}
        onClick={() => run(() => trashDocumentAction(id))}
        aria-label={t("documents.trashNamed", { title })}
      >
        {t("documents.trash")}
      </button>
      <ErrorText error={error} />
    </div>
  );
}
