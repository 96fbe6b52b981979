"use client";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { LinkifiedText } from "@/app/_components/linkified-text";
import type { ActionError } from "@/app/_lib/run-action";
import type { Row } from "@/lib/editor/rows";
import { reanchor } from "@/lib/notes/anchor";
import { mqmCategories, severities } from "@/lib/notes/mqm";
import type { NoteView } from "@/lib/notes/notes";
import type { Thread } from "./notes-model";

export interface PendingAnchor {
  side: "source" | "target";
  lang: string | null;
  start: number;
  end: number;
}

async function send(
  url: string,
  method: string,
  body: unknown,
): Promise<{ ok: true; data: { note: NoteView } } | { ok: false; error: ActionError }> {
  try {
    const res = await fetch(url, {
      method,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    return res.ok ? { ok: true, data: json } : { ok: false, error: json.error ?? { code: "internal" } };
  } catch {
    return { ok: false, error: { code: "internal" } };
  }
}

export function NoteMeta({ note }: { note: NoteView }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="note-meta">
      <strong>{note.author?.name ?? t("editor.someone")}</strong>
      <span className="muted">{new Date(note.createdAt).toLocaleString(i18n.language)}</span>
      {note.lang && <span className="lang-tag">{note.lang}</span>}
      {note.category && (
        <span className={`mqm-badge ${note.severity}`}>
          {t(`quality.categories.${note.category}`)} · {t(`quality.severity.${note.severity}`)}
        </span>
      )}
    </div>
  );
}

function ThreadView({
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
    const res = await send(`/api/v1/segments/${encodeURIComponent(row.id)}/notes`, "POST", {
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
    const res = await send(`/api/v1/notes/${encodeURIComponent(thread.id)}`, "PATCH", { resolved: !thread.resolved });
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
  onClose,
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
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState("");
  const [about, setAbout] = useState<string>(pending?.lang ?? (pending?.side === "source" ? "" : (langs[0] ?? "")));
  const [category, setCategory] = useState("");
  const [severity, setSeverity] = useState("minor");
  const [error, setError] = useState<ActionError | null>(null);
  const [busy, setBusy] = useState(false);
  const title = t("notes.title", { position: row.position });
  const quoted = pending
    ? (pending.side === "source" ? row.source : (row.cells[pending.lang ?? ""]?.text ?? "")).slice(
        pending.start,
        pending.end,
      )
    : null;

  const submit = async () => {
    setBusy(true);
    const res = await send(`/api/v1/segments/${encodeURIComponent(row.id)}/notes`, "POST", {
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
    <aside className="side-panel" aria-label={title}>
      <div className="side-panel-head">
        <h2>{title}</h2>
        <button type="button" onClick={onClose}>
          {t("editor.close")}
        </button>
      </div>
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
              <select value={category} onChange={(e) => setCategory(e.target.value)}>
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
                <select value={severity} onChange={(e) => setSeverity(e.target.value)}>
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
            mayResolve={canResolveAny || (canComment && thread.author?.id === userId)}
            onCreated={onCreated}
            onUpdated={onUpdated}
            highlighted={thread.id === focusThreadId}
          />
        ))}
      </ol>
    </aside>
  );
}
