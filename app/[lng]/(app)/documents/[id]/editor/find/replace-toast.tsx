"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "@/lib/editor/api-client";
import { errorKeys } from "@/lib/error-params";
import type { ReplaceDone } from "./use-find";

/** How long the offer to undo stays (the history keeps it afterwards). */
const SHOW_MS = 20_000;

/** After a replace: what it did, and Undo, which puts every paragraph back in one step. */
export function ReplaceToast({
  done,
  onClose,
  refreshLang,
}: {
  done: ReplaceDone;
  onClose(): void;
  refreshLang(lang: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    if (busy) return;
    const timer = setTimeout(() => close.current(), message ? SHOW_MS / 2 : SHOW_MS);
    return () => clearTimeout(timer);
  }, [message, busy]);

  const undo = async () => {
    setBusy(true);
    const res = await api.undoBulkEdit(done.bulkEditId);
    setBusy(false);
    if (!res.ok) return setMessage(t(errorKeys(res.error)));
    await refreshLang(done.lang);
    const { restored, skipped } = res.data;
    setMessage(
      skipped.length
        ? t("editor.replace.undonePartly", {
            count: restored,
            skipped: skipped.length,
            positions: skipped.map((s) => s.position).join(", "),
          })
        : t("editor.replace.undone", { count: restored }),
    );
  };

  return (
    <div className="toast" role="status" data-testid="replace-toast">
      <span>{message ?? t("editor.replace.toast", { count: done.occurrences, paragraphs: done.paragraphs })}</span>
      {!message && (
        <button type="button" className="primary small" disabled={busy} onClick={() => void undo()}>
          {t("editor.replace.undo")}
        </button>
      )}
      <button type="button" className="small" onClick={onClose}>
        {t("editor.close")}
      </button>
    </div>
  );
}
