"use client";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RevisionList } from "@/lib/api/schemas/translations";
import { api, type Out } from "@/lib/editor/api-client";
import { errorKeys } from "@/lib/error-params";

type BulkEdit = NonNullable<Out<typeof RevisionList>["revisions"][number]["bulkEdit"]>;

/** In a paragraph's history: the replace that wrote this version, and undoing all of it in one step. */
export function BulkEditLine({ edit, onUndone }: { edit: BulkEdit; onUndone(): Promise<void> }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const undo = async () => {
    setBusy(true);
    const res = await api.undoBulkEdit(edit.id);
    setBusy(false);
    if (!res.ok) return setMessage(t(errorKeys(res.error)));
    setMessage(t("editor.replace.undone", { count: res.data.restored }));
    await onUndone();
  };
  return (
    <p className="bulk-edit-line muted" data-testid="bulk-edit">
      {t("editor.replace.inHistory", { find: edit.find, replace: edit.replace, count: edit.paragraphs })}
      {edit.undone && ` · ${t("editor.replace.wasUndone")}`}{" "}
      {message ? (
        <span role="status">{message}</span>
      ) : (
        edit.mayUndo && (
          <button type="button" className="small" disabled={busy} onClick={() => void undo()}>
            {t("editor.replace.undoAll", { count: edit.paragraphs })}
          </button>
        )
      )}
    </p>
  );
}
