"use client";
// The shell the editor's dialogs share. (Side panels open in the docked side column: side-column.tsx.)

import { useEffect, useRef } from "react";

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
