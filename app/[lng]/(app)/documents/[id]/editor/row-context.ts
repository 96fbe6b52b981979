// What every row of the editor shares, as one object (like the side panels' PanelContext): the
// languages, who may do what, what the editor can do, and what the whole view shows (review mode's
// baselines, the search, another script). DocumentEditor makes it once and keeps the same object while
// none of it changes, so a keystroke in one row redraws that row only (SegmentRow is memoised and
// compares it by identity). What differs from row to row (the row, its notes, findings, presence,
// focus and the current match) stays a prop of its own: in here it would redraw every row each time.
import { useMemo } from "react";
import type { EditorPermissions } from "@/lib/auth/permissions";
import type { Finder } from "@/lib/search/find";
import type { EditorActions } from "./editor-actions";
import type { SourceEditing } from "./source/source-editing";
import type { QaController } from "./use-qa";

export interface RowContext {
  sourceLang: string;
  langs: string[];
  permissions: EditorPermissions;
  online: boolean;
  /** Review mode: per language, per segment, the text at the last decision; null when review mode is off. */
  baselines: Record<string, Record<string, string>> | null;
  /** The editor's search, to mark its matches; null when nothing is searched. */
  finder: Finder | null;
  /** Shows a language's text in another script (Kazakh in Latin letters), read-only. */
  display?: (lang: string, text: string) => string | null;
  actions: EditorActions;
  /** What the quality-check findings' buttons do (use-qa.ts). */
  qaController?: QaController;
  sourceEditing: SourceEditing;
}

/** The rows' context, the same object until one of its parts changes. */
export function useRowContext(parts: RowContext): RowContext {
  const { sourceLang, langs, permissions, online, baselines, finder, display, actions, qaController, sourceEditing } =
    parts;
  return useMemo(
    () => ({
      sourceLang,
      langs,
      permissions,
      online,
      baselines,
      finder,
      display,
      actions,
      qaController,
      sourceEditing,
    }),
    [sourceLang, langs, permissions, online, baselines, finder, display, actions, qaController, sourceEditing],
  );
}
