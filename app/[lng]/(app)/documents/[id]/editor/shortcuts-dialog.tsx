"use client";

import { useTranslation } from "react-i18next";
import type { EditorPanel } from "./panel-types";
import { useModalDialog } from "./panels";
import { TERM_SHORTCUTS } from "./terms/use-term-shortcuts";

const SHORTCUTS = [
  ["Ctrl+Enter", "confirm"],
  ["Ctrl+↑", "prev"],
  ["Ctrl+↓", "next"],
  ["Ctrl+Insert", "copySource"],
  ["Esc", "revert"],
  ["Ctrl+J", "firstUntranslated"],
  ["Alt+1 … Alt+9", "insertMatch"],
  ["Ctrl+K", "concordance"],
  ["Shift+F10", "cellMenu"],
  ["Alt+M", "noteOnSelection"],
  ["Enter  /  Shift+Enter", "findNext"],
  ["?  /  F1", "help"],
] as const;
const REVIEW_SHORTCUTS = [
  ["Ctrl+Enter", "shortcutApprove"],
  ["Alt+Enter", "shortcutReviewed"],
  ["Ctrl+Shift+Enter", "shortcutReject"],
] as const;

function Keys({ keys, what }: { keys: string; what: string }) {
  return (
    <tr>
      <td>
        <kbd>{keys}</kbd>
      </td>
      <td>{what}</td>
    </tr>
  );
}

export function ShortcutsDialog({
  open,
  onClose,
  panels,
}: {
  open: boolean;
  onClose: () => void;
  panels: readonly EditorPanel[];
}) {
  const { t } = useTranslation();
  const ref = useModalDialog(open);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t("editor.shortcuts")}</h2>
      <table className="list">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <Keys key={what} keys={keys} what={t(`editor.shortcut.${what}`)} />
          ))}
          {panels.map((p) =>
            p.shortcut ? (
              <Keys key={p.id} keys={p.shortcut.label} what={t("editor.shortcut.openPanel", { panel: p.label(t) })} />
            ) : null,
          )}
          {TERM_SHORTCUTS.map(([keys, what]) => (
            <Keys key={what} keys={keys} what={t(`terms.shortcut.${what}`)} />
          ))}
          {REVIEW_SHORTCUTS.map(([keys, what]) => (
            <Keys key={what} keys={keys} what={t(`review.${what}`)} />
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit">{t("editor.close")}</button>
      </form>
    </dialog>
  );
}
