"use client";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import type { ActionError } from "@/app/_lib/run-action";
import { mayResolveThread } from "@/lib/auth/permissions";
import { api } from "@/lib/editor/api-client";
import type { Row } from "@/lib/editor/rows";
import { type MqmCategory, mqmCategories, type Severity, severities } from "@/lib/notes/mqm-categories";
import type { NoteView } from "@/lib/notes/notes";
import type { Thread } from "./notes-model";
import type { EditorPanel } from "./panel-types";
import { ThreadView } from "./thread-view";

export interface PendingAnchor {
  side: "source" | "target";
  lang: string | null;
  start: number;
  end: number;
}

/** One paragraph's notes: threads with replies, resolve/reopen, and the form for a new note or quality error. */
export function NotesPanel({
  row,
  langs,
  threads,
  pending,
  focusThreadId,
  canComment,
  canResolveAny,
  userId,
  onCreated,
  onUpdated,
}: {
  row: Row;
  langs: string[];
  threads: Thread[];
  pending: PendingAnchor | null;
  focusThreadId: string | null;
  canComment: boolean;
  canResolveAny: boolean;
  userId: string;
  onCreated: (note: NoteView) => void;
  onUpdated: (note: NoteView) => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState("");
  const [about, setAbout] = useState<string>(pending?.lang ?? (pending?.side === "source" ? "" : (langs[0] ?? "")));
  const [category, setCategory] = useState<MqmCategory | "">("");
  const [severity, setSeverity] = useState<Severity>("minor");
  const [error, setError] = useState<ActionError | null>(null);
  const [busy, setBusy] = useState(false);
  const quoted = pending
    ? (pending.side === "source" ? row.source : (row.cells[pending.lang ?? ""]?.text ?? "")).slice(
        pending.start,
        pending.end,
      )
    : null;

  const submit = async () => {
    setBusy(true);
    const res = await api.addNote(row.id, {
      body,
      lang: pending?.side === "target" ? pending.lang : about || null,
      anchor: pending ? { side: pending.side, start: pending.start, end: pending.end } : undefined,
      category: category || undefined,
      severity: category ? severity : undefined,
    });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    setBody("");
    onCreated(res.data.note);
  };

  return (
    <>
      {canComment && (
        <form
          className="stack note-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {quoted !== null && <p className="anchor-quote">{t("notes.quote", { text: quoted })}</p>}
          {!pending && (
            <label>
              {t("notes.about")}
              <select value={about} onChange={(e) => setAbout(e.target.value)}>
                {langs.map((l) => (
                  <option key={l} value={l}>
                    {t(`lang.${l}`)}
                  </option>
                ))}
                <option value="">{t("notes.wholeParagraph")}</option>
              </select>
            </label>
          )}
          <label>
            {t("notes.body")}
            <textarea
              value={body}
              onChange={(e) => setBody(e.target.value)}
              placeholder={t("notes.notePlaceholder")}
              maxLength={10_000}
              required
            />
          </label>
          <div className="inline-form">
            <label>
              {t("notes.category")}
              <select value={category} onChange={(e) => setCategory(e.target.value as MqmCategory | "")}>
                <option value="">{t("notes.noCategory")}</option>
                {mqmCategories.map((c) => (
                  <option key={c} value={c}>
                    {t(`quality.categories.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            {category && (
              <label>
                {t("notes.severity")}
                <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
                  {severities.map((s) => (
                    <option key={s} value={s}>
                      {t(`quality.severity.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <ErrorText error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t("notes.add")}
          </button>
        </form>
      )}
      {threads.length === 0 && <p className="muted">{t("notes.none")}</p>}
      <ol className="threads">
        {threads.map((thread) => (
          <ThreadView
            key={thread.id}
            thread={thread}
            row={row}
            canComment={canComment}
            // The server decides the same way: own threads, and those addressed to one (last translator, @mention).
            mayResolve={mayResolveThread({ canResolveAny, canResolveOwn: canComment, userId }, thread)}
            onCreated={onCreated}
            onUpdated={onUpdated}
            highlighted={thread.id === focusThreadId}
          />
        ))}
      </ol>
    </>
  );
}

/** A paragraph's notes: the one in focus, or the one whose notes button was pressed. */
export const notesPanel: EditorPanel = {
  id: "notes",
  label: (t) => t("editor.panels.notes"),
  title: (t, ctx) => (ctx.row ? t("notes.title", { position: ctx.row.position }) : t("editor.panels.notes")),
  icon: "✎",
  shortcut: { code: "KeyN", alt: true, label: "Alt+N" },
  followsRow: true,
  Component: function NotesPanelOfRow({ ctx, args }) {
    const { t } = useTranslation();
    const { row } = ctx;
    if (!row) return <p className="muted">{t("editor.panels.pickParagraph")}</p>;
    return (
      <NotesPanel
        key={`${row.id}-${args.anchor?.start ?? ""}-${args.anchor?.end ?? ""}`}
        row={row}
        langs={ctx.langs}
        threads={ctx.bySegment.get(row.id) ?? []}
        pending={args.rowId === row.id ? (args.anchor ?? null) : null}
        focusThreadId={args.threadId ?? null}
        canComment={ctx.permissions.canComment}
        canResolveAny={ctx.permissions.canResolveAny}
        userId={ctx.permissions.userId}
        onCreated={(note) => {
          ctx.addNote(note);
          if (!note.parentId) ctx.open("notes", { rowId: row.id, threadId: note.id });
        }}
        onUpdated={ctx.updateNote}
      />
    );
  },
};
