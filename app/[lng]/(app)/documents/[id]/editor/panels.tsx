"use client";
// The shells the editor's dialogs and side panels share.

import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * A <dialog> shown modally while `open` and closed otherwise; Esc closes it (its onClose tells the
 * owner). `onShow` runs each time it opens, e.g. to clear what the last opening left.
 */
export function useModalDialog(open: boolean, onShow?: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const showRef = useRef(onShow);
  showRef.current = onShow;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      showRef.current?.();
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}

/** A panel beside the paragraphs, with its title and a close button. */
export function SidePanel({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <aside className="side-panel" aria-label={title}>
      <div className="side-panel-head">
        <h2>{title}</h2>
        <button type="button" onClick={onClose}>
          {t("editor.close")}
        </button>
      </div>
      {children}
    </aside>
  );
}
