"use client";

import { useMemo } from "react";
import type { EditorPermissions } from "@/lib/auth/permissions";
import type { EditorPanel, PanelArgs } from "./panel-types";
import type { Shortcut } from "./use-editor-shortcuts";

/** Each panel's shortcut opens it, about the paragraph in focus for those that follow it. */
export function usePanelShortcuts(
  panels: readonly EditorPanel[],
  permissions: EditorPermissions,
  langs: string[],
  active: { rowId: string; lang: string } | null,
  open: (id: string, args?: PanelArgs) => void,
): Shortcut[] {
  return useMemo(
    () =>
      panels.flatMap((panel) =>
        panel.shortcut && (panel.available?.({ permissions, langs }) ?? true)
          ? [
              {
                code: panel.shortcut.code,
                ctrl: panel.shortcut.ctrl,
                alt: panel.shortcut.alt,
                run: () => open(panel.id, panel.followsRow && active ? { ...active } : {}),
              },
            ]
          : [],
      ),
    [panels, permissions, langs, active, open],
  );
}
