"use client";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { LinkifiedText } from "@/app/_components/linkified-text";
import type { ActionError } from "@/app/_lib/run-action";
import { api } from "@/lib/editor/api-client";
import type { Row } from "@/lib/editor/rows";
import { reanchor } from "@/lib/notes/anchor";
import type { NoteView } from "@/lib/notes/notes";
import type { Thread } from "./notes-model";

export function NoteMeta({ note }: { note: NoteView }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  // An imported note: who imported it, then the author and date its file gave, never as a member's own.
  const fromFile = note.fromFile
    ? [note.fromFile.author, note.fromFile.createdAt && date(note.fromFile.createdAt)].filter(Boolean).join(", ")
    : null;
  return (
    <div className="note-meta">
      <strong>{note.author?.name ?? t("editor.someone")}</strong>
      <span className="muted">{date(note.createdAt)}</span>
      {fromFile !== null && (
        <span className="from-file" data-testid="from-file">
          {fromFile ? t("notes.fromFile", { details: fromFile }) : t("notes.fromFileUnnamed")}
        </span>
      )}
      {note.lang && <span className="lang-tag">{t(`lang.${note.lang}`)}</span>}
      {note.category && (
        <span className={`mqm-badge ${note.severity}`}>
          {t(`quality.categories.${note.category}`)} · {t(`quality.severity.${note.severity}`)}
        </span>
      )}
    </div>
  );
}

export function ThreadView({
  thread,
  row,
  canComment,
  mayResolve,
  onCreated,
  onUpdated,
  highlighted,
}: {
  thread: Thread;
  row: Row;
  canComment: boolean;
  mayResolve: boolean;
  onCreated: (note: NoteView) => void;
  onUpdated: (note: NoteView) => void;
  highlighted: boolean;
}) {
  const { t } = useTranslation();
  const [reply, setReply] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [busy, setBusy] = useState(false);
  const anchorText = thread.anchor
    ? thread.anchor.side === "source"
      ? row.source
      : (row.cells[thread.lang ?? ""]?.text ?? null)
    : null;
  const anchorGone = thread.anchor && anchorText !== null && reanchor(anchorText, thread.anchor) === null;

  const sendReply = async () => {
    setBusy(true);
    const res = await api.addNote(row.id, {
      body: reply,
      parentId: thread.id,
    });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    setReply("");
    onCreated(res.data.note);
  };
  const toggle = async () => {
    setBusy(true);
    const res = await api.updateNote(thread.id, {
      resolved: !thread.resolved,
    });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    onUpdated(res.data.note);
  };

  return (
    <li
      className={`thread${thread.resolved ? " resolved" : ""}${highlighted ? " highlighted" : ""}`}
      data-testid="thread"
    >
      <NoteMeta note={thread} />
      {thread.anchor &&
        (anchorGone ? (
          <p className="anchor-gone" data-testid="anchor-gone">
            {t("notes.textChanged", { text: thread.anchor.text })}
          </p>
        ) : (
          <p className="anchor-quote">{t("notes.quote", { text: thread.anchor.text })}</p>
        ))}
      <p className="note-body">
        <LinkifiedText text={thread.body} />
      </p>
      {thread.replies.length > 0 && (
        <ul className="replies">
          {thread.replies.map((r) => (
            <li key={r.id} data-testid="reply">
              <NoteMeta note={r} />
              <p className="note-body">
                <LinkifiedText text={r.body} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {thread.resolved && thread.resolvedBy && (
        <p className="muted">{t("notes.resolved", { name: thread.resolvedBy.name })}</p>
      )}
      <ErrorText error={error} />
      <div className="row-buttons">
        {canComment && !thread.resolved && (
          <>
            <textarea
              className="reply-input"
              value={reply}
              onChange={(e) => setReply(e.target.value)}
              placeholder={t("notes.replyPlaceholder")}
              aria-label={t("notes.reply")}
              maxLength={10_000}
            />
            <button type="button" disabled={busy || !reply.trim()} onClick={sendReply}>
              {t("notes.reply")}
            </button>
          </>
        )}
        {mayResolve && (
          <button type="button" disabled={busy} onClick={toggle}>
            {thread.resolved ? t("notes.reopen") : t("notes.resolve")}
          </button>
        )}
      </div>
    </li>
  );
}
