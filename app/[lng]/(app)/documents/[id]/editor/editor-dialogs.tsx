"use client";
// What opens over the editor: the keyboard shortcuts, the quality check's "confirm anyway?", approve
// all (for those who decide), and the toast after a replace with its undo.
import { ApproveAllDialog } from "./approve-all-dialog";
import { ReplaceToast } from "./find/replace-toast";
import type { ReplaceDone } from "./find/use-find";
import { editorPanels } from "./panel-registry";
import { QaConfirmDialog } from "./qa-confirm-dialog";
import { ShortcutsDialog } from "./shortcuts-dialog";
import type { QaPending } from "./use-qa";

interface Props {
  documentId: string;
  /** The first language shown: approve all works on it. */
  lang: string;
  shortcuts: { open: boolean; close(): void };
  qaPending: QaPending | null;
  /** Approve all, for those who decide (null for others), over `count` translated paragraphs. */
  approveAll: { open: boolean; close(): void; count: number } | null;
  replaced: { done: ReplaceDone | null; close(): void };
  refreshLang(lang: string): Promise<void>;
}

export function EditorDialogs({ documentId, lang, shortcuts, qaPending, approveAll, replaced, refreshLang }: Props) {
  return (
    <>
      <ShortcutsDialog open={shortcuts.open} onClose={shortcuts.close} panels={editorPanels} />
      <QaConfirmDialog pending={qaPending} />
      {approveAll && (
        <ApproveAllDialog
          documentId={documentId}
          lang={lang}
          count={approveAll.count}
          open={approveAll.open}
          onClose={approveAll.close}
          onDone={() => void refreshLang(lang)}
        />
      )}
      {replaced.done && <ReplaceToast done={replaced.done} onClose={replaced.close} refreshLang={refreshLang} />}
    </>
  );
}
