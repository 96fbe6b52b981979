"use client";

import { useTranslation } from "react-i18next";
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
  ["?  /  F1", "help"],
] as const;
const REVIEW_SHORTCUTS = [
  ["Ctrl+Enter", "shortcutApprove"],
  ["Ctrl+Shift+Enter", "shortcutReject"],
] as const;

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useModalDialog(open);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t("editor.shortcuts")}</h2>
      <table className="list">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{t(`editor.shortcut.${what}`)}</td>
            </tr>
          ))}
          {TERM_SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{t(`terms.shortcut.${what}`)}</td>
            </tr>
          ))}
          {REVIEW_SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{t(`review.${what}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit">{t("editor.close")}</button>
      </form>
    </dialog>
  );
}
