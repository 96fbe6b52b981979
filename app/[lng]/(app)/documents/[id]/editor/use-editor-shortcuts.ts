"use client";

import { useEffect } from "react";

export interface Shortcut {
  /** KeyboardEvent.code, so it works on any keyboard layout (Cyrillic too). */
  code: string;
  ctrl?: boolean;
  alt?: boolean;
  run(): void;
}

/**
 * Keys of the whole editor. Shortcuts with Ctrl or Alt work in text boxes too (they type nothing);
 * "?" opens the shortcut list and Ctrl+J jumps to the first untranslated paragraph outside them.
 */
export function useEditorShortcuts(handlers: {
  showShortcuts(): void;
  firstUntranslated(): void;
  shortcuts: readonly Shortcut[];
}) {
  const { showShortcuts, firstUntranslated, shortcuts } = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      const typing = target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.isContentEditable;
      const ctrl = e.ctrlKey || e.metaKey;
      const found = shortcuts.find(
        (s) => s.code === e.code && Boolean(s.ctrl) === ctrl && Boolean(s.alt) === e.altKey && !e.shiftKey,
      );
      if (found) {
        e.preventDefault();
        found.run();
        return;
      }
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
  }, [showShortcuts, firstUntranslated, shortcuts]);
}
