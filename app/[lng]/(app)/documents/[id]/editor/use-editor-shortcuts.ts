"use client";

import { useEffect } from "react";

/** Keys that work anywhere outside a text field: "?" opens the shortcut list, Ctrl+J jumps to the first untranslated paragraph. */
export function useEditorShortcuts(handlers: { showShortcuts(): void; firstUntranslated(): void }) {
  const { showShortcuts, firstUntranslated } = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      const typing = target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.isContentEditable;
      if (!typing && e.key === "?") {
        e.preventDefault();
        showShortcuts();
      }
      if (e.ctrlKey && (e.key === "j" || e.key === "J") && !typing) {
        e.preventDefault();
        firstUntranslated();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [showShortcuts, firstUntranslated]);
}
