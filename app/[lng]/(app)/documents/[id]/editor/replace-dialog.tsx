"use client";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "@/app/_components/error-text";
import { WordDiffView } from "@/app/_components/word-diff-view";
import type { ActionError } from "@/app/_lib/run-action";
import { api } from "@/lib/editor/api-client";
import { useModalDialog } from "./panels";

interface Change {
  segmentId: string;
  position: number;
  before: string;
  after: string;
  count: number;
}

/** A paragraph the replacement would leave unsavable (empty, too long): listed, never written. */
interface Refused extends Change {
  reason: "empty" | "too_long" | "control_characters";
}

/** Find and replace in one language's translations: preview every change, then apply all in one go. */
export function ReplaceDialog({
  documentId,
  langs,
  open,
  onClose,
  beforeRun,
  onApplied,
}: {
  documentId: string;
  langs: string[];
  open: boolean;
  onClose: () => void;
  /** Sends pending edits first, so the replacement works on what is really saved. */
  beforeRun: () => Promise<void>;
  onApplied: (lang: string) => void;
}) {
  const { t } = useTranslation();
  const ref = useModalDialog(open);
  const [lang, setLang] = useState(langs[0]);
  const [find, setFind] = useState("");
  const [replace, setReplace] = useState("");
  const [matchCase, setMatchCase] = useState(false);
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [refused, setRefused] = useState<Refused[]>([]);
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (apply: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await beforeRun();
      const res = await api.replace(documentId, {
        lang,
        find,
        replace,
        matchCase,
        apply,
        segmentIds: apply ? changes?.map((c) => c.segmentId) : undefined,
      });
      if (!res.ok) {
        setError(res.error);
        return;
      }
      setRefused(res.data.refused);
      if (apply) {
        setDone(res.data.changes.length);
        setChanges(null);
        onApplied(lang);
      } else {
        setDone(null);
        setChanges(res.data.changes);
      }
    } catch {
      setError({ code: "internal" }); // sending the pending edits failed
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog wide" aria-labelledby="replace-title" onClose={onClose}>
      <h2 id="replace-title">{t("editor.replace.open")}</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run(false);
        }}
      >
        <div className="inline-form">
          <label>
            {t("editor.replace.find")}
            <input value={find} onChange={(e) => setFind(e.target.value)} required maxLength={1000} />
          </label>
          <label>
            {t("editor.replace.with")}
            <input value={replace} onChange={(e) => setReplace(e.target.value)} maxLength={1000} />
          </label>
          {langs.length > 1 && (
            <label>
              {t("document.targetLanguage")}
              <select value={lang} onChange={(e) => setLang(e.target.value)}>
                {langs.map((l) => (
                  <option key={l} value={l}>
                    {t(`lang.${l}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="checkbox">
            <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} />{" "}
            {t("editor.replace.matchCase")}
          </label>
          <button type="submit" disabled={busy || !find}>
            {t("editor.replace.preview")}
          </button>
        </div>
      </form>
      <ErrorText error={error} />
      {done !== null && (
        <p className="form-ok" role="status">
          {t("editor.replace.done", { count: done })}
        </p>
      )}
      {refused.length > 0 && (
        <section aria-labelledby="replace-refused-title">
          <h3 id="replace-refused-title">{t("editor.replace.refusedTitle", { count: refused.length })}</h3>
          <ol className="replace-preview">
            {refused.map((r) => (
              <li key={r.segmentId} value={r.position} data-testid="replace-refused">
                <p className="form-error">{t(`editor.replace.refused.${r.reason}`)}</p>
                <WordDiffView before={r.before} after={r.after} lang={lang} />
              </li>
            ))}
          </ol>
        </section>
      )}
      {changes && changes.length === 0 && refused.length === 0 && <p className="muted">{t("editor.replace.none")}</p>}
      {changes && changes.length > 0 && (
        <>
          <ol className="replace-preview" aria-label={t("editor.replace.preview")}>
            {changes.map((c) => (
              <li key={c.segmentId} value={c.position} data-testid="replace-change">
                <WordDiffView before={c.before} after={c.after} lang={lang} />
              </li>
            ))}
          </ol>
          <button type="button" className="primary" disabled={busy} onClick={() => void run(true)}>
            {t("editor.replace.apply", { count: changes.length })}
          </button>
        </>
      )}
      <form method="dialog">
        <button type="submit">{t("editor.close")}</button>
      </form>
    </dialog>
  );
}
