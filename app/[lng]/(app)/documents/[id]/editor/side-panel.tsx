"use client";

import { useMemo } from "react";
import type { EditorPermissions } from "@/lib/auth/permissions";
import type { Row } from "@/lib/editor/rows";
import type { NoteView } from "@/lib/notes/notes";
import { AllNotesPanel } from "./all-notes-panel";
import { HistoryPanel } from "./history-panel";
import type { Thread } from "./notes-model";
import { NotesPanel, type PendingAnchor } from "./notes-panel";
import { TermsPanel } from "./terms/terms-panel";

/** Which side panel is open: a translation's history, a paragraph's notes, or every note of the document. */
export type Panel =
  | { kind: "history"; rowId: string; lang: string }
  | { kind: "notes"; rowId: string; anchor: PendingAnchor | null; threadId: string | null }
  | { kind: "all-notes" }
  | { kind: "terms" }
  | null;

interface Props {
  panel: Panel;
  setPanel: (panel: Panel) => void;
  rows: Row[];
  langs: string[];
  threads: Thread[];
  bySegment: Map<string, Thread[]>;
  permissions: EditorPermissions;
  /** Puts an earlier version's text back (and saves it). */
  restore: (rowId: string, lang: string, text: string) => void;
  addNote: (note: NoteView) => void;
  updateNote: (note: NoteView) => void;
  goToRow: (rowId: string, lang: string) => void;
}

export function SidePanel({ panel, setPanel, rows, langs, threads, bySegment, permissions, ...act }: Props) {
  const positions = useMemo(() => new Map(rows.map((r) => [r.id, r.position])), [rows]);
  const close = () => setPanel(null);
  if (panel?.kind === "all-notes") {
    return (
      <AllNotesPanel
        threads={threads}
        positions={positions}
        onJump={(segmentId, threadId) => {
          act.goToRow(segmentId, langs[0]);
          setPanel({ kind: "notes", rowId: segmentId, anchor: null, threadId });
        }}
        onClose={close}
      />
    );
  }
  if (panel?.kind === "terms") return <TermsPanel rows={rows} onClose={close} />;
  const row = panel ? rows.find((r) => r.id === panel.rowId) : undefined;
  if (!panel || !row) return null;
  if (panel.kind === "history") {
    return (
      <HistoryPanel
        segmentId={panel.rowId}
        position={row.position}
        lang={panel.lang}
        currentVersion={row.cells[panel.lang]?.version ?? 0}
        canEdit={permissions.canEdit}
        onRestore={(text) => act.restore(panel.rowId, panel.lang, text)}
        onClose={close}
      />
    );
  }
  return (
    <NotesPanel
      key={`${panel.rowId}-${panel.anchor?.start ?? ""}-${panel.anchor?.end ?? ""}`}
      row={row}
      langs={langs}
      threads={bySegment.get(panel.rowId) ?? []}
      pending={panel.anchor}
      focusThreadId={panel.threadId}
      canComment={permissions.canComment}
      canResolveAny={permissions.canResolveAny}
      userId={permissions.userId}
      onCreated={(note) => {
        act.addNote(note);
        if (!note.parentId) setPanel({ kind: "notes", rowId: panel.rowId, anchor: null, threadId: note.id });
      }}
      onUpdated={act.updateNote}
      onClose={close}
    />
  );
}
