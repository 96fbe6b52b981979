"use client";

import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { LinkifiedText } from "@/app/_components/linkified-text";
import type { Thread } from "./notes-model";
import type { EditorPanel } from "./panel-types";
import { NoteMeta } from "./thread-view";

/** Every thread of the document, open ones by default, each with a jump to its paragraph. */
export function AllNotesPanel({
  threads,
  positions,
  onJump,
}: {
  threads: Thread[];
  positions: Map<string, number>;
  onJump: (segmentId: string, threadId: string) => void;
}) {
  const { t } = useTranslation();
  const [showResolved, setShowResolved] = useState(false);
  const shown = threads
    .filter((th) => showResolved || !th.resolved)
    .sort((a, b) => (positions.get(a.segmentId) ?? 0) - (positions.get(b.segmentId) ?? 0));
  return (
    <>
      <label className="checkbox">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />{" "}
        {t("notes.showResolved")}
      </label>
      {shown.length === 0 && <p className="muted">{t("notes.none")}</p>}
      <ol className="threads">
        {shown.map((th) => (
          <li key={th.id} className={`thread${th.resolved ? " resolved" : ""}`} data-testid="all-notes-thread">
            <button type="button" className="link" onClick={() => onJump(th.segmentId, th.id)}>
              {t("notes.jump", { position: positions.get(th.segmentId) ?? "?" })}
            </button>
            <NoteMeta note={th} />
            <p className="note-body">
              <LinkifiedText text={th.body} />
            </p>
            {th.replies.length > 0 && <p className="muted">↳ {th.replies.length}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Every thread of the document, each with a jump to its paragraph. */
export const allNotesPanel: EditorPanel = {
  id: "all-notes",
  label: (t) => t("notes.all"),
  title: (t) => t("notes.all"),
  icon: "☰",
  shortcut: { code: "KeyA", alt: true, label: "Alt+A" },
  Component: function AllNotesOfDocument({ ctx }) {
    const positions = useMemo(() => new Map(ctx.rows.map((r) => [r.id, r.position])), [ctx.rows]);
    return (
      <AllNotesPanel
        threads={ctx.threads}
        positions={positions}
        onJump={(segmentId, threadId) => {
          ctx.goToRow(segmentId, ctx.langs[0]);
          ctx.open("notes", { rowId: segmentId, threadId });
        }}
      />
    );
  },
};
